import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorizeEndpoint } from './authorize-endpoint.js';
import {
  checkLifetime,
  defaultLoginRequestSeconds,
  demoClient,
  demoUser,
  documentedLifetimes,
  type HelloClaimsClient,
  type HelloClaimsUser,
  helloClaimsMockPort,
  helloClaimsPaths,
  registerClients,
  registerUsers,
} from './config.js';
import { sendJson } from './http.js';
import { type AccessTokenInfo, type HelloClaimsStats, IssuedGrants, type RefreshTokenState } from './issued-grants.js';
import { TokenEndpointHandler } from './token-endpoint-handler.js';

/** Options of {@link createHelloClaimsAuthorization} and {@link startHelloClaimsAuthorizationServer}. */
export interface HelloClaimsAuthorizationOptions {
  /** The registered clients. Default: {@link demoClient} only. */
  clients?: readonly HelloClaimsClient[] | undefined;
  /** The people who can sign in. Default: {@link demoUser} only (and then the login page shows its credentials). */
  users?: readonly HelloClaimsUser[] | undefined;
  /** How long a code is valid. Default 60 s, as documented. */
  codeLifetimeSeconds?: number | undefined;
  /** How long an access token is valid; also `expires_in`. Default 1800 s, as documented. */
  accessTokenLifetimeSeconds?: number | undefined;
  /** How long a refresh token is valid; each rotation starts a new lifetime. Default 24 h, as documented. */
  refreshTokenLifetimeSeconds?: number | undefined;
  /** How long a login page can be submitted. Default 600 s. */
  loginRequestLifetimeSeconds?: number | undefined;
  /** The clock, in milliseconds since the epoch; tests pass one they can move forward. Default `Date.now`. */
  now?: (() => number) | undefined;
  /**
   * Whether presenting an already rotated refresh token also revokes the tokens that replaced it (OAuth 2.0 Security BCP,
   * RFC 9700 §4.14.2): the whole token family, the current refresh token included, so the user must log in again; counted
   * in `stats().familiesRevoked`, and `refreshTokenState()` then reports every token of the family `revoked`. Default `false`: the reuse is answered with `invalid_grant` and counted in
   * `stats().invalidGrant.refresh_token_reused`, and the current refresh token keeps working, so that one client bug shows
   * up as one failure rather than as a cascade.
   */
  revokeOnRefreshTokenReuse?: boolean | undefined;
  /** Receives one line per notable event (login, code issued, tokens issued, refusals with their reason). Default: dropped. */
  onLog?: ((line: string) => void) | undefined;
}

/** The Hello Claims authorization endpoints as a request handler, for mounting into any `node:http` server. */
export interface HelloClaimsAuthorization {
  /**
   * Answers the request if its path is `/login/broker` or `/login/token` and resolves to `true`; resolves to `false`
   * without touching the response otherwise, so the caller can serve other paths (e.g. a resource API mock).
   */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Counters and currently valid codes and tokens; see {@link HelloClaimsStats}. */
  stats(): HelloClaimsStats;
  /** Whether the access token was issued by this server and is neither expired nor revoked (by the server's clock). */
  isAccessTokenValid(token: string): boolean;
  /** The details of a valid access token, or `undefined` when it is not valid. */
  introspectAccessToken(token: string): AccessTokenInfo | undefined;
  /**
   * What the server thinks of a refresh token (by the server's clock): a test checks with it that the refresh token a
   * client stored is the one the server still accepts (`active`), not one it rotated away or revoked.
   */
  refreshTokenState(token: string): RefreshTokenState;
}

/** A running Hello Claims authorization server. */
export interface RunningHelloClaimsAuthorizationServer extends HelloClaimsAuthorization {
  /** Base URL, e.g. `http://127.0.0.1:4012`. */
  url: string;
  port: number;
  /** `${url}/login/broker`. */
  authorizeUrl: string;
  /** `${url}/login/token`. */
  tokenUrl: string;
  /** Stops listening, closes open connections, and resolves once the server is closed. */
  stop(): Promise<void>;
}

