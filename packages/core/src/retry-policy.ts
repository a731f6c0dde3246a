/** How failed attempts are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt; `0` turns retrying off. Default 2. */
  maxRetries: number;
  /** Delay before the first retry, doubled for each further one. Default 500 ms. */
  initialDelayMs: number;
  /** Largest backoff delay. Default 8 s. */
  maxDelayMs: number;
  /**
   * Largest `Retry-After` honoured. A server asking for a longer wait gets no retry: the caller
   * receives the 429/503 with its `retryAfterSeconds` instead of a silently stalled call. Default 60 s.
   */
  maxRetryAfterMs: number;
}

/** The defaults, in the range well-kept SDKs use. */
export const defaultRetryPolicy: RetryPolicy = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** Statuses worth another attempt: timeout, rate limit and server failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/**
 * Whether a request may be sent again after the server may have acted on it: idempotent methods,
 * and any request carrying an `Idempotency-Key`, which tells the server to act only once.
 */
export function isSafeToRepeat(request: Request): boolean {
  return idempotentMethods.has(request.method.toUpperCase()) || request.headers.has('idempotency-key');
}

/**
 * Milliseconds to wait before retry number `retry` (1-based): `Retry-After` when the server sent
 * one within the cap, else exponential backoff with up to 25 % jitter below it.
 *
 * @returns `undefined` when the server asks for a wait longer than {@link RetryPolicy.maxRetryAfterMs}.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (retry - 1));
  return Math.round(backoff * (1 - 0.25 * random()));
}

// The HTTP-date forms (RFC 9110 section 5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94
// 08:49:37 GMT` and `Sun Nov  6 08:49:37 1994`. Checked before Date.parse, which reads almost
// anything as some date (`-1` and `1,5` as dates in 2001).
const httpDate = /^[a-z]{3,9},? [a-z0-9 -]+ \d{2}:\d{2}:\d{2}( GMT| \d{4})$/i;

/** Milliseconds from a `Retry-After` header holding seconds or an HTTP date; undefined if absent or unreadable. */
export function parseRetryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!httpDate.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
