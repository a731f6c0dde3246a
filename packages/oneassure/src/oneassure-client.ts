import { parseSecureUrl, tokenRequestTransport } from '@coverlink/auth';
import { type ClientSettings, type CoverlinkClient, createApiClient } from '@coverlink/core';
import type { paths } from './generated/oneassure.js';
import { healthListQueryGuard } from './list-query-guard.js';
import { oneAssureProfile } from './oneassure-profile.js';
import { createOneAssureBusinessTokenProvider } from './oneassure-tokens.js';

/** Settings of {@link createOneAssureClient}: the shared client settings plus OneAssure's credentials. */
export interface OneAssureClientSettings extends ClientSettings {
  /** The client id OneAssure issued. */
  clientId: string;
  /** The client secret. Server-side only; never logged or put into errors. */
  clientSecret: string;
  /**
   * The API host. OneAssure does not document it publicly: ask OneAssure for it. `http://` only on
   * loopback (the local mock, `http://127.0.0.1:4011`).
   */
  baseUrl: string;
  /** The token endpoint. Default `<baseUrl>/v1/auth/token`. */
  tokenUrl?: string | undefined;
}

/** A typed openapi-fetch client for every OneAssure operation in specs/oneassure. */
export type OneAssureClient = CoverlinkClient<paths>;

/**
 * Creates an authenticated, typed OneAssure client on the shared Coverlink runtime. The business
 * token (`scopes: ["business"]`) is fetched on first use, cached and shared by concurrent calls.
 * Health list calls are checked before sending: a `session_id` or a date range of at most 7 days,
 * never both (a `ONEASSURE_INVALID_LIST_QUERY` error otherwise). Calls return `{ data, error,
 * response }`; `unwrap()` turns errors into `OneAssureApiError`s.
 *
 * @example
 * ```ts
 * const oneAssure = createOneAssureClient({ clientId, clientSecret, baseUrl: process.env.ONEASSURE_BASE_URL! });
 * for await (const quote of listAllHealthQuotes(oneAssure, { start_date: '2026-06-01', end_date: '2026-06-07' })) {
 *   console.log(quote.quote_id);
 * }
 * ```
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for an insecure or malformed URL or missing credentials.
 */
export function createOneAssureClient(settings: OneAssureClientSettings): OneAssureClient {
  const baseUrl = oneAssureBaseUrl(settings.baseUrl);
  return createApiClient<paths>({
    ...settings,
    baseUrl,
    profile: oneAssureProfile,
    middleware: [healthListQueryGuard],
    tokens: createOneAssureBusinessTokenProvider({
      tokenUrl: settings.tokenUrl ?? `${baseUrl}/v1/auth/token`,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      ...tokenRequestTransport(settings, oneAssureProfile.name),
    }),
  });
}

/** The API host without a trailing slash, checked to be https (or loopback http). */
export function oneAssureBaseUrl(baseUrl: string): string {
  return parseSecureUrl(baseUrl, 'baseUrl').url.href.replace(/\/$/, '');
}
