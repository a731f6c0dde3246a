// The OpenTelemetry observer, driven through the CallObserver interface the pipeline calls, and read
// back through the real SDK's in-memory span and metric exporters: what an operator's backend gets.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleWithEsbuild } from '@coverlink/test-kit';
import * as api from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  InMemoryMetricExporter,
  MeterProvider,
  type MetricData,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallStart } from './call-observer.js';
import { createOpenTelemetryObserver, type OpenTelemetryObserverOptions, tokenFetchedEventName } from './telemetry.js';

const sourceDirectory = dirname(fileURLToPath(import.meta.url));

const search: CallStart = {
  provider: 'OSIGU',
  method: 'POST',
  pathTemplate: '/v1/sponsors/{sponsor_slug}/search',
  origin: 'https://sandbox.osigu.test',
  kind: 'api',
};

const shutdowns: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(shutdowns.splice(0).map((shutdown) => shutdown()));
});

function recorded(options: OpenTelemetryObserverOptions = { api }) {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  // Exports only when flushed below; the interval never comes round within a test.
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  shutdowns.push(async () => {
    await tracerProvider.shutdown();
    await meterProvider.shutdown();
  });
  const observer = createOpenTelemetryObserver({ tracerProvider, meterProvider, ...options });
  const spans = () => spanExporter.getFinishedSpans();
  const metric = async (name: string): Promise<MetricData | undefined> => {
    await meterProvider.forceFlush();
    const latest = metricExporter.getMetrics().at(-1);
    return latest?.scopeMetrics.flatMap((scope) => scope.metrics).find((data) => data.descriptor.name === name);
  };
  return { observer, spans, metric };
}

const callSpanOf = (spans: ReadableSpan[]) => spans.find((span) => span.kind === api.SpanKind.INTERNAL);
const attemptSpansOf = (spans: ReadableSpan[]) => spans.filter((span) => span.kind === api.SpanKind.CLIENT);

