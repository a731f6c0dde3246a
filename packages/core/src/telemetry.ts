// OpenTelemetry as one more CallObserver. `@opentelemetry/api` is an optional peer dependency, so
// nothing here imports it statically: the types are erased at compile time, and the module itself
// comes either from the caller (`api`) or from a lazy `import()` that, when the package is absent,
// fails quietly and leaves the observer a no-op. Importing @coverlink/core never touches it.
//
// Everything recorded comes from CallStart, AttemptEnd and CallEnd, which carry names that are the
// same for every user of an operation (provider, method, path template, origin, status, error
// code). The origin is parsed down to scheme, host and port, so even a careless origin cannot
// smuggle a path, query or credentials into an attribute.
import type * as OpenTelemetry from '@opentelemetry/api';
import type { AttemptEnd, AttemptObservation, CallEnd, CallObservation, CallObserver, CallStart } from './call-observer.js';
import { corePackageName, corePackageVersion } from './version.js';

// The public types below are structural on purpose: naming `@opentelemetry/api`'s own types would
// put an import of it into core's published .d.ts, and an app without the optional package that
// type-checks its dependencies (skipLibCheck: false) would fail with TS2307.

/** The `@opentelemetry/api` module, or any object with its `context`, `metrics` and `trace` parts. */
export interface OpenTelemetryApi {
  context: object;
  metrics: object;
  trace: object;
}

/** An OpenTelemetry `TracerProvider` (its `getTracer`). */
export interface OpenTelemetryTracerProvider {
  getTracer(name: string, version?: string): unknown;
}

/** An OpenTelemetry `MeterProvider` (its `getMeter`). */
export interface OpenTelemetryMeterProvider {
  getMeter(name: string, version?: string): unknown;
}

/** What the observer uses of the module, typed by the package when it is there. */
type LoadedApi = Pick<typeof OpenTelemetry, 'context' | 'metrics' | 'trace'>;

/** Settings of {@link createOpenTelemetryObserver}; all optional. */
export interface OpenTelemetryObserverOptions {
  /**
   * The `@opentelemetry/api` module (`import * as api from '@opentelemetry/api'`). When given, the
   * observer records from the first call on; when left out it is imported lazily, so calls made
   * before that import settles (a few microtasks) are not recorded; await
   * {@link OpenTelemetryObserver.ready} first to record them too.
   */
  api?: OpenTelemetryApi;
  /** Where spans go; the globally registered provider when left out. */
  tracerProvider?: OpenTelemetryTracerProvider;
  /** Where metrics go; the globally registered provider when left out. */
  meterProvider?: OpenTelemetryMeterProvider;
}

/** A {@link CallObserver} recording OpenTelemetry spans and metrics. */
export interface OpenTelemetryObserver extends CallObserver {
  /** Settles `true` once the observer records, `false` when `@opentelemetry/api` could not be loaded (it then stays a no-op). */
  readonly ready: Promise<boolean>;
}

// The stable HTTP semantic conventions (https://opentelemetry.io/docs/specs/semconv/http/) by name:
// `@opentelemetry/semantic-conventions` would be one more dependency for a handful of strings.
const attribute = {
  method: 'http.request.method',
  methodOriginal: 'http.request.method_original',
  statusCode: 'http.response.status_code',
  resendCount: 'http.request.resend_count',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  urlScheme: 'url.scheme',
  urlTemplate: 'url.template',
  errorType: 'error.type',
  provider: 'coverlink.provider',
  callKind: 'coverlink.call.kind',
  attempts: 'coverlink.call.attempts',
  retries: 'coverlink.call.retries',
  tokenFetches: 'coverlink.token.fetches',
  tokenReason: 'coverlink.token.reason',
  retryInMs: 'coverlink.retry.delay_ms',
} as const;

/** The span event recorded on the call span each time a bearer token is fetched for it. */
export const tokenFetchedEventName = 'coverlink.token.fetched';

// Numeric values of the API's enums, fixed by its 1.x contract; taking them from the module would
// tie every span to the lazy import having finished.
const spanKindInternal = 0 satisfies OpenTelemetry.SpanKind.INTERNAL;
const spanKindClient = 2 satisfies OpenTelemetry.SpanKind.CLIENT;
const spanStatusError = 2 satisfies OpenTelemetry.SpanStatusCode.ERROR;

// The semantic conventions' advice for `http.client.request.duration`, in seconds.
const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

const knownMethods = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE', 'QUERY']);

