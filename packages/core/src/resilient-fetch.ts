import { createAttemptSignal } from './attempt-signal.js';
import { AbortError, ConnectionError, safeCode, TimeoutError } from './core-errors.js';
import type { AttemptLog, Logger } from './logger.js';
import { pathTemplateOf } from './request-context.js';
import {
  defaultRetryPolicy,
  isRetryableStatus,
  isSafeToRepeat,
  parseRetryAfterMs,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.js';

/** Settings of {@link createResilientFetch}. */
export interface ResilientFetchSettings {
  /** The provider's name, for logs and error messages. */
  provider: string;
  /**
   * The fetch that does the I/O. Default: the global `fetch`. It is called as `fetch(request, { signal })`
   * and must honour `init.signal`, which carries the attempt's timeout and the caller's abort.
   */
  fetch?: typeof fetch | undefined;
  /** Retry behaviour; unset fields keep {@link defaultRetryPolicy}. */
  retry?: Partial<RetryPolicy> | undefined;
  /** Per-attempt timeout in milliseconds, until the whole response body has arrived. Default 60 000. */
  timeout?: number | undefined;
  /** Receives one entry per attempt. */
  logger?: Logger | undefined;
  /** Waits between attempts; injectable so tests need no real sleeps. */
  sleep?: ((milliseconds: number, signal: AbortSignal | null) => Promise<void>) | undefined;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: (() => number) | undefined;
}

/**
 * Per-request overrides, passed beside `params` in an openapi-fetch call (openapi-fetch copies
 * unknown options onto the `Request`): `client.GET(path, { params, maxRetries: 0, timeout: 5_000 })`.
 */
export interface RequestOverrides {
  /** Retries for this request; `0` sends it once. */
  maxRetries?: number;
  /** Per-attempt timeout for this request, in milliseconds. */
  timeout?: number;
}

// Failures that happen before a single byte of the request left this machine, so even a POST
// without an idempotency key is safe to send again.
const failedBeforeSending = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * A `fetch` that retries, times out and logs. Connection failures and 408, 429 and 5xx answers are
 * retried with exponential backoff and jitter, honouring `Retry-After`; a request that is not safe
 * to repeat (a POST without `Idempotency-Key`) is retried only when it failed before being sent.
 * Each attempt has its own timeout, and the caller's `AbortSignal` stops everything at once.
 *
 * An attempt lasts until the response body has been read in full: the returned `Response` is
 * buffered in memory, so a connection that breaks or stalls mid-body is retried (where safe) and
 * surfaces as {@link ConnectionError} or {@link TimeoutError}, never as a bare `TypeError` when the
 * caller reads the body. The trade-off: the whole body is held in memory and streaming bodies
 * (server-sent events, large downloads) are not supported; that is right for these JSON APIs. The
 * returned response's `url` is empty. A retried answer's body is discarded unread.
 *
 * @throws {ConnectionError} When the last attempt could not connect or the connection broke.
 * @throws {TimeoutError} When the last attempt timed out.
 * @throws {AbortError} When the caller aborted.
 */
export function createResilientFetch(settings: ResilientFetchSettings): typeof fetch {
  const baseFetch = settings.fetch ?? globalThis.fetch;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...settings.retry };
  const sleep = settings.sleep ?? abortableSleep;
  const random = settings.random ?? Math.random;
  const { logger, provider } = settings;

  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const overrides = (input instanceof Request ? input : {}) as RequestOverrides;
    const maxRetries = overrides.maxRetries ?? policy.maxRetries;
    const timeout = overrides.timeout ?? settings.timeout ?? 60_000;
    const callerSignal = request.signal;
    const path = pathTemplateOf(input as Request) ?? new URL(request.url).pathname;
    const log = (entry: Omit<AttemptLog, 'provider' | 'method' | 'path'>, level: 'info' | 'warn' = 'info') =>
      logger?.[level]?.({ provider, method: request.method, path, ...entry } satisfies AttemptLog, `${provider} ${request.method} ${path}`);

    for (let attempt = 1; ; attempt++) {
      const isLast = attempt > maxRetries;
      // Keep an unread copy of the body for the next attempt; a request without a body can be sent again as is.
      const attemptRequest = isLast || request.body === null ? request : request.clone();
      // Each attempt has its own timeout; the caller's signal ends every attempt.
      const attemptSignal = createAttemptSignal(timeout, callerSignal);
      const started = performance.now();
      let response: Response;
      // The delay before the next attempt when this answer's status asks for one (computed once: it draws jitter).
      let statusDelay: number | undefined;
      try {
        // The signal goes in `init` rather than on a new Request: one Request fewer per attempt.
        response = await baseFetch(attemptRequest, { signal: attemptSignal.signal });
        const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
        statusDelay =
          !isLast && isRetryableStatus(response.status) && isSafeToRepeat(request)
            ? retryDelayMs(attempt, retryAfterMs, policy, random)
            : undefined;
        // The answer that is handed back is read whole within this attempt, under its timeout, so a
        // connection that breaks or stalls while the body streams is retried like one that broke earlier.
        if (statusDelay === undefined) response = await buffered(response, request.method);
      } catch (error) {
        const durationMs = Math.round(performance.now() - started);
        if (callerSignal.aborted) {
          log({ attempt, durationMs, failure: 'abort' });
          throw new AbortError(`The ${provider} request ${request.method} ${path} was aborted by the caller.`, {
            code: 'ABORTED',
            cause: callerSignal.reason,
          });
        }
        // A fetch adapter's error code is repeated in the message only when it looks like one (ECONNRESET).
        const systemCode = safeCode(systemCodeOf(error));
        const { timedOut } = attemptSignal;
        const repeatable = isSafeToRepeat(request) || (!timedOut && systemCode !== undefined && failedBeforeSending.has(systemCode));
        const delay = !isLast && repeatable ? retryDelayMs(attempt, undefined, policy, random) : undefined;
        log({ attempt, durationMs, failure: timedOut ? 'timeout' : 'connection', retryInMs: delay }, delay === undefined ? 'info' : 'warn');
        if (delay === undefined) {
          throw timedOut
            ? new TimeoutError(`The ${provider} request ${request.method} ${path} timed out after ${timeout} ms (attempt ${attempt}).`, {
                code: 'TIMEOUT',
                hint: 'Raise `timeout` for slow operations, or check the provider status.',
              })
            : new ConnectionError(
                `Could not complete the ${provider} request ${request.method} ${path}${systemCode ? ` (${systemCode})` : ''} (attempt ${attempt}).`,
                { code: 'CONNECTION_FAILED', hint: 'Check the base URL and the network; for the local mocks, check they are running.' },
              );
        }
        await sleepOrAbort(sleep, delay, callerSignal, provider, request.method, path);
        continue;
      } finally {
        attemptSignal.release();
      }

      const durationMs = Math.round(performance.now() - started);
      log({ attempt, durationMs, status: response.status, retryInMs: statusDelay }, statusDelay === undefined ? 'info' : 'warn');
      if (statusDelay === undefined) return response;
      await response.body?.cancel();
      await sleepOrAbort(sleep, statusDelay, callerSignal, provider, request.method, path);
    }
  };
}

async function sleepOrAbort(
  sleep: NonNullable<ResilientFetchSettings['sleep']>,
  delay: number,
  signal: AbortSignal,
  provider: string,
  method: string,
  path: string,
): Promise<void> {
  try {
    await sleep(delay, signal);
  } catch (error) {
    if (signal.aborted)
      throw new AbortError(`The ${provider} request ${method} ${path} was aborted by the caller.`, { code: 'ABORTED', cause: error });
    throw error;
  }
  if (signal.aborted) throw new AbortError(`The ${provider} request ${method} ${path} was aborted by the caller.`, { code: 'ABORTED' });
}

// Statuses whose responses never have a body (a Response with one cannot be built for them).
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/** The response with its body read into memory, so reading it later cannot fail on the network. */
async function buffered(response: Response, method: string): Promise<Response> {
  if (response.body === null || method.toUpperCase() === 'HEAD' || nullBodyStatuses.has(response.status)) return response;
  const buffer = await response.arrayBuffer();
  return new Response(buffer, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function systemCodeOf(error: unknown): string | undefined {
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }).
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Resolves after `milliseconds`, or rejects as soon as `signal` aborts. */
export function abortableSleep(milliseconds: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
