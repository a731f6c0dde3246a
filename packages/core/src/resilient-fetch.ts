// The one request pipeline: every API call and every token-endpoint request goes through
// `runCall`, one attempt loop with one timeout rule, one error mapping, one redirect rule and one
// place that reports to the observers. `createResilientFetch` is the same loop behind a `fetch`.
import { createDefaultTransport, defaultTransport } from '#default-transport';
import { acceptsAbortSource, createAttemptSignal } from './attempt-signal.js';
import type { CallContext, RepeatRule } from './call-context.js';
import type { AttemptEnd, AttemptObservation, CallEnd, CallObservation, CallObserver, CallStart } from './call-observer.js';
import { checkMaxRetries, checkRequestOverrides, checkTimeout, type RequestOverrides } from './client-options.js';
import {
  abortedByCaller,
  ConnectionError,
  CoverlinkError,
  InvalidAccessTokenError,
  RedirectError,
  ResponseTooLargeError,
  safeCode,
  TimeoutError,
} from './core-errors.js';
import { createFetchTransport } from './fetch-transport.js';
import { createLogObserver } from './log-observer.js';
import type { Logger } from './logger.js';
import type { ProviderProfile } from './provider-profile.js';
import {
  defaultRetryPolicy,
  isRetryableStatus,
  isSafeToRepeat,
  parseRetryAfterMs,
  type RetryPolicy,
  retryDelayMs,
} from './retry-policy.js';
import type { TokenProvider } from './token-provider.js';

/** The per-attempt timeout when none is set, for API and token requests alike: 60 s. */
export const defaultTimeoutMs = 60_000;

/** Settings of {@link createCallPipeline} and {@link createResilientFetch}. */
export interface ResilientFetchSettings {
  /** The provider's name, for logs and error messages. */
  provider: string;
  /**
   * Your own fetch, for the I/O. Default: the runtime's transport (undici on Node, global `fetch`
   * elsewhere). Either way redirects are not followed and bodies are read up to `maxResponseBytes`.
   * It is called as `fetch(request, { signal, redirect: 'manual' })` and must honour `init.signal`,
   * which carries the attempt's timeout and the caller's abort.
   */
  fetch?: typeof fetch | undefined;
  /** The largest response body read, in bytes; larger ones fail with `ResponseTooLargeError`. Default 10 MiB; `Infinity` lifts it. */
  maxResponseBytes?: number | undefined;
  /** Retry behaviour; unset fields keep {@link defaultRetryPolicy}. */
  retry?: Partial<RetryPolicy> | undefined;
  /** Per-attempt timeout in milliseconds, until the whole response body has arrived. Default 60 000. */
  timeout?: number | undefined;
  /** Receives one entry per attempt (through the log observer). */
  logger?: Logger | undefined;
  /** Watch every call and attempt (OpenTelemetry, metrics); see {@link CallObserver}. */
  observers?: readonly CallObserver[] | undefined;
  /** Waits between attempts; injectable so tests need no real sleeps. */
  sleep?: ((milliseconds: number, signal: AbortSignal | null) => Promise<void>) | undefined;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: (() => number) | undefined;
}

/** What one call adds to the pipeline's settings; see {@link CallPipeline.send}. */
export interface CallOptions {
  /** API call or token request. Default `api`. */
  kind?: 'api' | 'token' | undefined;
  /** The path template; default the request's path. */
  pathTemplate?: string | undefined;
  /** The provider profile, for API calls of a provider client. */
  profile?: ProviderProfile | undefined;
  /** Retries for this call, already checked; default the pipeline's. */
  maxRetries?: number | undefined;
  /** Timeout for this call, already checked; default the pipeline's. */
  timeout?: number | undefined;
  /** Bearer tokens for this call: fetched inside the attempt loop, refreshed once on a 401. */
  tokens?: TokenProvider | undefined;
  /** When the request may be sent again. Default `by-method`. */
  repeat?: RepeatRule | undefined;
  /** The `X-Request-Id` this call sends, to name it in errors. */
  requestId?: string | undefined;
  /** The caller's signal; default the request's own. */
  signal?: AbortSignal | null | undefined;
}

