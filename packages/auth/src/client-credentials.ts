import type { TokenProvider } from '@coverlink/core';
import * as oauth from 'oauth4webapi';
import { AuthError, AuthErrorCode } from './auth-errors.js';
import { type ClientAuthenticationMethod, clientAuthentication } from './client-authentication.js';
import { parseSecureUrl } from './secure-url.js';
import { readTokenResponse } from './token-response.js';

/** Settings of {@link createClientCredentialsTokenProvider}. */
export interface ClientCredentialsSettings {
  /** The token endpoint, e.g. `https://sandbox.osigu.com/v1/oauth/token`. `http://` only on loopback. */
  tokenUrl: string | URL;
  /** The OAuth client id. */
  clientId: string;
  /** The OAuth client secret. Kept in a closure; never put into errors or logs. */
  clientSecret: string;
  /** Scopes to request; omit when the provider assigns scopes per client (OSIGU does). */
  scope?: string | readonly string[] | undefined;
  /** How to authenticate the client; see {@link ClientAuthenticationMethod}. Default `client_secret_basic`. */
  clientAuthentication?: ClientAuthenticationMethod | undefined;
  /**
   * Seconds before the token's expiry at which it is replaced. Default 60. A token whose lifetime is
   * shorter than twice this value is replaced at half its lifetime instead.
   */
  expirySkewSeconds?: number | undefined;
  /** The fetch implementation used for the token request. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Extra headers sent with the token request. */
  headers?: Record<string, string> | undefined;
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
}

interface CachedToken {
  accessToken: string;
  /** When to stop handing this token out, in clock milliseconds. */
  replaceAt: number;
}

/**
 * A {@link TokenProvider} for the OAuth 2.0 client-credentials grant (RFC 6749 §4.4), on oauth4webapi.
 *
 * The token is cached in memory and replaced shortly before it expires; concurrent callers on a cold
 * or expired cache share one token request, so N parallel API calls cost one token request. A failed
 * token request is not cached: the next call tries again.
 *
 * @throws {AuthError} From the factory for an insecure or malformed `tokenUrl` or missing credentials,
 * and from `getToken()` when the token endpoint refuses or fails.
 *
 * @example
 * ```ts
 * const tokens = createClientCredentialsTokenProvider({
 *   tokenUrl: 'https://sandbox.osigu.com/v1/oauth/token',
 *   clientId: process.env.OSIGU_CLIENT_ID!,
 *   clientSecret: process.env.OSIGU_CLIENT_SECRET!,
 * });
 * const token = await tokens.getToken();
 * ```
 */
export function createClientCredentialsTokenProvider(settings: ClientCredentialsSettings): TokenProvider {
  const { url: tokenUrl, insecureLoopback } = parseSecureUrl(settings.tokenUrl, 'tokenUrl');
  requireText(settings.clientId, 'clientId');
  requireText(settings.clientSecret, 'clientSecret');
  const skewMilliseconds = (settings.expirySkewSeconds ?? 60) * 1000;
  const now = settings.now ?? Date.now;
  const fetchImplementation = settings.fetch ?? globalThis.fetch;

  // oauth4webapi needs an issuer identifier; without discovery the token endpoint's origin stands in.
  const authorizationServer: oauth.AuthorizationServer = {
    issuer: tokenUrl.origin,
    token_endpoint: tokenUrl.href,
  };
  const client: oauth.Client = { client_id: settings.clientId };
  const authenticate = clientAuthentication(settings.clientAuthentication ?? 'client_secret_basic', settings.clientSecret);
  const parameters = new URLSearchParams();
  if (settings.scope !== undefined) {
    parameters.set('scope', typeof settings.scope === 'string' ? settings.scope : settings.scope.join(' '));
  }

  let cached: CachedToken | undefined;
  let inFlight: Promise<CachedToken> | undefined;

  async function requestToken(): Promise<CachedToken> {
    const requestedAt = now();
    let response: Response;
    try {
      response = await oauth.clientCredentialsGrantRequest(authorizationServer, client, authenticate, parameters, {
        headers: settings.headers,
        [oauth.customFetch]: (url, init) => fetchImplementation(url, init),
        [oauth.allowInsecureRequests]: insecureLoopback,
      });
    } catch (error) {
      throw new AuthError(`Could not reach the token endpoint at ${tokenUrl.origin}.`, {
        code: AuthErrorCode.requestFailed,
        hint: 'Check the token URL and the network; for the local mocks, check they are running.',
        cause: describeNetworkError(error),
      });
    }
    const token = await readTokenResponse(authorizationServer, client, response, requestedAt);
    const lifetime = token.expiresInSeconds === undefined ? Number.POSITIVE_INFINITY : token.expiresInSeconds * 1000;
    const usable = lifetime > 2 * skewMilliseconds ? lifetime - skewMilliseconds : lifetime / 2;
    return { accessToken: token.accessToken, replaceAt: requestedAt + usable };
  }

  return {
    async getToken(options) {
      if (cached !== undefined && now() < cached.replaceAt) return cached.accessToken;
      // Clearing the slot in `finally` means a failed request is retried by the next caller.
      inFlight ??= requestToken()
        .then((token) => {
          cached = token;
          return token;
        })
        .finally(() => {
          inFlight = undefined;
        });
      const token = await waitUnlessAborted(inFlight, options?.signal);
      return token.accessToken;
    },
    invalidate(rejectedToken) {
      if (rejectedToken === undefined || cached?.accessToken === rejectedToken) cached = undefined;
    },
  };
}

function requireText(value: unknown, setting: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AuthError(`${setting} is missing or empty.`, {
      code: AuthErrorCode.invalidConfiguration,
      hint: `Pass ${setting} from your provider credentials (for instance from an environment variable).`,
    });
  }
}

function describeNetworkError(error: unknown): Error {
  // Keep only name, message and the system error code (ECONNREFUSED, …) of the network failure.
  const original = error instanceof Error ? error : new Error(String(error));
  const systemCode = (original.cause as { code?: unknown } | undefined)?.code;
  const described = new Error(`${original.name}: ${original.message}${typeof systemCode === 'string' ? ` (${systemCode})` : ''}`);
  described.name = original.name;
  return described;
}

function waitUnlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