describe('createOpenTelemetryObserver', () => {
  it('records a 503 then a 200 as one call span with two attempt spans under it, the second a resend', async () => {
    const { observer, spans, metric } = recorded();

    const call = observer.start(search);
    call.attempt(1).end({ status: 503, durationMs: 120, retryInMs: 250 });
    call.attempt(2).end({ status: 200, durationMs: 40 });
    call.end({ status: 200, attempts: 2 });

    const finished = spans();
    expect(finished).toHaveLength(3);
    const callSpan = callSpanOf(finished);
    const [first, second] = attemptSpansOf(finished);
    const server = {
      'http.request.method': 'POST',
      'server.address': 'sandbox.osigu.test',
      'server.port': 443,
      'url.scheme': 'https',
      'url.template': '/v1/sponsors/{sponsor_slug}/search',
      'coverlink.provider': 'OSIGU',
    };
    const spanServer = { ...server, 'coverlink.call.kind': 'api' };
    expect(callSpan?.name).toBe('POST /v1/sponsors/{sponsor_slug}/search');
    expect(callSpan?.attributes).toEqual({
      ...spanServer,
      'http.response.status_code': 200,
      'coverlink.call.attempts': 2,
      'coverlink.call.retries': 1,
      'coverlink.token.fetches': 0,
    });
    expect(callSpan?.status.code).toBe(api.SpanStatusCode.UNSET);
    expect(callSpan?.instrumentationScope.name).toBe('@coverlink/core');

    for (const attempt of [first, second]) {
      expect(attempt?.name).toBe('POST /v1/sponsors/{sponsor_slug}/search');
      expect(attempt?.parentSpanContext?.spanId).toBe(callSpan?.spanContext().spanId);
      expect(attempt?.spanContext().traceId).toBe(callSpan?.spanContext().traceId);
    }
    expect(first?.attributes).toEqual({
      ...spanServer,
      'http.response.status_code': 503,
      'error.type': '503',
      'coverlink.retry.delay_ms': 250,
    });
    expect(first?.status.code).toBe(api.SpanStatusCode.ERROR);
    expect(second?.attributes).toEqual({ ...spanServer, 'http.request.resend_count': 1, 'http.response.status_code': 200 });
    expect(second?.status.code).toBe(api.SpanStatusCode.UNSET);

    const duration = await metric('http.client.request.duration');
    expect(duration?.descriptor.unit).toBe('s');
    expect(duration?.dataPointType).toBe(DataPointType.HISTOGRAM);
    expect(duration?.dataPoints.map(({ attributes, value }) => ({ attributes, value: value as { count: number; sum: number } }))).toEqual([
      {
        attributes: { ...server, 'http.response.status_code': 503, 'error.type': '503' },
        value: expect.objectContaining({ count: 1, sum: 0.12 }),
      },
      { attributes: { ...server, 'http.response.status_code': 200 }, value: expect.objectContaining({ count: 1, sum: 0.04 }) },
    ]);
    const retries = await metric('coverlink.client.request.retries');
    expect(retries?.dataPoints.map(({ attributes, value }) => ({ attributes, value }))).toEqual([{ attributes: server, value: 1 }]);
  });

  it('records token fetches as events on the call span and in a counter by reason', async () => {
    const { observer, spans, metric } = recorded();

    const call = observer.start(search);
    call.tokenFetched?.('initial');
    call.attempt(1).end({ status: 401, durationMs: 10 });
    call.tokenFetched?.('refresh');
    call.attempt(2).end({ status: 200, durationMs: 10 });
    call.end({ status: 200, attempts: 2 });

    const callSpan = callSpanOf(spans());
    expect(callSpan?.events.map(({ name, attributes }) => ({ name, attributes }))).toEqual([
      { name: tokenFetchedEventName, attributes: { 'coverlink.token.reason': 'initial' } },
      { name: tokenFetchedEventName, attributes: { 'coverlink.token.reason': 'refresh' } },
    ]);
    expect(callSpan?.attributes['coverlink.token.fetches']).toBe(2);
    const fetches = await metric('coverlink.client.token.fetches');
    expect(fetches?.dataPoints.map(({ attributes, value }) => ({ attributes, value }))).toEqual([
      { attributes: { 'coverlink.provider': 'OSIGU', 'coverlink.token.reason': 'initial' }, value: 1 },
      { attributes: { 'coverlink.provider': 'OSIGU', 'coverlink.token.reason': 'refresh' }, value: 1 },
    ]);
  });

  it('records a timed-out attempt with error.type timeout and the call with the error code', async () => {
    const { observer, spans, metric } = recorded();

    const call = observer.start({ ...search, method: 'GET', pathTemplate: '/v1/claims/{claim_id}' });
    call.attempt(1).end({ failure: 'timeout', durationMs: 5000 });
    call.end({ errorCode: 'TIMEOUT', attempts: 1 });

    const finished = spans();
    const [attempt] = attemptSpansOf(finished);
    expect(attempt?.name).toBe('GET /v1/claims/{claim_id}');
    expect(attempt?.attributes['error.type']).toBe('timeout');
    expect(attempt?.attributes).not.toHaveProperty('http.response.status_code');
    expect(attempt?.status.code).toBe(api.SpanStatusCode.ERROR);
    const callSpan = callSpanOf(finished);
    expect(callSpan?.attributes['error.type']).toBe('TIMEOUT');
    expect(callSpan?.attributes['coverlink.call.retries']).toBe(0);
    expect(callSpan?.status.code).toBe(api.SpanStatusCode.ERROR);
    const duration = await metric('http.client.request.duration');
    expect(duration?.dataPoints).toHaveLength(1);
    expect(duration?.dataPoints[0]?.attributes['error.type']).toBe('timeout');
    expect(duration?.dataPoints[0]?.value).toMatchObject({ count: 1, sum: 5 });
  });

  it("puts the call span under the caller's active span", () => {
    // A synchronous stack is all a context manager needs here; the SDK's async one is Node-only.
    const stack: api.Context[] = [];
    const manager: api.ContextManager = {
      active: () => stack.at(-1) ?? api.ROOT_CONTEXT,
      with: (context, action, thisArgument, ...values) => {
        stack.push(context);
        try {
          return action.call(thisArgument, ...values);
        } finally {
          stack.pop();
        }
      },
      bind: (_context, target) => target,
      enable: () => manager,
      disable: () => manager,
    };
    api.context.setGlobalContextManager(manager);
    shutdowns.push(async () => api.context.disable());
    const { observer, spans } = recorded();
    const tracer = new BasicTracerProvider().getTracer('the-integrators-app');
    const request = tracer.startSpan('POST /claims');

    const call = api.context.with(api.trace.setSpan(api.context.active(), request), () => observer.start(search));
    call.attempt(1).end({ status: 200, durationMs: 1 });
    call.end({ status: 200, attempts: 1 });

    const callSpan = callSpanOf(spans());
    expect(callSpan?.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(callSpan?.spanContext().traceId).toBe(request.spanContext().traceId);
  });

  it('takes only scheme, host and port from the origin, and nothing from anything else it is given', async () => {
    const { observer, spans, metric } = recorded();
    const marker = 'PLANTED-7c1e';

    const call = observer.start({
      ...search,
      origin: `https://operator-${marker}:secret-${marker}@api.example.test:8443/members/${marker}?document=${marker}#${marker}`,
    });
    call.tokenFetched?.('initial');
    call.attempt(1).end({ status: 502, durationMs: 3, retryInMs: 1 });
    call.attempt(2).end({ failure: 'connection', durationMs: 3 });
    call.end({ errorCode: 'CONNECTION', attempts: 2 });

    const finished = spans();
    expect(finished).toHaveLength(3);
    for (const span of finished) {
      expect(span.attributes).toMatchObject({ 'server.address': 'api.example.test', 'server.port': 8443, 'url.scheme': 'https' });
    }
    const everything = JSON.stringify([
      finished.map(({ name, attributes, events, status }) => ({ name, attributes, events, status })),
      await metric('http.client.request.duration'),
      await metric('coverlink.client.request.retries'),
      await metric('coverlink.client.token.fetches'),
    ]);
    expect(everything).toContain('api.example.test');
    expect(everything).not.toContain(marker);
    expect(everything).not.toContain('/members');
  });

  it('names a method outside the HTTP registry _OTHER and keeps the original, as the conventions say', () => {
    const { observer, spans } = recorded();

    const call = observer.start({ ...search, method: 'PURGE' });
    call.end({ attempts: 0 });

    const [callSpan] = spans();
    expect(callSpan?.name).toBe('HTTP /v1/sponsors/{sponsor_slug}/search');
    expect(callSpan?.attributes).toMatchObject({ 'http.request.method': '_OTHER', 'http.request.method_original': 'PURGE' });
  });

  it('loads @opentelemetry/api by itself when not handed the module, recording once ready', async () => {
    const { observer, spans } = recorded({});

    expect(await observer.ready).toBe(true);
    const call = observer.start(search);
    call.attempt(1).end({ status: 204, durationMs: 1 });
    call.end({ status: 204, attempts: 1 });

    expect(spans()).toHaveLength(2);
  });

  it('never throws into the pipeline when the exporter throws', () => {
    const exporterDown = () => {
      throw new Error('exporter down');
    };
    const throwingExporter: SpanExporter = { export: exporterDown, shutdown: async () => {} };
    // The SDK's SimpleSpanProcessor contains an exporter's throw by itself; a processor that
    // exports on its own (as vendors' processors do) does not, and its throw reaches the observer.
    const exportingProcessor: SpanProcessor = {
      onStart: exporterDown,
      onEnd: exporterDown,
      forceFlush: async () => {},
      shutdown: async () => {},
    };
    const providers = [
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(throwingExporter)] }),
      new BasicTracerProvider({ spanProcessors: [exportingProcessor] }),
    ];

    for (const tracerProvider of providers) {
      const observer = createOpenTelemetryObserver({ api, tracerProvider });
      expect(() => {
        const call = observer.start(search);
        call.tokenFetched?.('initial');
        call.attempt(1).end({ status: 503, durationMs: 1 });
        call.attempt(2).end({ status: 200, durationMs: 1 });
        call.end({ status: 200, attempts: 2 });
      }).not.toThrow();
    }
  });

  it('never throws into the pipeline when the tracer or meter itself throws', async () => {
    const boom = () => {
      throw new Error('instrumentation broken');
    };
    const brokenTracer = { startSpan: boom, startActiveSpan: boom } as unknown as api.Tracer;
    const brokenInstrument = { record: boom, add: boom };
    const brokenMeter = { createHistogram: () => brokenInstrument, createCounter: () => brokenInstrument } as unknown as api.Meter;
    const spanExporter = new InMemorySpanExporter();
    const working = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
    const observers = [
      createOpenTelemetryObserver({ api, tracerProvider: { getTracer: () => brokenTracer } }),
      createOpenTelemetryObserver({ api, tracerProvider: working, meterProvider: { getMeter: () => brokenMeter } }),
      createOpenTelemetryObserver({ api, tracerProvider: { getTracer: boom } }),
    ];

    for (const observer of observers) {
      expect(() => {
        const call = observer.start(search);
        call.tokenFetched?.('refresh');
        call.attempt(1).end({ status: 503, durationMs: 1 });
        call.attempt(2).end({ failure: 'timeout', durationMs: 1 });
        call.end({ errorCode: 'TIMEOUT', attempts: 2 });
      }).not.toThrow();
    }
    // A provider that cannot even hand out a tracer leaves the observer a no-op, and says so.
    expect(await observers[2]?.ready).toBe(false);
    // The broken meter does not cost the spans.
    expect(spanExporter.getFinishedSpans()).toHaveLength(3);
  });
});