/** Options of {@link startHelloClaimsAuthorizationServer}. */
export interface StartHelloClaimsAuthorizationServerOptions extends HelloClaimsAuthorizationOptions {
  /** The port; `0` picks a free one (what tests use). Default: the documented port 4012. */
  port?: number | undefined;
  /** The interface to listen on. Default `127.0.0.1`. */
  host?: string | undefined;
}

/** Builds the endpoints and their in-memory state, without listening anywhere. */
export function createHelloClaimsAuthorization(options: HelloClaimsAuthorizationOptions = {}): HelloClaimsAuthorization {
  const now = options.now ?? Date.now;
  const onLog = options.onLog ?? (() => {});
  const clients = registerClients(options.clients ?? [demoClient]);
  const users = registerUsers(options.users ?? [demoUser]);
  const grants = new IssuedGrants({
    codeSeconds: checkLifetime('codeLifetimeSeconds', options.codeLifetimeSeconds ?? documentedLifetimes.codeSeconds),
    accessTokenSeconds: checkLifetime(
      'accessTokenLifetimeSeconds',
      options.accessTokenLifetimeSeconds ?? documentedLifetimes.accessTokenSeconds,
    ),
    refreshTokenSeconds: checkLifetime(
      'refreshTokenLifetimeSeconds',
      options.refreshTokenLifetimeSeconds ?? documentedLifetimes.refreshTokenSeconds,
    ),
    now,
    revokeOnRefreshTokenReuse: options.revokeOnRefreshTokenReuse ?? false,
    onLog,
  });
  const authorize = new AuthorizeEndpoint({
    clients,
    users,
    grants,
    loginRequestSeconds: checkLifetime('loginRequestLifetimeSeconds', options.loginRequestLifetimeSeconds ?? defaultLoginRequestSeconds),
    now,
    demoCredentials: options.users === undefined ? demoUser : undefined,
    onLog,
  });
  const token = new TokenEndpointHandler({ clients, grants, onLog });

  return {
    async handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://mock.invalid');
      if (url.pathname !== helloClaimsPaths.authorize && url.pathname !== helloClaimsPaths.token) return false;
      try {
        if (url.pathname === helloClaimsPaths.authorize) await authorize.handle(request, response, url);
        else await token.handle(request, response);
      } catch (error) {
        // A bug in the mock must show as a 500 with its message, not as a hung request.
        const message = error instanceof Error ? error.message : String(error);
        onLog(`internal error on ${url.pathname}: ${message}`);
        if (!response.headersSent) sendJson(response, 500, { error: 'server_error', error_description: message });
        else response.destroy();
      }
      return true;
    },
    stats: () => grants.stats(),
    isAccessTokenValid: (accessToken) => grants.introspectAccessToken(accessToken) !== undefined,
    introspectAccessToken: (accessToken) => grants.introspectAccessToken(accessToken),
    refreshTokenState: (refreshToken) => grants.refreshTokenState(refreshToken),
  };
}

/**
 * Starts the stateful Hello Claims authorization server on 127.0.0.1 and resolves once it listens: the login page at
 * `GET /login/broker` and the token endpoint at `POST /login/token`, as in the provider's OAuth document.
 */
export async function startHelloClaimsAuthorizationServer(
  options: StartHelloClaimsAuthorizationServerOptions = {},
): Promise<RunningHelloClaimsAuthorizationServer> {
  const authorization = createHelloClaimsAuthorization(options);
  const server = createServer((request, response) => {
    void authorization.handle(request, response).then((handled) => {
      if (!handled)
        sendJson(response, 404, {
          error: 'not_found',
          error_description: `Only ${helloClaimsPaths.authorize} and ${helloClaimsPaths.token} exist here.`,
        });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? helloClaimsMockPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    ...authorization,
    url,
    port,
    authorizeUrl: `${url}${helloClaimsPaths.authorize}`,
    tokenUrl: `${url}${helloClaimsPaths.token}`,
    // Idempotent, so that a test's afterEach and an explicit stop() can both call it.
    stop: () =>
      (stopped ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // fetch keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
      })),
  };
}