interface Instruments {
  api: LoadedApi;
  tracer: OpenTelemetry.Tracer;
  duration: OpenTelemetry.Histogram;
  tokenFetches: OpenTelemetry.Counter;
  retries: OpenTelemetry.Counter;
}

function instrumentsFrom(api: LoadedApi, options: OpenTelemetryObserverOptions): Instruments {
  const tracerProvider = (options.tracerProvider as OpenTelemetry.TracerProvider | undefined) ?? api.trace.getTracerProvider();
  const meterProvider = (options.meterProvider as OpenTelemetry.MeterProvider | undefined) ?? api.metrics.getMeterProvider();
  const tracer = tracerProvider.getTracer(corePackageName, corePackageVersion);
  const meter = meterProvider.getMeter(corePackageName, corePackageVersion);
  return {
    api,
    tracer,
    duration: meter.createHistogram('http.client.request.duration', {
      description: 'Duration of HTTP client requests.',
      unit: 's',
      advice: { explicitBucketBoundaries: durationBuckets },
    }),
    tokenFetches: meter.createCounter('coverlink.client.token.fetches', {
      description: 'Bearer tokens fetched for API calls, by reason (initial, or refresh after a 401).',
      unit: '{fetch}',
    }),
    retries: meter.createCounter('coverlink.client.request.retries', {
      description: 'Requests sent again within one call (every attempt after the first).',
      unit: '{retry}',
    }),
  };
}

/** Scheme, host and port of an origin, and nothing else from it. */
function serverOf(origin: string): OpenTelemetry.Attributes {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return {};
  }
  const scheme = url.protocol.replace(/:$/, '');
  const defaultPort = scheme === 'https' ? 443 : scheme === 'http' ? 80 : undefined;
  const port = url.port === '' ? defaultPort : Number(url.port);
  return {
    [attribute.urlScheme]: scheme,
    // The conventions write IPv6 addresses without the brackets a URL needs.
    [attribute.serverAddress]: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    ...(port === undefined ? {} : { [attribute.serverPort]: port }),
  };
}

function errorTypeOf(status: number | undefined, failure?: string): string | undefined {
  if (failure !== undefined) return failure;
  return status !== undefined && status >= 400 ? String(status) : undefined;
}

const noopAttempt: AttemptObservation = { end() {} };
const noopCall: CallObservation = {
  attempt: () => noopAttempt,
  tokenFetched() {},
  end() {},
};

// Observers must never break a call: every entry point swallows what the SDK or an exporter throws.
function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // Telemetry is best effort; the call it watches goes on.
  }
}

function guarded<Arguments extends unknown[]>(action: (...values: Arguments) => void): (...values: Arguments) => void {
  return (...values) => quietly(() => action(...values));
}

