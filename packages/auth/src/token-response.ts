import { parseRetryAfterMs, safeCode, serverClockOffsetMs } from '@coverlink/core';
import * as oauth from 'oauth4webapi';
import { AuthError, AuthErrorCode, AuthRateLimitedError } from './auth-errors.js';
import type { ClientAuthenticationMethod } from './client-authentication.js';

/** What a token endpoint granted. */
export interface TokenSet {
  /** The bearer token itself. Never log it. */
  accessToken: string;
  /** Seconds of validity the server granted, if it said (from `expires_in`, or an absolute expiry on the server's clock). */
  expiresInSeconds: number | undefined;
  /** A refresh token, when the grant has one. Never log it. */
  refreshToken: string | undefined;
  /** Space-separated scopes the server granted, if it said. */
  scope: string | undefined;
}

/** Which oauth4webapi response processor fits the grant that was requested. */
export type TokenResponseProcessor = (
  authorizationServer: oauth.AuthorizationServer,
  client: oauth.Client,
  response: Response,
) => Promise<oauth.TokenEndpointResponse>;

/** What the client was configured with, so that an error's hint can name the setting to change. */
export interface TokenRequestContext {
  /** The `clientAuthentication` setting the request was sent with. */
  clientAuthentication?: ClientAuthenticationMethod | undefined;
  /** Whether an `issuer` is configured: without one, an ID token's `iss` cannot match. */
  issuerConfigured?: boolean | undefined;
}

/**
 * Turns a token endpoint response into a {@link TokenSet}, or into an {@link AuthError} that says
 * what went wrong and carries nothing the endpoint sent but its status and a code-shaped OAuth
 * `error` in its message and safe view (the raw body may hold a token, so it is dropped; the
 * `error_description` is free text, kept only as the hidden `providerMessage`).
 * An access token holding a line break or another control character, which no HTTP header can
 * carry, is refused here, `AUTH_INVALID_RESPONSE`, without being quoted. An ID token that fails
 * oauth4webapi's checks is `AUTH_ID_TOKEN_INVALID`, naming the failed claim only.
 */
export async function readTokenResponse(
  authorizationServer: oauth.AuthorizationServer,
  client: oauth.Client,
  response: Response,
  localNow: number,
  process: TokenResponseProcessor = oauth.processClientCredentialsResponse,
  context: TokenRequestContext = {},
): Promise<TokenSet> {
  if (response.status === 429) {
    await response.body?.cancel();
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
    const retryAfterSeconds = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
    throw new AuthRateLimitedError('The token endpoint rate-limited this client (HTTP 429).', {
      status: 429,
      retryAfterSeconds,
      hint: `Reuse cached tokens instead of requesting one per call${retryAfterSeconds === undefined ? '' : `, and wait ${retryAfterSeconds} s before the next token request`}.`,
    });
  }
  if (response.status >= 500) {
    await response.body?.cancel();
    throw new AuthError(`The token endpoint failed on its side (HTTP ${response.status}).`, {
      code: AuthErrorCode.serverError,
      status: response.status,
      hint: 'Retry later; if it persists, check the provider status page or contact its support.',
    });
  }

  let result: oauth.TokenEndpointResponse;
  try {
    result = await process(authorizationServer, client, response);
  } catch (error) {
    throw toAuthError(error, response.status, context);
  }
  if (result.token_type.toLowerCase() !== 'bearer') {
    const tokenType = safeCode(result.token_type);
    throw new AuthError(
      `The token endpoint issued ${tokenType === undefined ? 'a token that is not a bearer token' : `a "${tokenType}" token`}; only bearer tokens are supported.`,
      { code: AuthErrorCode.invalidResponse, status: response.status },
    );
  }
  // Headers.set would refuse it with a TypeError that quotes the whole token.
  if (!isHeaderSafeToken(result.access_token)) {
    throw new AuthError(
      'The token endpoint issued an access token that cannot be sent in an HTTP header (a line break or a control character).',
      {
        code: AuthErrorCode.invalidResponse,
        status: response.status,
        hint: 'The token endpoint or a proxy in front of it altered the token: check the token URL; report it to the provider if it persists.',
      },
    );
  }
  return {
    accessToken: result.access_token,
    expiresInSeconds:
      typeof result.expires_in === 'number'
        ? result.expires_in
        : (secondsUntil(result['.expires'], response, localNow) ?? secondsUntilJwtExpiry(result.access_token, response, localNow)),
    refreshToken: typeof result.refresh_token === 'string' && result.refresh_token !== '' ? result.refresh_token : undefined,
    scope: typeof result.scope === 'string' ? result.scope : undefined,
  };
}

