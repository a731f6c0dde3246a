// 1. Overhead: the same authenticated JSON GET through ten clients side by side, against one server
// in its own process: the floors (raw global fetch, undici's request() on a Pool), bare openapi-fetch
// on global fetch and on core's undici transport, the full Coverlink OSIGU client on its default
// transport and on global fetch, and what an integrator would pick instead (the Stainless runtime
// through openai's generic client.get, ky, got, axios). Rounds alternate between the clients, so
// drift on a shared machine (other processes, thermal, GC) hits every client alike; each client's
// figure is the median over the rounds.
import { createNodeTransport } from '@coverlink/core/node-transport';
import { createOsiguClient, type OsiguPaths } from '@coverlink/osigu';
import axios from 'axios';
import got from 'got';
import ky from 'ky';
import OpenAI from 'openai';
import createClient from 'openapi-fetch';
import { Pool } from 'undici';
import { progress } from './child.js';

/** The clients compared, in table order. */
export const variants = [
  'rawFetch',
  'undiciPool',
  'openapiFetch',
  'openapiFetchUndici',
  'coverlinkDefault',
  'coverlinkGlobalFetch',
  'stainless',
  'ky',
  'got',
  'axios',
] as const;

/** One client of the comparison. */
export type Variant = (typeof variants)[number];

/** How each client is named in the tables. */
export const variantLabels: Record<Variant, string> = {
  rawFetch: 'raw fetch (global)',
  undiciPool: 'undici request() on a Pool (floor)',
  openapiFetch: 'bare openapi-fetch, global fetch',
  openapiFetchUndici: 'openapi-fetch on undici (createNodeTransport)',
  coverlinkDefault: 'Coverlink OSIGU client, default transport',
  coverlinkGlobalFetch: 'Coverlink OSIGU client, global fetch',
  stainless: 'Stainless runtime (openai client.get)',
  ky: 'ky',
  got: 'got',
  axios: 'axios',
};

/** One client's figures in one mode. */
export interface VariantResult {
  /** Median over the rounds of requests per second. */
  requestsPerSecond: number;
  /** Median over the rounds of client-process CPU time (user + system) per call, in microseconds. */
  cpuMicrosecondsPerCall: number;
  /** Each round's requests per second, in round order. */
  requestsPerSecondByRound: number[];
  /** Each round's CPU microseconds per call, in round order. */
  cpuMicrosecondsPerCallByRound: number[];
  /** Latency percentiles over every measured request of every round. */
  p50Ms: number;
  p99Ms: number;
}

/** A ratio the issue sets a target for, computed in the same run. */
export interface OverheadTarget {
  description: string;
  /** Median req/s of the client over the other's: what the target is checked on. */
  ratio: number;
  /**
   * The same comparison from CPU per call (the other's CPU µs per call over the client's): less
   * disturbed by other processes on a loaded machine, shown alongside, not checked.
   */
  cpuRatio: number;
  atLeast: number;
  met: boolean;
}

/** One mode (sequential or concurrent) of the overhead benchmark. */
export interface ModeResult {
  concurrency: number;
  requestsPerRun: number;
  rounds: number;
  variants: Record<Variant, VariantResult>;
  /** Each client's median requests per second over bare openapi-fetch's (global fetch). */
  requestsPerSecondVsOpenapiFetch: Record<Variant, number>;
  /** Each client's median CPU per call over bare openapi-fetch's (below 1 is cheaper). */
  cpuPerCallVsOpenapiFetch: Record<Variant, number>;
}

/** The overhead benchmark's results. */
export interface OverheadResult {
  /** `BENCH_QUICK=1`: fewer requests and rounds, for a loaded machine; the ratios are noisier. */
  quick: boolean;
  /** Retries each client is configured with (none is exercised: every answer is a 200). */
  retries: Record<Variant, string>;
  sequential: ModeResult;
  concurrent: ModeResult;
  targets: OverheadTarget[];
}

type Call = () => Promise<void>;

interface Clients {
  calls: Record<Variant, Call>;
  close(): Promise<void>;
}

const slug = 'sponsor-sandbox';
const staticToken = 'Bearer bench-static-token';
const formsPath = `/v1/sponsors/${slug}/forms`;
// Every client but the Coverlink one sends this fixed header; the Coverlink client fetches and caches
// a real token from the server's token endpoint, as in production.
const headers = { authorization: staticToken, accept: 'application/json' };
// Every client that retries by default does so twice, as the Coverlink client does; axios and the
// bare clients do not retry at all.
const maxRetries = 2;

