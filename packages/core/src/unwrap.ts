import { ApiError } from './core-errors.js';
import type { ProviderProfile } from './provider-profile.js';
import { redactorFor } from './redaction.js';
import { parseRetryAfterMs } from './retry-policy.js';

/** What a Coverlink client's call records on its response, for {@link unwrap}. */
export interface CallRecord {
  /** Method and path template, e.g. `POST /v1/sponsors/{sponsor_slug}/search`. */
  operation: string;
  /** The provider the response came from. */
  profile: ProviderProfile;
  /** The `X-Request-Id` the call sent, when it sent one. */
  requestId?: string | undefined;
}

// Registry-wide, so a result made by another copy of the package is still understood.
const callRecordKey = Symbol.for('@coverlink/core.callRecord');

/**
 * Records the call on its final response, as a non-enumerable symbol property (which spreading the
 * result or logging the response does not show). Done by the client's call wrapper, which knows
 * the operation and profile; the response object travels with the result wherever it goes.
 */
export function recordCall(result: { response: Response }, record: CallRecord): void {
  Object.defineProperty(result.response, callRecordKey, { value: record, enumerable: false, configurable: true });
}

function recordOf(response: Response): CallRecord | undefined {
  return (response as unknown as { [callRecordKey]?: CallRecord })[callRecordKey];
}

/** What every openapi-fetch call resolves to. */
export interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call, or the typed {@link ApiError} subclass for its status
 * (`NotFoundError`, `RateLimitError`, …) carrying the provider's error code, its request id, a hint
 * and the redacted body. The error's message never quotes the provider's text (see {@link ApiError});
 * a body that is not JSON (an HTML 404 page, a plain-text stack dump) is kept only as
 * `{ contentType, length }`. This is the one way to get throwing behaviour; without it calls return
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
  const context = recordOf(response);
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
  // openapi-fetch hands a body it could not parse as JSON over as its raw text, which may be
  // anything (an HTML page echoing the request, a stack dump quoting a patient): only its shape is kept.
  const isText = typeof result.error === 'string';
  throw ApiError.create({
    status: response.status,
    operation,
    provider: profile.name,
    body: isText ? textBodySummary(response, result.error as string) : body,
    headers: redactor.headers(response.headers),
    // The provider's own id where it sends one, else the one this call sent: either finds the call in a log.
    requestId:
      (profile.requestIdHeader === undefined ? undefined : (response.headers.get(profile.requestIdHeader) ?? undefined)) ??
      context.requestId,
    providerCode: code,
    providerMessage: message,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    hint: profile.hint(response.status, operation),
  });
}

/** What an {@link ApiError} keeps of an error body that is not JSON. */
export interface TextBodySummary {
  /** The media type from `Content-Type` (`text/html`), without parameters; `undefined` when missing or malformed. */
  contentType: string | undefined;
  /** The body's length in bytes (of its text, encoded as UTF-8). */
  length: number;
}

// RFC 6838 type/subtype names; anything else in the header is not repeated.
const mediaTypePattern = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$/;

/** The media type of `Content-Type` when it is well-formed, without parameters, else `undefined`. */
export function mediaTypeOf(contentType: string | null): string | undefined {
  const type = contentType?.split(';')[0]?.trim();
  return type !== undefined && mediaTypePattern.test(type) ? type.toLowerCase() : undefined;
}

function textBodySummary(response: Response, text: string): TextBodySummary {
  return { contentType: mediaTypeOf(response.headers.get('content-type')), length: new TextEncoder().encode(text).byteLength };
}