function observeCall(instruments: Instruments, call: CallStart): CallObservation {
  const { api, tracer } = instruments;
  const upperMethod = call.method.toUpperCase();
  const method = knownMethods.has(upperMethod) ? upperMethod : '_OTHER';
  const name = `${method === '_OTHER' ? 'HTTP' : method} ${call.pathTemplate}`;
  const shared: OpenTelemetry.Attributes = {
    [attribute.method]: method,
    ...(method === '_OTHER' ? { [attribute.methodOriginal]: call.method } : {}),
    ...serverOf(call.origin),
    [attribute.urlTemplate]: call.pathTemplate,
    [attribute.provider]: call.provider,
  };
  const metricAttributes = { ...shared };
  const parent = api.context.active();
  const callSpan = tracer.startSpan(name, { kind: spanKindInternal, attributes: { ...shared, [attribute.callKind]: call.kind } }, parent);
  const callContext = api.trace.setSpan(parent, callSpan);
  const openAttempts = new Set<OpenTelemetry.Span>();
  let tokenFetches = 0;
  let ended = false;

  const attempt = (number: number): AttemptObservation => {
    if (ended) return noopAttempt;
    const attributes: OpenTelemetry.Attributes = { ...shared, [attribute.callKind]: call.kind };
    if (number > 1) attributes[attribute.resendCount] = number - 1;
    const span = tracer.startSpan(name, { kind: spanKindClient, attributes }, callContext);
    // Metrics apart from spans: a broken meter must not cost the trace, nor the reverse.
    if (number > 1) quietly(() => instruments.retries.add(1, metricAttributes));
    openAttempts.add(span);
    let attemptEnded = false;
    return {
      end: guarded((outcome: AttemptEnd) => {
        if (attemptEnded) return;
        attemptEnded = true;
        openAttempts.delete(span);
        const errorType = errorTypeOf(outcome.status, outcome.failure);
        const outcomeAttributes: OpenTelemetry.Attributes = {
          ...(outcome.status === undefined ? {} : { [attribute.statusCode]: outcome.status }),
          ...(errorType === undefined ? {} : { [attribute.errorType]: errorType }),
        };
        span.setAttributes(outcomeAttributes);
        if (outcome.retryInMs !== undefined) span.setAttribute(attribute.retryInMs, outcome.retryInMs);
        if (errorType !== undefined) span.setStatus({ code: spanStatusError });
        quietly(() => instruments.duration.record(outcome.durationMs / 1000, { ...metricAttributes, ...outcomeAttributes }));
        span.end();
      }),
    };
  };

  return {
    attempt: (number) => {
      try {
        return attempt(number);
      } catch {
        return noopAttempt;
      }
    },
    tokenFetched: guarded((reason: 'initial' | 'refresh') => {
      if (ended) return;
      tokenFetches += 1;
      quietly(() => instruments.tokenFetches.add(1, { [attribute.provider]: call.provider, [attribute.tokenReason]: reason }));
      callSpan.addEvent(tokenFetchedEventName, { [attribute.tokenReason]: reason });
    }),
    end: guarded((outcome: CallEnd) => {
      if (ended) return;
      ended = true;
      // The pipeline ends every attempt first; one it forgot must still not leak an open span.
      for (const span of openAttempts) span.end();
      openAttempts.clear();
      const errorType = outcome.errorCode ?? errorTypeOf(outcome.status);
      callSpan.setAttributes({
        [attribute.attempts]: outcome.attempts,
        [attribute.retries]: Math.max(0, outcome.attempts - 1),
        [attribute.tokenFetches]: tokenFetches,
        ...(outcome.status === undefined ? {} : { [attribute.statusCode]: outcome.status }),
        ...(errorType === undefined ? {} : { [attribute.errorType]: errorType }),
      });
      if (errorType !== undefined) callSpan.setStatus({ code: spanStatusError });
      callSpan.end();
    }),
  };
}

/**
 * A {@link CallObserver} that records each call as OpenTelemetry spans and metrics, following the
 * HTTP client semantic conventions:
 *
 * - one `INTERNAL` span per call, named `{method} {pathTemplate}` (e.g. `POST /v1/sponsors/{sponsor_slug}/search`),
 *   with `coverlink.provider`, `url.template`, `http.request.method`, `server.address`, `server.port`,
 *   the final `http.response.status_code`, `error.type` (the error's stable code), `coverlink.call.attempts`,
 *   `coverlink.call.retries`, `coverlink.token.fetches`, and a `coverlink.token.fetched` event per token fetched;
 * - under it one `CLIENT` span per attempt (each is one request on the wire), with `http.request.resend_count`
 *   from the second attempt on, its own status code and `error.type` (`503`, `timeout`, `connection`, ...);
 * - the `http.client.request.duration` histogram (seconds, one record per attempt), and the counters
 *   `coverlink.client.request.retries` and `coverlink.client.token.fetches`.
 *
 * No URL path, query, body, header value or path parameter is ever recorded: the observer only sees
 * the path template and the origin's scheme, host and port. Without `@opentelemetry/api` installed
 * (it is an optional peer dependency) the observer does nothing, and never throws into a call.
 *
 * @example
 * ```ts
 * import { createOpenTelemetryObserver } from '@coverlink/core';
 * import { createOsiguClient } from '@coverlink/osigu';
 *
 * // Spans and metrics go to the providers registered globally (e.g. by @opentelemetry/sdk-node).
 * const osigu = createOsiguClient({ ...settings, observers: [createOpenTelemetryObserver()] });
 * ```
 */
export function createOpenTelemetryObserver(options: OpenTelemetryObserverOptions = {}): OpenTelemetryObserver {
  let instruments: Instruments | undefined;
  const adopt = (module: OpenTelemetryApi): boolean => {
    const api = module as LoadedApi;
    try {
      instruments = instrumentsFrom(api, options);
      return true;
    } catch {
      return false;
    }
  };
  // The lazy import is what keeps the package optional: bundlers leave an unresolvable dynamic
  // import in place (esbuild does), and at run time it only rejects, which is caught here.
  const ready =
    options.api === undefined
      ? import('@opentelemetry/api').then(
          (api) => adopt(api),
          () => false,
        )
      : Promise.resolve(adopt(options.api));
  return {
    ready,
    start(call) {
      if (instruments === undefined) return noopCall;
      try {
        return observeCall(instruments, call);
      } catch {
        return noopCall;
      }
    },
  };
}