/** The pipeline: one configured attempt loop; see {@link createCallPipeline}. */
export interface CallPipeline {
  /** Sends `request` as one call: attempts, retries, bearer auth, observers. Resolves with the final, fully read response. */
  send(request: Request, options?: CallOptions): Promise<Response>;
  /** The settings the pipeline resolved (after checking). */
  readonly settings: { readonly provider: string; readonly maxRetries: number; readonly timeout: number };
}

// Failures that happen before a single byte of the request left this machine, so even a request
// that must not be repeated once sent is safe to send again.
const failedBeforeSending = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The transport for these settings: the runtime's default one (shared) when no `fetch` is given,
 * else the same wire rules over the given `fetch`.
 */
export function transportFor(settings: { fetch?: typeof fetch | undefined; maxResponseBytes?: number | undefined }): typeof fetch {
  if (settings.fetch !== undefined) return createFetchTransport({ fetch: settings.fetch, maxResponseBytes: settings.maxResponseBytes });
  return settings.maxResponseBytes === undefined
    ? defaultTransport
    : createDefaultTransport({ maxResponseBytes: settings.maxResponseBytes });
}

/**
 * The request pipeline. Connection failures and 408, 429 and 5xx answers are retried with
 * exponential backoff and jitter, honouring `Retry-After`, as far as the call's {@link RepeatRule}
 * allows; each attempt has its own timeout covering the whole body; the caller's `AbortSignal`
 * stops everything at once. A 3xx is a {@link RedirectError}, never followed. With `tokens`, each
 * attempt carries `Authorization: Bearer …`, and a 401 drops the token and repeats the request once
 * with a fresh one, as the next attempt of the same loop (it does not use up a retry).
 *
 * @throws {TypeError} For a `maxRetries` or `timeout` that is not an integer ≥ 0 (timeout: or `Infinity`).
 */
