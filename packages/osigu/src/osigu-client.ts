import { createClientCredentialsTokenProvider, parseSecureUrl, tokenRequestTransport } from '@coverlink/auth';
import { type ClientSettings, type CoverlinkClient, createApiClient, type TokenProvider } from '@coverlink/core';
import type { paths } from './generated/osigu.js';
import { osiguProfile } from './osigu-profile.js';

/** OSIGU's documented hosts. */
export const osiguEnvironments = {
  sandbox: 'https://sandbox.osigu.com',
  production: 'https://api.osigu.com',
} as const;

/** Settings of {@link createOsiguClient}: the shared client settings plus OSIGU's credentials. */
export interface OsiguClientSettings extends ClientSettings {
  /** The OAuth client id OSIGU onboarding issued. */
  clientId: string;
  /** The OAuth client secret. Stays in memory on the server; never logged or put into errors. */
  clientSecret: string;
  /**
   * The API host. Default {@link osiguEnvironments}.sandbox; `http://` is accepted only on loopback
   * (the local mock, `http://127.0.0.1:4010`).
   */
  baseUrl?: string | undefined;
  /** The token endpoint. Default `<baseUrl>/v1/oauth/token`: OSIGU serves it on the API host. */
  tokenUrl?: string | undefined;
  /**
   * Seconds before expiry at which the cached token is replaced. Default 600: OSIGU tokens live
   * 3600 s and its docs advise caching them for about 50 minutes.
   */
  expirySkewSeconds?: number | undefined;
}

/** A typed openapi-fetch client for every OSIGU operation in specs/osigu. */
export type OsiguClient = CoverlinkClient<paths>;

/**
 * Creates an authenticated, typed OSIGU client on the shared Coverlink runtime.
 *
 * Calls return openapi-fetch's `{ data, error, response }`; pass the result to `unwrap()` to get the
 * data or an {@link OsiguApiError}. The bearer token is fetched with the client-credentials grant on
 * first use, cached (OSIGU rate-limits the token endpoint to 10 requests a minute), shared by
 * concurrent calls, and replaced once when OSIGU answers 401. Connection failures and 408, 429 and
 * 5xx answers are retried (`maxRetries`, default 2) where repeating is safe.
 *
 * @example
 * ```ts
 * const osigu = createOsiguClient({ clientId, clientSecret, baseUrl: 'http://127.0.0.1:4010' });
 * const beneficiary = unwrap(await osigu.POST('/v1/sponsors/{sponsor_slug}/search', {
 *   params: { path: { sponsor_slug: 'sponsor-sandbox' } },
 *   body: { document_type: 'CC', document_number: '123456789' },
 * }));
 * ```
 * @throws {AuthError} With code `AUTH_INVALID_CONFIGURATION` for an insecure or malformed URL.
 */
export function createOsiguClient(settings: OsiguClientSettings): OsiguClient {
  return createApiClient<paths>({
    ...settings,
    baseUrl: osiguBaseUrl(settings),
    profile: osiguProfile,
    tokens: createOsiguTokenProvider(settings),
  });
}

/**
 * The cached, single-flight client-credentials token source {@link createOsiguClient} uses, for
 * code that needs an OSIGU token outside the typed client (a widget's `getToken`, for instance).
 */
export function createOsiguTokenProvider(settings: OsiguClientSettings): TokenProvider {
  return createClientCredentialsTokenProvider({
    tokenUrl: settings.tokenUrl ?? `${osiguBaseUrl(settings)}/v1/oauth/token`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // OSIGU documents `curl -u id:secret`: Basic over the raw id and secret.
    clientAuthentication: 'client_secret_basic_unencoded',
    expirySkewSeconds: settings.expirySkewSeconds ?? 600,
    ...tokenRequestTransport(settings, osiguProfile.name),
  });
}

function osiguBaseUrl(settings: OsiguClientSettings): string {
  return parseSecureUrl(settings.baseUrl ?? osiguEnvironments.sandbox, 'baseUrl').url.href.replace(/\/$/, '');
}
