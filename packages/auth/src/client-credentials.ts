import type { TokenProvider } from '@coverlink/core';
import * as oauth from 'oauth4webapi';
import { createTokenEndpoint, type TokenEndpointSettings } from './token-endpoint.js';
import { readTokenResponse, replaceAt, type TokenSet } from './token-response.js';
import { waitUnlessAborted } from './wait-unless-aborted.js';

/** Settings of {@link createClientCredentialsTokenProvider}. */
export interface ClientCredentialsSettings extends TokenEndpointSettings {
  /** Scopes to request, sent space-separated as `scope`; omit when the provider assigns scopes per client. */
  scopes?: readonly string[] | undefined;
  /**
   * Seconds before the token's expiry at which it is replaced. Default 60. A token whose lifetime is
   * shorter than twice this value is replaced at half its lifetime instead.
   */
  expirySkewSeconds?: number | undefined;
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
 * token request is not cached: the next call tries again. Token requests go through the core request
 * pipeline and may be resent after any retryable failure (a 503, a reset): asking again for a token is harmless.
 *
 * @throws {AuthError} From the factory for an insecure or malformed `tokenUrl` or missing credentials,
 * and from `getToken()` when the token endpoint refuses or fails.
 *
 * @example
 * ```ts
 * const tokens = createClientCredentialsTokenProvider({
 *   tokenUrl: 'https://auth.example.com/oauth/token',
 *   clientId: process.env.CLIENT_ID!,
 *   clientSecret: process.env.CLIENT_SECRET!,
 * });
 * const token = await tokens.getToken();
 * ```
 */
export function createClientCredentialsTokenProvider(
  settings: ClientCredentialsSettings,
  adaptFetch?: (next: typeof fetch) => typeof fetch,
): TokenProvider {
  const request = createClientCredentialsTokenRequest(settings, adaptFetch);
  const skewMilliseconds = (settings.expirySkewSeconds ?? 60) * 1000;
  const now = settings.now ?? Date.now;

  let cached: CachedToken | undefined;
  let inFlight: Promise<CachedToken> | undefined;

  async function requestToken(): Promise<CachedToken> {
    const requestedAt = now();
    const token = await request();
    return { accessToken: token.accessToken, replaceAt: replaceAt(requestedAt, token.expiresInSeconds, skewMilliseconds) };
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

/** Per-request options of a {@link ClientCredentialsTokenRequest}. */
export interface ClientCredentialsRequestOptions {
  /** Form parameters sent beside `grant_type` and `scope`, e.g. the end user a provider binds a token to. */
  parameters?: Readonly<Record<string, string>> | undefined;
  /** Aborts the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** Sends one client-credentials token request; see {@link createClientCredentialsTokenRequest}. */
export type ClientCredentialsTokenRequest = (options?: ClientCredentialsRequestOptions) => Promise<TokenSet>;

/**
 * One client-credentials token request per call, nothing cached: for tokens minted per use (a token
 * bound to one end user, say), where {@link createClientCredentialsTokenProvider} shares one cached
 * token between all callers. Settings are checked here, before anything is sent; each request goes
 * through the core request pipeline and may be resent after a retryable failure.
 *
 * @param settings The token endpoint, the credentials, the scopes (`expirySkewSeconds` is not used).
 * @param adaptFetch Wraps the fetch of token requests, for a token endpoint that is not plain OAuth:
 * it receives oauth4webapi's request (a form body as `URLSearchParams`), sends what the endpoint
 * expects through the `next` fetch it was given, and returns an OAuth token response (RFC 6749 §5.1),
 * or throws an {@link AuthError} for the endpoint's own error format.
 * @throws {AuthError} From the factory for an insecure or malformed `tokenUrl` or missing credentials,
 * and from the request when the token endpoint refuses or fails.
 */
export function createClientCredentialsTokenRequest(
  settings: ClientCredentialsSettings,
  adaptFetch?: (next: typeof fetch) => typeof fetch,
): ClientCredentialsTokenRequest {
  const endpoint = createTokenEndpoint(settings, undefined, adaptFetch);
  const now = settings.now ?? Date.now;
  const scope = settings.scopes?.join(' ');

  return async (options = {}) => {
    const parameters = new URLSearchParams({ ...(scope === undefined ? {} : { scope }), ...options.parameters });
    const requestedAt = now();
    const response = await endpoint.send(() =>
      oauth.clientCredentialsGrantRequest(
        endpoint.authorizationServer,
        endpoint.client,
        endpoint.authenticate,
        parameters,
        endpoint.requestOptions({ repeat: 'always', signal: options.signal }),
      ),
    );
    return readTokenResponse(endpoint.authorizationServer, endpoint.client, response, requestedAt, undefined, {
      clientAuthentication: endpoint.clientAuthentication,
    });
  };
}