function makeClients(baseUrl: string): Clients {
  const url = `${baseUrl}${formsPath}`;
  const fail = (name: string, status: number): never => {
    throw new Error(`${name}: HTTP ${status}`);
  };

  const pool = new Pool(baseUrl);
  const undiciPool: Call = async () => {
    const { statusCode, body } = await pool.request({ path: formsPath, method: 'GET', headers });
    if (statusCode !== 200) fail('undici', statusCode);
    await body.json();
  };

  const rawFetch: Call = async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) fail('raw fetch', response.status);
    await response.json();
  };

  const path = { sponsor_slug: slug };
  const bare = createClient<OsiguPaths>({ baseUrl, headers: { authorization: staticToken } });
  const openapiFetch: Call = async () => {
    const { error, response } = await bare.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path } });
    if (error !== undefined) fail('openapi-fetch', response.status);
  };

  const nodeTransport = createNodeTransport();
  const bareOnUndici = createClient<OsiguPaths>({ baseUrl, headers: { authorization: staticToken }, fetch: nodeTransport });
  const openapiFetchUndici: Call = async () => {
    const { error, response } = await bareOnUndici.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path } });
    if (error !== undefined) fail('openapi-fetch on undici', response.status);
  };

  const credentials = { clientId: 'bench-client', clientSecret: 'bench-secret', baseUrl };
  const osigu = createOsiguClient(credentials);
  const coverlinkDefault: Call = async () => {
    const { error, response } = await osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path } });
    if (error !== undefined) fail('Coverlink', response.status);
  };
  const osiguOnGlobalFetch = createOsiguClient({ ...credentials, fetch: globalThis.fetch });
  const coverlinkGlobalFetch: Call = async () => {
    const { error, response } = await osiguOnGlobalFetch.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path } });
    if (error !== undefined) fail('Coverlink on global fetch', response.status);
  };

  // The Stainless runtime as every Stainless SDK ships it: openai's client with its generic verbs.
  const openai = new OpenAI({ baseURL: baseUrl, apiKey: 'bench-dummy-key', maxRetries });
  const stainless: Call = async () => {
    await openai.get(formsPath);
  };

  const kyClient = ky.create({ prefixUrl: baseUrl, headers, retry: maxRetries });
  const kyCall: Call = async () => {
    await kyClient.get(formsPath.slice(1)).json();
  };

  const gotClient = got.extend({ prefixUrl: baseUrl, headers, retry: { limit: maxRetries } });
  const gotCall: Call = async () => {
    await gotClient.get(formsPath.slice(1)).json();
  };

  const axiosClient = axios.create({ baseURL: baseUrl, headers });
  const axiosCall: Call = async () => {
    await axiosClient.get(formsPath);
  };

  return {
    calls: {
      rawFetch,
      undiciPool,
      openapiFetch,
      openapiFetchUndici,
      coverlinkDefault,
      coverlinkGlobalFetch,
      stainless,
      ky: kyCall,
      got: gotCall,
      axios: axiosCall,
    },
    async close() {
      await Promise.all([pool.close(), nodeTransport.close()]);
    },
  };
}

const retries: Record<Variant, string> = {
  rawFetch: 'none',
  undiciPool: 'none',
  openapiFetch: 'none',
  openapiFetchUndici: 'none',
  coverlinkDefault: `maxRetries ${maxRetries} (default)`,
  coverlinkGlobalFetch: `maxRetries ${maxRetries} (default)`,
  stainless: `maxRetries ${maxRetries} (its default too)`,
  ky: `retry ${maxRetries} (its default too)`,
  got: `retry.limit ${maxRetries} (its default too)`,
  axios: 'none (axios has no retries)',
};

interface RunResult {
  seconds: number;
  cpuMicroseconds: number;
  latencies: Float64Array;
}

/** Runs `count` calls with `concurrency` workers, timing the wall clock and this process's CPU. */
async function run(call: Call, count: number, concurrency: number): Promise<RunResult> {
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
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuMicroseconds: used.user + used.system, latencies };
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

function mapVariants<T>(make: (variant: Variant) => T): Record<Variant, T> {
  return Object.fromEntries(variants.map((variant) => [variant, make(variant)])) as Record<Variant, T>;
}