describe('without @opentelemetry/api installed', () => {
  it('bundles @coverlink/core for a browser, imports it and observes calls as a no-op', async () => {
    const built = await bundleWithEsbuild({
      stdin: { contents: "export { createOpenTelemetryObserver } from './index.js';", resolveDir: sourceDirectory, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['@coverlink/source'],
      mainFields: ['module', 'main'],
      // What esbuild does by itself with a dynamic import it cannot resolve (and rollup, with a
      // warning): leave it in place. The package is installed here, so this stands in for its absence.
      plugins: [
        {
          name: 'opentelemetry-absent',
          setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { path: string }) => unknown): void }) {
            build.onResolve({ filter: /^@opentelemetry\// }, (args) => ({ path: args.path, external: true }));
          },
        },
      ],
      logLevel: 'silent',
    });
    const code = built.outputFiles[0]?.text ?? '';
    expect(code).toContain('import("@opentelemetry/api")');
    expect(code).not.toMatch(/(?:from|import)\s*["']@opentelemetry/);

    // Run where nothing can resolve the package: a directory outside the workspace, in its own process.
    const directory = await mkdtemp(join(tmpdir(), 'coverlink-no-opentelemetry-'));
    try {
      await writeFile(join(directory, 'core.mjs'), code);
      const script = `
        const { createOpenTelemetryObserver } = await import('./core.mjs');
        const observer = createOpenTelemetryObserver();
        const call = observer.start(${JSON.stringify(search)});
        call.tokenFetched?.('initial');
        call.attempt(1).end({ status: 200, durationMs: 1 });
        call.end({ status: 200, attempts: 1 });
        const resolvable = await import('@opentelemetry/api').then(() => true, () => false);
        console.log(JSON.stringify({ ready: await observer.ready, resolvable }));
      `;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: directory });
      expect(JSON.parse(stdout)).toEqual({ ready: false, resolvable: false });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
