import { ApiError } from './core-errors.js';
import { redactorFor } from './redaction.js';
import { responseContextOf } from './request-context.js';
import { parseRetryAfterMs } from './retry-policy.js';

/** What every openapi-fetch call resolves to. */
export interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call, or the typed {@link ApiError} subclass for its status
 * (`NotFoundError`, `RateLimitError`, …) carrying the provider's error code, its request id, a hint
 * and the redacted body. This is the one way to get throwing behaviour; without it calls return
 * openapi-fetch's `{ data, error, response }`.
 *
 * @example
 * ```ts
 * const beneficiary = unwrap(await client.POST('/v1/sponsors/{sponsor_slug}/search', { params, body }));
 * ```
 * @throws {ApiError} When the response status is 400 or more.
 */
export function unwrap<Data>(result: FetchResult<Data>): Data {
  const { response } = result;
  if (response.ok) return result.data as Data;
  const context = responseContextOf(response);
  if (context === undefined) {
    throw new TypeError('unwrap() takes the result of a call made by a Coverlink client.');
  }
  const { profile, operation } = context;
  const redactor = redactorFor(profile);
  // Read from the redacted copy, so a provider's message can only reach the error through a key
  // its spec declares as safe; a sensitive one reads `[redacted]`.
  const body = redactor.errorBody(result.error);
  const { code, message } = profile.readError(body);
  const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
  throw ApiError.create({
    status: response.status,
    operation,
    provider: profile.name,
    body,
    headers: redactor.headers(response.headers),
    requestId: profile.requestIdHeader === undefined ? undefined : (response.headers.get(profile.requestIdHeader) ?? undefined),
    providerCode: code,
    providerMessage: message,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    hint: profile.hint(response.status, operation),
  });
}
