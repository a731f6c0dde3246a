// 1. Overhead: the same authenticated JSON GET through raw fetch, bare openapi-fetch and the full
// Coverlink OSIGU client (client-credentials token provider, retries, error mapping; logger off).
import { createOsiguClient, type OsiguPaths } from '@coverlink/osigu';
import createClient from 'openapi-fetch';
import { progress } from './child.js';

export type Variant = 'rawFetch' | 'openapiFetch' | 'coverlink';
export const variantLabels: Record<Variant, string> = {
  rawFetch: '(a) raw fetch',
  openapiFetch: '(b) openapi-fetch',
  coverlink: '(c) Coverlink client',
};

export interface VariantResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ModeResult {
  concurrency: number;
  requestsPerRun: number;
  runOrder: Variant[];
  variants: Record<Variant, VariantResult>;
  ratios: { coverlinkVsOpenapiFetch: number; coverlinkVsRawFetch: number };
  targets: { coverlinkVsOpenapiFetchAtLeast095: boolean; coverlinkVsRawFetchAtLeast09: boolean };
}

export interface OverheadResult {
  sequential: ModeResult;
  concurrent: ModeResult;
}

type Call = () => Promise<void>;

const slug = 'sponsor-sandbox';
const staticToken = 'Bearer bench-static-token';

function makeCalls(baseUrl: string): Record<Variant, Call> {
  const url = `${baseUrl}/v1/sponsors/${slug}/forms`;
  const raw: Call = async () => {
    const response = await fetch(url, { headers: { authorization: staticToken, accept: 'application/json' } });
    if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
    await response.json();
  };
  const bare = createClient<OsiguPaths>({ baseUrl, headers: { authorization: staticToken } });
  const openapi: Call = async () => {
    const { error } = await bare.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: slug } } });
    if (error !== undefined) throw new Error('openapi-fetch: error answer');
  };
  const osigu = createOsiguClient({ clientId: 'bench-client', clientSecret: 'bench-secret', baseUrl });
  const coverlink: Call = async () => {
    const { error } = await osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: slug } } });
    if (error !== undefined) throw new Error('Coverlink: error answer');
  };
  return { rawFetch: raw, openapiFetch: openapi, coverlink };
}

/** Runs `count` calls with `concurrency` workers; returns elapsed seconds and each call's latency in ms. */
async function run(call: Call, count: number, concurrency: number): Promise<{ seconds: number; latencies: Float64Array }> {
  const latencies = new Float64Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      await call();
      latencies[index] = performance.now() - started;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: (performance.now() - started) / 1000, latencies };
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

async function mode(calls: Record<Variant, Call>, concurrency: number, count: number): Promise<ModeResult> {
  const order: Variant[] = ['rawFetch', 'openapiFetch', 'coverlink', 'coverlink', 'openapiFetch', 'rawFetch'];
  // Warm-up: JIT, connection pool and (for Coverlink) the token cache.
  for (const variant of ['rawFetch', 'openapiFetch', 'coverlink'] as const) await run(calls[variant], Math.min(1000, count), concurrency);
  const seconds: Record<Variant, number> = { rawFetch: 0, openapiFetch: 0, coverlink: 0 };
  const samples: Record<Variant, Float64Array[]> = { rawFetch: [], openapiFetch: [], coverlink: [] };
  for (const variant of order) {
    const result = await run(calls[variant], count, concurrency);
    seconds[variant] += result.seconds;
    samples[variant].push(result.latencies);
    progress(`c=${concurrency} ${variantLabels[variant]}: ${count} requests in ${result.seconds.toFixed(2)} s`);
  }
  const summarize = (variant: Variant): VariantResult => {
    const all = new Float64Array(samples[variant].reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of samples[variant]) {
      all.set(part, offset);
      offset += part.length;
    }
    all.sort();
    return {
      requests: all.length,
      seconds: round(seconds[variant]),
      requestsPerSecond: round(all.length / seconds[variant], 0),
      p50Ms: round(percentile(all, 0.5)),
      p99Ms: round(percentile(all, 0.99)),
    };
  };
  const variants = { rawFetch: summarize('rawFetch'), openapiFetch: summarize('openapiFetch'), coverlink: summarize('coverlink') };
  const coverlinkVsOpenapiFetch = round(variants.coverlink.requestsPerSecond / variants.openapiFetch.requestsPerSecond);
  const coverlinkVsRawFetch = round(variants.coverlink.requestsPerSecond / variants.rawFetch.requestsPerSecond);
  return {
    concurrency,
    requestsPerRun: count,
    runOrder: order,
    variants,
    ratios: { coverlinkVsOpenapiFetch, coverlinkVsRawFetch },
    targets: {
      coverlinkVsOpenapiFetchAtLeast095: coverlinkVsOpenapiFetch >= 0.95,
      coverlinkVsRawFetchAtLeast09: coverlinkVsRawFetch >= 0.9,
    },
  };
}

export async function measureOverhead(baseUrl: string, counts = { sequential: 3_000, concurrent: 10_000 }): Promise<OverheadResult> {
  const calls = makeCalls(baseUrl);
  progress('overhead: sequential');
  const sequential = await mode(calls, 1, counts.sequential);
  progress('overhead: concurrency 32');
  const concurrent = await mode(calls, 32, counts.concurrent);
  return { sequential, concurrent };
}