async function mode(calls: Record<Variant, Call>, concurrency: number, count: number, rounds: number): Promise<ModeResult> {
  // Warm-up: JIT, connection pools and (for Coverlink) the token cache.
  for (const variant of variants) await run(calls[variant], Math.min(500, count), concurrency);
  const runs = mapVariants<RunResult[]>(() => []);
  for (let index = 0; index < rounds; index++) {
    // Each round starts one client later, so no client always runs first (or right after the same one).
    const order = variants.map((_, position) => variants[(position + index) % variants.length] as Variant);
    const line: string[] = [];
    for (const variant of order) {
      const result = await run(calls[variant], count, concurrency);
      runs[variant].push(result);
      line.push(`${variant} ${Math.round(count / result.seconds)}`);
    }
    progress(`c=${concurrency} round ${index + 1}/${rounds} req/s: ${line.join(', ')}`);
  }
  const results = mapVariants<VariantResult>((variant) => {
    const all = new Float64Array(count * rounds);
    runs[variant].forEach((result, index) => {
      all.set(result.latencies, index * count);
    });
    all.sort();
    const requestsPerSecondByRound = runs[variant].map((result) => round(count / result.seconds, 0));
    const cpuMicrosecondsPerCallByRound = runs[variant].map((result) => round(result.cpuMicroseconds / count, 1));
    return {
      requestsPerSecond: round(median(requestsPerSecondByRound), 0),
      cpuMicrosecondsPerCall: round(median(cpuMicrosecondsPerCallByRound), 1),
      requestsPerSecondByRound,
      cpuMicrosecondsPerCallByRound,
      p50Ms: round(percentile(all, 0.5)),
      p99Ms: round(percentile(all, 0.99)),
    };
  });
  const base = results.openapiFetch;
  return {
    concurrency,
    requestsPerRun: count,
    rounds,
    variants: results,
    requestsPerSecondVsOpenapiFetch: mapVariants((variant) => round(results[variant].requestsPerSecond / base.requestsPerSecond)),
    cpuPerCallVsOpenapiFetch: mapVariants((variant) => round(results[variant].cpuMicrosecondsPerCall / base.cpuMicrosecondsPerCall)),
  };
}

function target(description: string, mode: ModeResult, numerator: Variant, denominator: Variant, atLeast: number): OverheadTarget {
  const ratio = round(mode.variants[numerator].requestsPerSecond / mode.variants[denominator].requestsPerSecond);
  const cpuRatio = round(mode.variants[denominator].cpuMicrosecondsPerCall / mode.variants[numerator].cpuMicrosecondsPerCall);
  return { description, ratio, cpuRatio, atLeast, met: ratio >= atLeast };
}

/** The speed targets, as ratios of median requests per second in this run. */
function targets(sequential: ModeResult, concurrent: ModeResult): OverheadTarget[] {
  return [
    target('c=32: Coverlink (default transport) / bare openapi-fetch', concurrent, 'coverlinkDefault', 'openapiFetch', 1.6),
    target('c=32: Coverlink (default transport) / Stainless runtime', concurrent, 'coverlinkDefault', 'stainless', 2),
    target('sequential: Coverlink (default transport) / bare openapi-fetch', sequential, 'coverlinkDefault', 'openapiFetch', 1.2),
    target('sequential: Coverlink on global fetch / bare openapi-fetch', sequential, 'coverlinkGlobalFetch', 'openapiFetch', 0.9),
    target('c=32: Coverlink on global fetch / bare openapi-fetch', concurrent, 'coverlinkGlobalFetch', 'openapiFetch', 0.9),
  ];
}

/**
 * Runs the overhead benchmark against `baseUrl` (the benchmark server). `BENCH_QUICK=1` takes fewer
 * requests and rounds, for a loaded machine.
 */
export async function measureOverhead(baseUrl: string, quick = process.env.BENCH_QUICK === '1'): Promise<OverheadResult> {
  const settings = quick ? { sequential: 400, concurrent: 1_500, rounds: 3 } : { sequential: 1_500, concurrent: 4_000, rounds: 5 };
  const clients = makeClients(baseUrl);
  try {
    progress(
      `overhead${quick ? ' (quick mode, BENCH_QUICK=1)' : ''}: sequential, ${settings.rounds} rounds × ${settings.sequential} requests`,
    );
    const sequential = await mode(clients.calls, 1, settings.sequential, settings.rounds);
    progress(`overhead: concurrency 32, ${settings.rounds} rounds × ${settings.concurrent} requests`);
    const concurrent = await mode(clients.calls, 32, settings.concurrent, settings.rounds);
    return { quick, retries, sequential, concurrent, targets: targets(sequential, concurrent) };
  } finally {
    await clients.close();
  }
}
