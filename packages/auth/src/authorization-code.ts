import * as oauth from 'oauth4webapi';
import {
  AuthError,
  AuthErrorCode,
  AuthorizationDeniedError,
  AuthorizationIssuerError,
  AuthorizationStateError,
  ReauthorizationRequiredError,
} from './auth-errors.js';
import { parseSecureUrl } from './secure-url.js';
import { createTokenEndpoint, type TokenEndpointSettings } from './token-endpoint.js';
import { readTokenResponse, type TokenSet } from './token-response.js';

/** Settings of {@link createAuthorizationCodeClient}. */
export interface AuthorizationCodeSettings extends TokenEndpointSettings {
  /** The authorization endpoint the user's browser is sent to, e.g. `https://login.example.com/oauth/authorize`. */
  authorizationUrl: string | URL;
  /**
   * The authorization server's issuer identifier: its metadata's `issuer`, e.g.
   * `https://login.example.com/realms/acme`, `https://example.okta.com/oauth2/default` or
   * `https://accounts.example.com/`. Compared as an exact string with a callback's `iss` (RFC 9207)
   * and an ID token's `iss` (OpenID Connect Core §3.1.3.7): a path or a trailing slash counts.
   * {@link discoverAuthorizationServer} reads it from the metadata.
   *
   * Needed to ask for the `openid` scope. Without it no issuer is assumed: a callback that carries
   * `iss` is refused (`AUTH_ISSUER_MISMATCH`) before its code is used, and a token answer with an ID
   * token is refused (`AUTH_ID_TOKEN_INVALID`).
   */
  issuer?: string | undefined;
  /**
   * The server sends `iss` with every callback (its metadata's
   * `authorization_response_iss_parameter_supported`, RFC 9207): a callback without it is refused.
   * Default false; {@link discoverAuthorizationServer} sets it from the metadata.
   */
  requireIssuerParameter?: boolean | undefined;
  /**
   * The JWS algorithms accepted for ID tokens (the metadata's `id_token_signing_alg_values_supported`).
   * Default `RS256` only, as OpenID Connect Core §3.1.3.7 says.
   */
  idTokenSigningAlgorithms?: readonly string[] | undefined;
  /** Send a PKCE S256 challenge (RFC 7636). Default true; turn off only for a server that rejects it. */
  pkce?: boolean | undefined;
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * Authorization request parameters the flow sets itself: {@link AuthorizationRequestParameters}
 * cannot hold them. `scope` comes from `scopes`; `response_mode`, `request` and `request_uri` would
 * change how the callback arrives or replace the request wholesale.
 */
export const reservedAuthorizationParameters = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'response_mode',
  'request',
  'request_uri',
] as const;

/** One of {@link reservedAuthorizationParameters}. */
export type ReservedAuthorizationParameter = (typeof reservedAuthorizationParameters)[number];

/**
 * Extra authorization request parameters, e.g. `{ prompt: 'consent', login_hint: 'jo@example.com' }`
 * or `{ resource: ['https://api.example.com'] }` (RFC 8707; an array sends the parameter once per
 * value). An undefined value is left out. The flow's own parameters are refused, by the type and at
 * run time (`AUTH_INVALID_ARGUMENT`).
 */
export type AuthorizationRequestParameters = {
  readonly [name: string]: string | readonly string[] | undefined;
} & { readonly [name in ReservedAuthorizationParameter]?: never };

/**
 * What to keep server-side (in the user's session) between sending the user to the provider and the
 * callback. Plain JSON. It holds the PKCE verifier: never send it to the browser.
 */
export interface PendingAuthorization {
  /** The anti-CSRF value the callback must echo. */
  state: string;
  /** The PKCE verifier, when PKCE is on. */
  codeVerifier: string | undefined;
  /** The OpenID Connect `nonce` the ID token must carry, when `openid` was asked for. */
  nonce?: string | undefined;
  /** The redirect URI the code is bound to. */
  redirectUri: string;
  /** When the authorization started, in milliseconds since the epoch. */
  createdAt: number;
}

/** A token set with its expiry resolved against the local clock. */
export interface ReceivedTokens extends TokenSet {
  /** When the access token stops being usable, in milliseconds since the epoch (local clock); undefined if unknown. */
  expiresAt: number | undefined;
}