/**
 * Whether `token` is free of line breaks and control characters. Only those are refused at reception:
 * a session token that travels in a URL, where spaces or other characters are fine; the bearer
 * middleware refuses the rest before a header is built.
 */
function isHeaderSafeToken(token: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  return !/[\u0000-\u001f\u007f]/.test(token);
}

/** Seconds from the server's "now" (its `Date` header) until an absolute expiry (a `.expires` date some servers send). */
function secondsUntil(expiry: unknown, response: Response, localNow: number): number | undefined {
  if (typeof expiry !== 'string') return undefined;
  const at = Date.parse(expiry);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.floor((at - (localNow + serverClockOffsetMs(response, localNow))) / 1000));
}

/**
 * Without `expires_in`, a JWT access token's `exp` still says when it expires, as an instant on the
 * server's clock: measure it against the server's "now" from the `Date` header, so a local clock
 * that is minutes off neither keeps an expired token nor throws away a fresh one.
 */
function secondsUntilJwtExpiry(accessToken: string, response: Response, localNow: number): number | undefined {
  const payload = accessToken.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const { exp } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    if (typeof exp !== 'number') return undefined;
    return secondsUntil(new Date(exp * 1000).toISOString(), response, localNow);
  } catch {
    return undefined;
  }
}

function toAuthError(error: unknown, status: number, context: TokenRequestContext): AuthError {
  if (error instanceof oauth.ResponseBodyError || error instanceof oauth.WWWAuthenticateChallengeError) {
    // The OAuth `error` is repeated only when it is code-shaped; `error_description` is free text,
    // kept only as the hidden providerMessage.
    const parameters = error instanceof oauth.ResponseBodyError ? error.cause : error.cause[0]?.parameters;
    const oauthError = safeCode(error instanceof oauth.ResponseBodyError ? error.error : parameters?.error);
    const description = parameters?.error_description;
    const providerMessage = typeof description === 'string' ? description : undefined;
    if (status === 401 || oauthError === 'invalid_client') {
      return new AuthError(`The token endpoint rejected the client credentials (HTTP ${status}${oauthError ? `, ${oauthError}` : ''}).`, {
        code: AuthErrorCode.invalidClient,
        status,
        oauthError,
        providerMessage,
        hint: invalidClientHint(context),
      });
    }
    return new AuthError(`The token endpoint refused the grant (HTTP ${status}${oauthError ? `, ${oauthError}` : ''}).`, {
      code: AuthErrorCode.grantRejected,
      status,
      oauthError,
      providerMessage,
      hint: 'Check the requested scopes and that this client is allowed this grant type.',
    });
  }
  if (status === 401 || status === 403) {
    return new AuthError(`The token endpoint rejected the client credentials (HTTP ${status}).`, {
      code: AuthErrorCode.invalidClient,
      status,
      hint: invalidClientHint(context),
    });
  }
  const idTokenCheck = failedIdTokenCheck(error);
  if (idTokenCheck !== undefined) {
    return new AuthError(
      `The ID token in the token endpoint's answer failed validation (${idTokenCheck}); the answer's tokens were discarded and nothing was stored.`,
      { code: AuthErrorCode.idTokenInvalid, status, hint: idTokenHint(idTokenCheck, context) },
    );
  }
  // oauth4webapi's other errors keep the parsed body (which may hold a token) as `cause`, and a
  // future message might quote it: keep only its code.
  const detail = error instanceof oauth.OperationProcessingError ? ` (${safeCode(error.code) ?? 'unprocessable'})` : '';
  return new AuthError(`The token endpoint's answer (HTTP ${status}) is not a usable token response${detail}.`, {
    code: AuthErrorCode.invalidResponse,
    status,
    hint: 'Check that the token URL points at the OAuth token endpoint and not at a web page or another API.',
  });
}