export function createCallPipeline(settings: ResilientFetchSettings): CallPipeline {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...settings.retry };
  policy.maxRetries = checkMaxRetries(policy.maxRetries, 'client');
  const timeout = checkTimeout(settings.timeout ?? defaultTimeoutMs, 'client');
  const transport = transportFor(settings);
  // The Node transport hears an abort without an AbortSignal, which saves making one per attempt.
  const takesAbortSource = acceptsAbortSource in transport;
  const sleep = settings.sleep ?? abortableSleep;
  const random = settings.random ?? Math.random;
  const observers = [...(settings.logger === undefined ? [] : [createLogObserver(settings.logger)]), ...(settings.observers ?? [])];
  const { provider } = settings;

  async function send(request: Request, options: CallOptions = {}): Promise<Response> {
    const method = request.method;
    const pathTemplate = options.pathTemplate ?? new URL(request.url).pathname;
    const kind = options.kind ?? 'api';
    const context: CallContext = {
      provider,
      kind,
      method,
      pathTemplate,
      operation: `${method} ${pathTemplate}`,
      profile: options.profile,
      maxRetries: options.maxRetries ?? policy.maxRetries,
      timeout: options.timeout ?? timeout,
      signal: options.signal === undefined ? request.signal : options.signal,
      tokens: options.tokens,
      repeat: options.repeat ?? 'by-method',
      requestId: options.requestId,
      observation:
        observers.length === 0
          ? unobserved
          : observe(observers, { provider, method, pathTemplate, origin: new URL(request.url).origin, kind }),
      attempt: 0,
    };
    let status: number | undefined;
    try {
      const response = await runCall(context, request);
      status = response.status;
      return response;
    } catch (error) {
      context.observation.end({ attempts: context.attempt, errorCode: CoverlinkError.isInstance(error) ? error.code : 'UNEXPECTED_ERROR' });
      throw error;
    } finally {
      if (status !== undefined) context.observation.end({ attempts: context.attempt, status });
    }
  }

  async function runCall(context: CallContext, request: Request): Promise<Response> {
    const { signal: callerSignal, tokens } = context;
    const subject = `The ${context.provider} ${context.kind === 'token' ? 'token request' : 'request'} ${context.operation}`;
    const repeatableOnceSent = context.repeat === 'always' || (context.repeat === 'by-method' && isSafeToRepeat(request));
    let retries = 0;
    let refreshed = false;
    let token: string | undefined;
    for (;;) {
      const attempt = ++context.attempt;
      const retriesLeft = retries < context.maxRetries;
      if (tokens !== undefined && token === undefined) {
        token = await tokenOrAbort(tokens, callerSignal, subject);
        context.observation.tokenFetched?.(refreshed ? 'refresh' : 'initial');
        request.headers.set('authorization', bearer(token));
      }
      // Keep an unread copy of the body for a next attempt; a request without a body is sent again as is.
      const mayRepeat = retriesLeft || (tokens !== undefined && !refreshed);
      const attemptRequest = !mayRepeat || request.body === null ? request : request.clone();
      const attemptSignal = createAttemptSignal(context.timeout, callerSignal);
      const observed = context.observation.attempt(attempt);
      const started = performance.now();
      const end = (outcome: Omit<AttemptEnd, 'durationMs'>) =>
        observed.end({ ...outcome, durationMs: Math.round(performance.now() - started) });
      let response: Response;
      try {
        // The transport reads the whole body within this call, under the attempt's signal.
        response = await transport(attemptRequest, {
          signal: takesAbortSource ? (attemptSignal.source as AbortSignal) : attemptSignal.signal,
        });
      } catch (error) {
        if (callerSignal?.aborted) {
          end({ failure: 'abort' });
          throw abortedByCaller(subject, callerSignal.reason);
        }
        // The transport's own typed failures (a body beyond maxResponseBytes) end the call: the same request would get the same answer.
        if (CoverlinkError.isInstance(error)) {
          end({ failure: ResponseTooLargeError.isInstance(error) ? 'too-large' : 'connection' });
          throw error;
        }
        const systemCode = safeCode(systemCodeOf(error));
        const { timedOut } = attemptSignal;
        const repeatable = repeatableOnceSent || (!timedOut && systemCode !== undefined && failedBeforeSending.has(systemCode));
        const delay = retriesLeft && repeatable ? retryDelayMs(retries + 1, undefined, policy, random) : undefined;
        end({ failure: timedOut ? 'timeout' : 'connection', retryInMs: delay });
        if (delay === undefined) {
          throw timedOut
            ? new TimeoutError(`${subject} timed out after ${context.timeout} ms (attempt ${attempt}).`, {
                code: 'TIMEOUT',
                hint: 'Raise `timeout` for slow operations, or check the provider status.',
              })
            : new ConnectionError(
                `Could not complete ${subject.replace(/^The/, 'the')}${systemCode ? ` (${systemCode})` : ''} (attempt ${attempt}).`,
                {
                  code: 'CONNECTION_FAILED',
                  hint: 'Check the base URL and the network; for the local mocks, check they are running.',
                },
              );
        }
        retries++;
        await sleepOrAbort(sleep, delay, callerSignal, subject);
        continue;
      } finally {
        attemptSignal.release();
      }

      if (isRedirect(response)) {
        end({ status: response.status });
        throw new RedirectError({
          status: response.status,
          operation: context.operation,
          provider: context.provider,
          location: response.headers.get('location'),
          requestUrl: request.url,
        });
      }
      if (response.status === 401 && tokens !== undefined && !refreshed) {
        // The server refused the token and did nothing else: the repeat is safe for any method.
        end({ status: 401, retryInMs: 0 });
        tokens.invalidate(token);
        token = undefined;
        refreshed = true;
        continue;
      }
      // A token endpoint's 429 goes back to the caller with its Retry-After: asking again sooner only
      // prolongs the limit (OSIGU allows 10 token requests a minute).
      const retryable = isRetryableStatus(response.status) && !(context.kind === 'token' && response.status === 429);
      const delay =
        retriesLeft && repeatableOnceSent && retryable
          ? retryDelayMs(retries + 1, parseRetryAfterMs(response.headers.get('retry-after')), policy, random)
          : undefined;
      end({ status: response.status, retryInMs: delay });
      if (delay === undefined) return response;
      retries++;
      await sleepOrAbort(sleep, delay, callerSignal, subject);
    }
  }

  return { send, settings: { provider, maxRetries: policy.maxRetries, timeout } };
}