/** The authorization-code and refresh grants of one OAuth client. */
export interface AuthorizationCodeClient {
  /**
   * The URL to send the user's browser to, and the {@link PendingAuthorization} to keep server-side.
   * `state` is always sent; PKCE S256 unless turned off; a `nonce` when `scopes` holds `openid`.
   *
   * @throws {AuthError} `AUTH_INVALID_ARGUMENT` when `parameters` holds one of the flow's own
   * parameters; `AUTH_INVALID_CONFIGURATION` when `openid` is asked for without an `issuer`.
   */
  createAuthorizationRequest(options: {
    scopes: readonly string[];
    redirectUri: string;
    /** Extra parameters such as `prompt`, `login_hint` or `resource`. */
    parameters?: AuthorizationRequestParameters | undefined;
  }): Promise<{
    authorizationUrl: URL;
    pending: PendingAuthorization;
  }>;
  /**
   * Checks the callback in RFC 9207 order (its `iss` first, then `state`, then `?error=`),
   * exchanges its code with client authentication, and returns the tokens. Nothing is sent to the
   * token endpoint unless every check before it passed. An ID token in the answer is checked after
   * the exchange (issuer, audience, nonce, expiry, algorithm): when it fails, the code is used up
   * and the answer's tokens are discarded, never returned or stored (`AUTH_ID_TOKEN_INVALID`).
   *
   * @throws {AuthorizationIssuerError} `AUTH_ISSUER_MISMATCH`: `iss` differs from `issuer`, or is missing though required.
   * @throws {AuthorizationStateError} Missing or different `state`: a possible CSRF; nothing is exchanged.
   * @throws {AuthorizationDeniedError} The callback carried `?error=` (the user declined, …).
   * @throws {AuthError} `AUTH_INVALID_CALLBACK` when the callback carries no `code`, or `code`, `state`, `iss` or `error` twice; nothing is exchanged.
   * @throws {AuthError} `AUTH_INVALID_ARGUMENT` when `pending` is not what createAuthorizationRequest returned.
   * @throws {AuthError} `AUTH_AUTHORIZATION_CODE_REJECTED` when the code expired (they live seconds) or was used.
   * @throws {AuthError} `AUTH_ID_TOKEN_INVALID` when the answer's ID token fails validation.
   */
  completeAuthorization(callbackUrl: string | URL, pending: PendingAuthorization): Promise<ReceivedTokens>;
  /**
   * Exchanges a refresh token for new tokens. `redirect_uri` is sent along, as some providers
   * require. The result's `refreshToken` is the new one when the server rotated it,
   * else the one passed in.
   *
   * @throws {ReauthorizationRequiredError} When the server answers `invalid_grant`.
   * @throws {AuthError} `AUTH_INVALID_ARGUMENT` for an empty refresh token; nothing is sent.
   */
  refresh(refreshToken: string, options: { redirectUri?: string | undefined }): Promise<ReceivedTokens>;
  /**
   * The longest one token request may take, in milliseconds (the `timeout` setting). The user token
   * provider sizes its refresh lock from it; optional for clients written by hand.
   */
  readonly tokenTimeoutMs?: number | undefined;
}

/**
 * The OAuth 2.0 authorization-code grant (RFC 6749 §4.1) with PKCE and refresh, on oauth4webapi.
 *
 * @example
 * ```ts
 * const oauthClient = createAuthorizationCodeClient({ issuer, authorizationUrl, tokenUrl, clientId, clientSecret });
 * // or: createAuthorizationCodeClient({ ...(await discoverAuthorizationServer({ issuer })), clientId, clientSecret });
 * const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
 * session.pending = pending;            // server-side
 * redirect(authorizationUrl);           // …the user logs in and comes back to redirectUri…
 * const tokens = await oauthClient.completeAuthorization(request.url, session.pending);
 * ```
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for an insecure or malformed URL or issuer, or missing credentials.
 */
