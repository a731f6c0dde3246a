// panva's certified OpenID provider (npm oidc-provider), run in-process on 127.0.0.1 for the
// conformance tests: nobody here wrote it, so it shows how the client fares against a real server.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** How the one registered client authenticates; a `client_secret_post` client is refused Basic. */
export type OidcClientAuthentication = 'client_secret_basic' | 'client_secret_post';

/** Settings of {@link startOidcProvider}. */
export interface OidcProviderOptions {
  /** The issuer's path, e.g. `/realms/acme`; `''` for an issuer at the origin. Default `''`. */
  issuerPath?: string;
  /** Spell the issuer with a trailing slash (`http://127.0.0.1:port/`), as some servers do. */
  trailingSlash?: boolean;
  /**
   * The client's registered `token_endpoint_auth_method`. Default `client_secret_basic`. Note that
   * oidc-provider takes a Basic header for either, so `client_secret_post` alone does not refuse Basic.
   */
  clientAuthentication?: OidcClientAuthentication;
  /**
   * The methods the server reads at all (its `clientAuthMethods`). `['client_secret_basic']` makes a
   * Basic-only server, which does not read `client_secret` from the form body.
   */
  clientAuthMethods?: readonly OidcClientAuthentication[];
  /** Rotate the refresh token on every use (RFC 9700 §4.14). Default true. */
  rotateRefreshToken?: boolean;
  /** Extra scopes the server knows beyond `openid` and `offline_access`. */
  scopes?: readonly string[];
}

/** A running provider, its one client and a scripted browser. */
export interface RunningOidcProvider {
  /** The issuer identifier, exactly as the metadata spells it. */
  issuer: string;
  authorizationUrl: string;
  tokenUrl: string;
  client: { clientId: string; clientSecret: string; redirectUri: string };
  /**
   * Plays the user's browser from the authorize URL to the redirect URI: follows redirects with a
   * cookie jar, logs in as `user-1` and grants (or declines) consent at the interaction step with
   * `provider.interactionFinished`, as a login page would. Returns the callback URL.
   */
  logIn(authorizationUrl: URL, options?: { decision?: 'allow' | 'deny' }): Promise<URL>;
  /** Every request the token endpoint received: its `authorization` header and form body. */
  tokenRequests: Array<{ authorization: string | undefined; body: URLSearchParams }>;
  stop(): Promise<void>;
}

/** Starts oidc-provider on a random port of 127.0.0.1, with interactions answered over HTTP. */
export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<RunningOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mountPath = options.issuerPath ?? '';
  const issuer = `${origin}${mountPath}${options.trailingSlash === true ? '/' : ''}`;
  const client = { clientId: `client-${randomUUID()}`, clientSecret: `secret+/=${randomUUID()}`, redirectUri: `${origin}/callback` };
  const decisions: Array<'allow' | 'deny'> = [];
  const tokenRequests: RunningOidcProvider['tokenRequests'] = [];

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: options.clientAuthentication ?? 'client_secret_basic',
      },
    ],
    clientAuthMethods: [...(options.clientAuthMethods ?? ['client_secret_basic', 'client_secret_post'])],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomUUID()] },
    scopes: ['openid', 'offline_access', ...(options.scopes ?? [])],
    claims: { openid: ['sub'] },
    findAccount: async (_context, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    rotateRefreshToken: options.rotateRefreshToken ?? true,
    // Set, so the provider does not print a notice for each default it falls back on.
    ttl: { AccessToken: 3600, IdToken: 3600, RefreshToken: 86_400, Grant: 86_400, Session: 3600, Interaction: 600, AuthorizationCode: 60 },
    // Quiet in test output; the default renderer prints HTML pages for browser errors.
    renderError: (context, out) => {
      context.type = 'json';
      context.body = out;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  const handle = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'login') {
      if (decisions.shift() === 'deny') {
        await provider.interactionFinished(request, response, { error: 'access_denied', error_description: 'The user JANE DOE declined' });
        return;
      }
      await provider.interactionFinished(request, response, { login: { accountId: 'user-1' } }, { mergeWithLastSubmission: false });
      return;
    }
    const accountId = details.session?.accountId ?? 'user-1';
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    await provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  server.on('request', (request: IncomingMessage & { originalUrl?: string }, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/interaction/')) {
      interaction(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    if (!url.startsWith(mountPath)) {
      response.statusCode = 404;
      response.end();
      return;
    }
    // Mounted under the issuer's path, as behind a reverse proxy or a framework router.
    request.originalUrl = url;
    request.url = url.slice(mountPath.length) || '/';
    if (request.method === 'POST' && request.url === '/token') recordTokenRequest(request);
    handle(request, response);
  });

  function recordTokenRequest(request: IncomingMessage): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      tokenRequests.push({ authorization: request.headers.authorization, body: new URLSearchParams(Buffer.concat(chunks).toString()) });
    });
  }

  const discovered = await (await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)).json();
  return {
    issuer,
    authorizationUrl: discovered.authorization_endpoint,
    tokenUrl: discovered.token_endpoint,
    client,
    tokenRequests,
    async logIn(authorizationUrl, { decision = 'allow' } = {}) {
      decisions.push(decision);
      return followToRedirectUri(authorizationUrl, client.redirectUri);
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser reduced to what the login needs: redirects followed by hand, and a cookie jar. */
async function followToRedirectUri(start: URL, redirectUri: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 20; hop++) {
    if (url.href.startsWith(redirectUri)) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const location = response.headers.get('location');
    if (location === null) throw new Error(`The login stopped at ${url.pathname} with HTTP ${response.status}: ${await response.text()}`);
    await response.body?.cancel();
    url = new URL(location, url);
  }
  throw new Error('The login went through more than 20 redirects.');
}