/**
 * A `fetch` that retries, times out and logs: {@link createCallPipeline} behind the `fetch`
 * signature (`init` also takes `maxRetries` and `timeout` for this call), for code that wants the runtime's resilience without a typed client. The returned
 * response is read whole (so reading it later cannot fail on the network) and its `url` is empty
 * on the default transport. A retried answer's body is discarded.
 *
 * @throws {ConnectionError} When the last attempt could not connect or the connection broke.
 * @throws {TimeoutError} When the last attempt timed out.
 * @throws {RedirectError} When the server answered with a redirect.
 * @throws {ResponseTooLargeError} When the body exceeded `maxResponseBytes`.
 * @throws {AbortError} When the caller aborted.
 */
export function createResilientFetch(settings: ResilientFetchSettings): ResilientFetch {
  const pipeline = createCallPipeline(settings);
  return (input, init) => {
    if (init === undefined) return pipeline.send(input instanceof Request ? input : new Request(input));
    const { maxRetries, timeout, ...requestInit } = init;
    const overrides = checkRequestOverrides({ maxRetries, timeout }, 'call');
    return pipeline.send(new Request(input, requestInit), overrides);
  };
}

/** A `fetch` whose `init` also takes the per-call {@link RequestOverrides} (`maxRetries`, `timeout`). */
export type ResilientFetch = (input: RequestInfo | URL, init?: RequestInit & Omit<RequestOverrides, 'idempotencyKey'>) => Promise<Response>;

function isRedirect(response: Response): boolean {
  // 304 answers a conditional request and is no redirect; status 0 is a runtime's hidden (opaque) redirect.
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

async function tokenOrAbort(tokens: TokenProvider, signal: AbortSignal | null, subject: string): Promise<string> {
  try {
    return await tokens.getToken(signal === null ? undefined : { signal });
  } catch (error) {
    if (signal?.aborted && !CoverlinkError.isInstance(error)) throw abortedByCaller(subject, signal.reason);
    throw error;
  }
}

/** The `Authorization` value for `token`, refused without quoting it when no header could carry it. */
function bearer(token: unknown): string {
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new InvalidAccessTokenError('The token provider returned an access token that cannot be sent in an HTTP header.', {
      code: 'INVALID_ACCESS_TOKEN',
      hint: 'A bearer token is visible ASCII without spaces or line breaks: check what the token endpoint or your TokenProvider returns.',
    });
  }
  return `Bearer ${token}`;
}

// What a call without observers reports to: nothing, at no cost per call or attempt.
const unobservedAttempt: AttemptObservation = { end() {} };
const unobserved: CallObservation = { attempt: () => unobservedAttempt, end() {} };

/** All observers as one, each shielded: what an observer throws is ignored. */
function observe(observers: readonly CallObserver[], call: CallStart): CallObservation {
  const calls = observers.flatMap((observer) => {
    const observation = shielded(() => observer.start(call));
    return observation === undefined ? [] : [observation];
  });
  return {
    attempt(attempt) {
      const attempts = calls.flatMap((observation) => {
        const observed = shielded(() => observation.attempt(attempt));
        return observed === undefined ? [] : [observed];
      });
      return {
        end(outcome: AttemptEnd) {
          for (const observed of attempts) shielded(() => observed.end(outcome));
        },
      };
    },
    tokenFetched(reason) {
      for (const observation of calls) shielded(() => observation.tokenFetched?.(reason));
    },
    end(outcome: CallEnd) {
      for (const observation of calls) shielded(() => observation.end(outcome));
    },
  };
}

function shielded<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

async function sleepOrAbort(
  sleep: NonNullable<ResilientFetchSettings['sleep']>,
  delay: number,
  signal: AbortSignal | null,
  subject: string,
): Promise<void> {
  try {
    await sleep(delay, signal);
  } catch (error) {
    if (signal?.aborted) throw abortedByCaller(subject, error);
    throw error;
  }
  if (signal?.aborted) throw abortedByCaller(subject, signal.reason);
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