export function createAuthorizationCodeClient(settings: AuthorizationCodeSettings): AuthorizationCodeClient {
  const authorizationUrl = parseSecureUrl(settings.authorizationUrl, 'authorizationUrl').url;
  const endpoint = createTokenEndpoint(settings, authorizationUrl);
  const issuer = settings.issuer;
  if (issuer !== undefined) requireIssuerIdentifier(issuer);
  else if (settings.requireIssuerParameter === true) {
    throw new AuthError('requireIssuerParameter needs the issuer setting to check the callbacks against.', {
      code: AuthErrorCode.invalidConfiguration,
      hint: setIssuerHint,
    });
  }
  const { client } = endpoint;
  const authorizationServer: oauth.AuthorizationServer = {
    ...endpoint.authorizationServer,
    // oauth4webapi compares both `iss` checks with this string. Without an `issuer` setting nothing
    // may match: the callback's `iss` is refused before this is read, and an ID token's `iss` (a
    // URL) can never equal this URN.
    issuer: issuer ?? 'urn:coverlink:issuer-not-configured',
    authorization_response_iss_parameter_supported: settings.requireIssuerParameter ?? false,
    id_token_signing_alg_values_supported:
      settings.idTokenSigningAlgorithms === undefined ? undefined : [...settings.idTokenSigningAlgorithms],
  };
  const context = { clientAuthentication: endpoint.clientAuthentication, issuerConfigured: issuer !== undefined };
  const usePkce = settings.pkce ?? true;
  const now = settings.now ?? Date.now;

  async function receive(
    response: Response,
    receivedAt: number,
    process: Parameters<typeof readTokenResponse>[4],
  ): Promise<ReceivedTokens> {
    const tokens = await readTokenResponse(authorizationServer, client, response, receivedAt, process, context);
    return { ...tokens, expiresAt: tokens.expiresInSeconds === undefined ? undefined : receivedAt + tokens.expiresInSeconds * 1000 };
  }

  /** RFC 9207 §2.4: decided before anything else in the callback is believed, `?error=` included. */
  function checkIssuer(received: string | null): void {
    if (received === null) {
      if (authorizationServer.authorization_response_iss_parameter_supported !== true) return;
      throw new AuthorizationIssuerError(
        'The authorization callback carries no iss, though this server sends one with every callback; it may come from another server. Nothing was sent to the token endpoint.',
        {
          expectedIssuer: issuer,
          receivedIssuer: undefined,
          hint: 'Start the authorization again; if it keeps happening, check requireIssuerParameter against the server metadata (authorization_response_iss_parameter_supported).',
        },
      );
    }
    if (issuer === undefined) {
      throw new AuthorizationIssuerError(
        'The authorization callback carries an iss, but no issuer is configured to check it against. Nothing was sent to the token endpoint.',
        { expectedIssuer: undefined, receivedIssuer: received, hint: setIssuerHint },
      );
    }
    if (received !== issuer) {
      throw new AuthorizationIssuerError(
        'The authorization callback names another issuer than the configured one (its iss differs): a wrong issuer setting, or a mix-up attack. Nothing was sent to the token endpoint.',
        {
          expectedIssuer: issuer,
          receivedIssuer: received,
          hint: `${setIssuerHint} If the setting is right, start the authorization again.`,
        },
      );
    }
  }

  return {
    tokenTimeoutMs: endpoint.timeoutMs,
    async createAuthorizationRequest({ scopes, redirectUri, parameters }) {
      parseSecureUrl(redirectUri, 'redirectUri');
      const openid = scopes.includes('openid');
      if (openid && issuer === undefined) {
        throw new AuthError('The openid scope needs the issuer setting: without it no ID token can be validated.', {
          code: AuthErrorCode.invalidConfiguration,
          hint: setIssuerHint,
        });
      }
      const url = new URL(authorizationUrl);
      for (const [name, value] of Object.entries(parameters ?? {})) {
        if ((reservedAuthorizationParameters as readonly string[]).includes(name)) {
          throw new AuthError(`The authorization parameter "${name}" is set by the flow itself and cannot be passed in \`parameters\`.`, {
            code: AuthErrorCode.invalidArgument,
            hint: name === 'scope' ? 'Pass scopes in `scopes`.' : `Remove "${name}" from \`parameters\`; the client sets it.`,
          });
        }
        if (value === undefined) continue;
        const values: readonly unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [value];
        if (!values.every((each) => typeof each === 'string'))
          throw invalidArgument(`parameters.${name}`, 'Pass each parameter as a string, or an array of strings to repeat it.');
        for (const each of values as readonly string[]) url.searchParams.append(name, each);
      }
      const state = oauth.generateRandomState();
      const codeVerifier = usePkce ? oauth.generateRandomCodeVerifier() : undefined;
      const nonce = openid ? oauth.generateRandomNonce() : undefined;
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', settings.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', scopes.join(' '));
      url.searchParams.set('state', state);
      if (nonce !== undefined) url.searchParams.set('nonce', nonce);
      if (codeVerifier !== undefined) {
        url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
        url.searchParams.set('code_challenge_method', 'S256');
      }
      const pending: PendingAuthorization = { state, codeVerifier, redirectUri, createdAt: now() };
      if (nonce !== undefined) pending.nonce = nonce;
      return { authorizationUrl: url, pending };
    },

    async completeAuthorization(callbackUrl, pending) {
      requirePending(pending, usePkce);
      const callback = callbackUrlOf(callbackUrl);
      const { searchParams } = callback;
      // Repeats first: with two values, which one each check would read is anybody's guess.
      for (const name of ['iss', 'state', 'code', 'error']) {
        const count = searchParams.getAll(name).length;
        if (count > 1) throw malformedCallback(`"${name}" appears ${count} times`);
      }
      checkIssuer(searchParams.get('iss'));
      const returnedState = searchParams.get('state');
      if (returnedState === null) throw new AuthorizationStateError('The authorization callback carries no state; it may be forged.');
      if (!sameText(returnedState, pending.state)) {
        throw new AuthorizationStateError('The authorization callback carries a state this login did not send; it may be forged.');
      }
      const error = searchParams.get('error');
      if (error !== null) throw new AuthorizationDeniedError(error, searchParams.get('error_description') ?? undefined);

      // Checked here because oauth4webapi's validateAuthResponse leaves `code` alone: a missing
      // code would only fail inside the token request.
      if (!searchParams.get('code')) throw malformedCallback('it carries no code');
      let parameters: URLSearchParams;
      try {
        parameters = oauth.validateAuthResponse(authorizationServer, client, callback, pending.state);
      } catch {
        throw malformedCallback('it carries a response of another OAuth flow');
      }
      const receivedAt = now();
      const response = await endpoint.send(() =>
        oauth.authorizationCodeGrantRequest(
          authorizationServer,
          client,
          endpoint.authenticate,
          parameters,
          pending.redirectUri,
          pending.codeVerifier ?? oauth.nopkce,
          // A code is good for one exchange: once the request may have reached the server, it is not sent again.
          endpoint.requestOptions({ repeat: 'unsent-only' }),
        ),
      );
      // With a nonce (openid was asked for), the answer must hold an ID token bound to it.
      const processCodeResponse: Parameters<typeof readTokenResponse>[4] = (server, oauthClient, answer) =>
        oauth.processAuthorizationCodeResponse(
          server,
          oauthClient,
          answer,
          pending.nonce === undefined ? undefined : { expectedNonce: pending.nonce },
        );
      try {
        return await receive(response, receivedAt, processCodeResponse);
      } catch (caught) {
        if (AuthError.isInstance(caught) && caught.oauthError === 'invalid_grant') {
          throw new AuthError('The authorization code was refused: it expired, was already used, or belongs to another redirect URI.', {
            code: AuthErrorCode.authorizationCodeRejected,
            status: caught.status,
            oauthError: caught.oauthError,
            providerMessage: caught.providerMessage,
            hint: `Codes are valid for a short time (often 60 s) and only once: start the authorization again (it started ${Math.round((now() - pending.createdAt) / 1000)} s ago).`,
          });
        }
        throw caught;
      }
    },

    async refresh(refreshToken, { redirectUri }) {
      if (typeof refreshToken !== 'string' || refreshToken === '')
        throw invalidArgument('refreshToken', 'Pass the refresh token of the stored grant exactly as it was received.');
      if (redirectUri !== undefined && typeof redirectUri !== 'string')
        throw invalidArgument('redirectUri', 'Pass the registered redirect URI as a string.');
      const receivedAt = now();
      const response = await endpoint.send(() =>
        oauth.refreshTokenGrantRequest(authorizationServer, client, endpoint.authenticate, refreshToken, {
          // The server may rotate the refresh token on the first request; a repeat would present a revoked one.
          ...endpoint.requestOptions({ repeat: 'unsent-only' }),
          additionalParameters: redirectUri === undefined ? undefined : { redirect_uri: redirectUri },
        }),
      );
      let tokens: ReceivedTokens;
      try {
        tokens = await receive(response, receivedAt, oauth.processRefreshTokenResponse);
      } catch (caught) {
        if (AuthError.isInstance(caught) && caught.oauthError === 'invalid_grant') {
          throw new ReauthorizationRequiredError('The provider refused the refresh token (invalid_grant): the grant is no longer valid.', {
            status: caught.status,
            oauthError: caught.oauthError,
          });
        }
        throw caught;
      }
      // No new refresh token in the answer means the old one stays valid (RFC 6749 §6).
      return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
    },
  };
}