function invalidClientHint(context: TokenRequestContext): string {
  const method = context.clientAuthentication;
  const other = method === 'client_secret_post' ? "'client_secret_basic'" : "'client_secret_post'";
  return (
    'Check the client id and secret, and that the token URL belongs to the environment (sandbox or production) the credentials were issued for. ' +
    `The secret was sent ${method === undefined ? 'as the `clientAuthentication` setting says' : `with clientAuthentication: '${method}'`}; ` +
    `if the server takes another method (its metadata's token_endpoint_auth_methods_supported, or the client's registered token_endpoint_auth_method), set clientAuthentication to it, e.g. ${other}.`
  );
}

/**
 * The ID token check that failed, as a short safe phrase (`the "iss" claim`, `the "alg" header`),
 * or undefined when `error` is not about the ID token. oauth4webapi names the claim on the error's
 * cause; the claims themselves (personal data: name, e-mail) are never read out.
 */
function failedIdTokenCheck(error: unknown): string | undefined {
  if (!(error instanceof oauth.OperationProcessingError)) return undefined;
  const claim = safeCode((error.cause as { claim?: unknown } | undefined)?.claim);
  if (error.code === oauth.JWT_CLAIM_COMPARISON || error.code === oauth.JWT_TIMESTAMP_CHECK) {
    return claim === undefined ? 'a claim' : `the "${claim}" claim`;
  }
  if (/JWT "alg"/.test(error.message)) return 'the "alg" header';
  const named = /JWT "([a-z_]+)"/.exec(error.message)?.[1];
  if (named !== undefined) return `the "${named}" claim`;
  if (/"id_token"/.test(error.message)) return 'it is missing or not a string';
  if (/ID Token|JWT/.test(error.message)) return 'its form';
  return undefined;
}

function idTokenHint(check: string, context: TokenRequestContext): string {
  if (check.includes('"iss"')) {
    return context.issuerConfigured === false
      ? "No `issuer` is configured, so no ID token can be accepted: set `issuer` to the issuer identifier of the server's metadata, exactly (path and trailing slash included), then connect again."
      : "Set `issuer` to the issuer identifier of the server's metadata exactly (path such as /realms/x and trailing slash included), then connect again.";
  }
  if (check.includes('"aud"') || check.includes('"azp"')) {
    const unencoded =
      context.clientAuthentication === 'client_secret_basic'
        ? " A server that reads Basic credentials without form-decoding them sees another client id when it holds characters such as - . _ ~ : then set clientAuthentication to 'client_secret_basic_unencoded' or 'client_secret_post'."
        : '';
    return `Check that clientId is the client the server issued the ID token to, then connect again.${unencoded}`;
  }
  if (check.includes('"nonce"')) return 'The answer does not belong to this login (a replay?): start the authorization again.';
  if (check.includes('"alg"'))
    return "Set `idTokenSigningAlgorithms` to the server's id_token_signing_alg_values_supported (discoverAuthorizationServer does), then connect again.";
  if (/"(exp|iat|nbf|auth_time)"/.test(check))
    return "Check this machine's clock (and the server's): the ID token's times do not fit it; then connect again.";
  return "Start the authorization again; if it persists, check the issuer, clientId and signing algorithm settings against the server's metadata.";
}

/**
 * When to stop handing out a token received at `receivedAt` (ms): `skewMs` before it expires, or at
 * half its lifetime when it lives less than twice the skew; never, when its lifetime is unknown.
 */
export function replaceAt(receivedAt: number, expiresInSeconds: number | undefined, skewMs: number): number {
  if (expiresInSeconds === undefined) return Number.POSITIVE_INFINITY;
  const lifetime = expiresInSeconds * 1000;
  return receivedAt + (lifetime > 2 * skewMs ? lifetime - skewMs : lifetime / 2);
}
