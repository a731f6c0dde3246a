import * as oauth from 'oauth4webapi';
import {
  AuthError,
  AuthErrorCode,
  AuthorizationDeniedError,
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
  /** Send a PKCE S256 challenge (RFC 7636). Default true; turn off only for a server that rejects it. */
  pkce?: boolean | undefined;
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * What to keep server-side (in the user's session) between sending the user to the provider and the
 * callback. Plain JSON. It holds the PKCE verifier: never send it to the browser.
 */
export interface PendingAuthorization {
  /** The anti-CSRF value the callback must echo. */
  state: string;
  /** The PKCE verifier, when PKCE is on. */
  codeVerifier: string | undefined;
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
   * `state` is always sent; PKCE S256 unless turned off.
   */
  createAuthorizationRequest(options: { scopes: readonly string[]; redirectUri: string }): Promise<{
    authorizationUrl: URL;
    pending: PendingAuthorization;
  }>;
  /**
   * Checks the callback (state, `?error=`), exchanges its code with client authentication, and
   * returns the tokens.
   *
   * @throws {AuthorizationStateError} Missing or different `state`: a possible CSRF; nothing is exchanged.
   * @throws {AuthorizationDeniedError} The callback carried `?error=` (the user declined, …).
   * @throws {AuthError} `AUTH_INVALID_CALLBACK` when the callback carries no `code`, or `code` or `state` twice; nothing is exchanged.
   * @throws {AuthError} `AUTH_AUTHORIZATION_CODE_REJECTED` when the code expired (they live seconds) or was used.
   */
  completeAuthorization(callbackUrl: string | URL, pending: PendingAuthorization): Promise<ReceivedTokens>;
  /**
   * Exchanges a refresh token for new tokens. `redirect_uri` is sent along, as some providers
   * require. The result's `refreshToken` is the new one when the server rotated it,
   * else the one passed in.
   *
   * @throws {ReauthorizationRequiredError} When the server answers `invalid_grant`.
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
 * const oauthClient = createAuthorizationCodeClient({ authorizationUrl, tokenUrl, clientId, clientSecret });
 * const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
 * session.pending = pending;            // server-side
 * redirect(authorizationUrl);           // …the user logs in and comes back to redirectUri…
 * const tokens = await oauthClient.completeAuthorization(request.url, session.pending);
 * ```
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for an insecure or malformed URL, or missing credentials.
 */
export function createAuthorizationCodeClient(settings: AuthorizationCodeSettings): AuthorizationCodeClient {
  const authorizationUrl = parseSecureUrl(settings.authorizationUrl, 'authorizationUrl').url;
  const endpoint = createTokenEndpoint(settings, authorizationUrl);
  const { authorizationServer, client } = endpoint;
  const usePkce = settings.pkce ?? true;
  const now = settings.now ?? Date.now;

  async function receive(
    response: Response,
    receivedAt: number,
    process: Parameters<typeof readTokenResponse>[4],
  ): Promise<ReceivedTokens> {
    const tokens = await readTokenResponse(authorizationServer, client, response, receivedAt, process);
    return { ...tokens, expiresAt: tokens.expiresInSeconds === undefined ? undefined : receivedAt + tokens.expiresInSeconds * 1000 };
  }

  return {
    tokenTimeoutMs: endpoint.timeoutMs,
    async createAuthorizationRequest({ scopes, redirectUri }) {
      parseSecureUrl(redirectUri, 'redirectUri');
      const state = oauth.generateRandomState();
      const codeVerifier = usePkce ? oauth.generateRandomCodeVerifier() : undefined;
      const url = new URL(authorizationUrl);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', settings.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', scopes.join(' '));
      url.searchParams.set('state', state);
      if (codeVerifier !== undefined) {
        url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
        url.searchParams.set('code_challenge_method', 'S256');
      }
      return { authorizationUrl: url, pending: { state, codeVerifier, redirectUri, createdAt: now() } };
    },

    async completeAuthorization(callbackUrl, pending) {
      const callback = new URL(callbackUrl);
      const returnedState = callback.searchParams.get('state');
      if (returnedState === null) throw new AuthorizationStateError('The authorization callback carries no state; it may be forged.');
      if (!sameText(returnedState, pending.state)) {
        throw new AuthorizationStateError('The authorization callback carries a state this login did not send; it may be forged.');
      }
      const error = callback.searchParams.get('error');
      if (error !== null) throw new AuthorizationDeniedError(error, callback.searchParams.get('error_description') ?? undefined);

      // Checked here because oauth4webapi's validateAuthResponse leaves `code` alone: a missing or
      // repeated code would only fail inside the token request, reported as an unreachable endpoint.
      for (const name of ['state', 'code']) {
        const count = callback.searchParams.getAll(name).length;
        if (count > 1) throw malformedCallback(`"${name}" appears ${count} times`);
      }
      if (!callback.searchParams.get('code')) throw malformedCallback('it carries no code');
      let parameters: URLSearchParams;
      try {
        parameters = oauth.validateAuthResponse(authorizationServer, client, callback, pending.state);
      } catch {
        throw malformedCallback('it repeats a parameter or carries a response of another OAuth flow');
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
      try {
        return await receive(response, receivedAt, oauth.processAuthorizationCodeResponse);
      } catch (caught) {
        if (AuthError.isInstance(caught) && caught.oauthError === 'invalid_grant') {
          throw new AuthError('The authorization code was refused: it expired, was already used, or belongs to another redirect URI.', {
            code: AuthErrorCode.authorizationCodeRejected,
            status: caught.status,
            oauthError: caught.oauthError,
            hint: `Codes are valid for a short time (often 60 s) and only once: start the authorization again (it started ${Math.round((now() - pending.createdAt) / 1000)} s ago).`,
          });
        }
        throw caught;
      }
    },

    async refresh(refreshToken, { redirectUri }) {
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