const setIssuerHint =
  "Set `issuer` to the authorization server's issuer identifier exactly as its metadata's `issuer` says (path and trailing slash included), or use discoverAuthorizationServer.";

function requireIssuerIdentifier(issuer: unknown): void {
  let url: URL | undefined;
  try {
    url = typeof issuer === 'string' ? new URL(issuer) : undefined;
  } catch {
    url = undefined;
  }
  // RFC 8414 §2: an https URL with no query or fragment; http only for this machine (as every URL here).
  if (url === undefined || url.search !== '' || url.hash !== '' || (typeof issuer === 'string' && /[?#]/.test(issuer))) {
    throw new AuthError('issuer is not an issuer identifier (an absolute URL without query or fragment).', {
      code: AuthErrorCode.invalidConfiguration,
      hint: "Copy `issuer` from the server's metadata (/.well-known/openid-configuration or /.well-known/oauth-authorization-server).",
    });
  }
  parseSecureUrl(url, 'issuer');
}

const pendingHint =
  'Pass the pending authorization exactly as createAuthorizationRequest returned it (kept server-side, in the user session).';

function requirePending(pending: PendingAuthorization, usePkce: boolean): void {
  const shape = pending as Partial<Record<keyof PendingAuthorization, unknown>> | null | undefined;
  if (typeof shape?.state !== 'string' || shape.state === '') throw invalidArgument('pending.state', pendingHint);
  if (typeof shape.redirectUri !== 'string') throw invalidArgument('pending.redirectUri', pendingHint);
  const verifier = shape.codeVerifier;
  if ((usePkce && verifier === undefined) || (verifier !== undefined && (typeof verifier !== 'string' || verifier === ''))) {
    throw invalidArgument('pending.codeVerifier', pendingHint);
  }
  if (shape.nonce !== undefined && (typeof shape.nonce !== 'string' || shape.nonce === ''))
    throw invalidArgument('pending.nonce', pendingHint);
}

function callbackUrlOf(callbackUrl: string | URL): URL {
  try {
    return new URL(callbackUrl);
  } catch {
    throw invalidArgument('callbackUrl', 'Pass the absolute URL the redirect URI received, query included.');
  }
}

function invalidArgument(name: string, hint: string): AuthError {
  // The name only: the value may be a token or a verifier.
  return new AuthError(`${name} is missing, empty or of the wrong type; nothing was sent.`, { code: AuthErrorCode.invalidArgument, hint });
}

function malformedCallback(why: string): AuthError {
  // Parameter names only: the values (the code, the state) never go into the message.
  return new AuthError(`The authorization callback is malformed: ${why}. Nothing was sent to the token endpoint.`, {
    code: AuthErrorCode.invalidCallback,
    hint: 'Pass the callback URL exactly as your redirect URI received it, or start the authorization again; a hand-made or tampered callback is refused on purpose.',
  });
}

function sameText(left: string, right: string): boolean {
  // Length leaks nothing useful here (states are fixed-length random); compare every character anyway.
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}
