import { parseRetryAfterMs, safeCode, serverClockOffsetMs } from '@coverlink/core';
import * as oauth from 'oauth4webapi';
import { AuthError, AuthErrorCode, AuthRateLimitedError } from './auth-errors.js';

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

/**
 * Turns a token endpoint response into a {@link TokenSet}, or into an {@link AuthError} that says
 * what went wrong and carries nothing the endpoint sent but its status and a code-shaped OAuth
 * `error` (the raw body may hold a token, and `error_description` free text, so both are dropped).
 * An access token holding a line break or another control character, which no HTTP header can
 * carry, is refused here, `AUTH_INVALID_RESPONSE`, without being quoted.
 */
export async function readTokenResponse(
  authorizationServer: oauth.AuthorizationServer,
  client: oauth.Client,
  response: Response,
  localNow: number,
  process: TokenResponseProcessor = oauth.processClientCredentialsResponse,
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
    throw toAuthError(error, response.status);
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

function toAuthError(error: unknown, status: number): AuthError {
  if (error instanceof oauth.ResponseBodyError || error instanceof oauth.WWWAuthenticateChallengeError) {
    // The OAuth `error` is repeated only when it is code-shaped; `error_description` never is (free text).
    const oauthError = safeCode(error instanceof oauth.ResponseBodyError ? error.error : error.cause[0]?.parameters.error);
    if (status === 401 || oauthError === 'invalid_client') {
      return new AuthError(`The token endpoint rejected the client credentials (HTTP ${status}${oauthError ? `, ${oauthError}` : ''}).`, {
        code: AuthErrorCode.invalidClient,
        status,
        oauthError,
        hint: 'Check the client id and secret, and that the token URL belongs to the environment (sandbox or production) the credentials were issued for.',
      });
    }
    return new AuthError(`The token endpoint refused the grant (HTTP ${status}${oauthError ? `, ${oauthError}` : ''}).`, {
      code: AuthErrorCode.grantRejected,
      status,
      oauthError,
      hint: 'Check the requested scopes and that this client is allowed this grant type.',
    });
  }
  if (status === 401 || status === 403) {
    return new AuthError(`The token endpoint rejected the client credentials (HTTP ${status}).`, {
      code: AuthErrorCode.invalidClient,
      status,
      hint: 'Check the client id and secret, and that the token URL belongs to the environment (sandbox or production) the credentials were issued for.',
    });
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

/**
 * When to stop handing out a token received at `receivedAt` (ms): `skewMs` before it expires, or at
 * half its lifetime when it lives less than twice the skew; never, when its lifetime is unknown.
 */
export function replaceAt(receivedAt: number, expiresInSeconds: number | undefined, skewMs: number): number {
  if (expiresInSeconds === undefined) return Number.POSITIVE_INFINITY;
  const lifetime = expiresInSeconds * 1000;
  return receivedAt + (lifetime > 2 * skewMs ? lifetime - skewMs : lifetime / 2);
}
