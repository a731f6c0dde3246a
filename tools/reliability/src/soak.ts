// The soak run: thousands of calls through one provider client against a local fault server whose
// faults come from a seeded generator, checking every outcome and log line on the fly (nothing is
// kept per call, so the heap measures the clients, not this harness). Run by soak-run.ts in a child
// process started with --expose-gc; soak.test.ts reads its JSON report.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { MemoryTokenStore, storeGrant } from '@coverlink/auth';
import { CoverlinkError, type Logger, unwrap } from '@coverlink/core';
import { createHelloClaimsClient } from '@coverlink/helloclaims';
import { createOneAssureClient } from '@coverlink/oneassure';
import { createOsiguClient } from '@coverlink/osigu';

export type SoakProvider = 'osigu' | 'oneassure' | 'helloclaims';
export const soakProviders: readonly SoakProvider[] = ['osigu', 'oneassure', 'helloclaims'];

/** What the server does with a call, by attempt: `once` faults answer 200 from the second attempt on. */
export const faultKinds = [
  'ok',
  'slow-ok',
  'unauthorized-once',
  'rate-limited-once',
  'rate-limited',
  'unavailable-once',
  'server-error',
  'reset-once',
  'reset',
  'non-json-error',
  'non-json-ok',
  'timeout-once',
] as const;
export type FaultKind = (typeof faultKinds)[number];
const weights: Record<FaultKind, number> = {
  ok: 40,
  'slow-ok': 8,
  'unauthorized-once': 8,
  'rate-limited-once': 7,
  'rate-limited': 4,
  'unavailable-once': 6,
  'server-error': 4,
  'reset-once': 5,
  reset: 3,
  'non-json-error': 4,
  'non-json-ok': 3,
  'timeout-once': 2,
};

/** Values that must never appear in an error rendering or a log line. */
export const clientSecret = 'cs-SOAK-secret-9f1c7e';
const tokenPrefix = 'tk-SOAK-';
const refreshPrefix = 'rt-SOAK-';
export const personalValue = 'Wilhelmina Quartermain';
const forbidden = [clientSecret, tokenPrefix, refreshPrefix, personalValue, 'Quartermain'];

const timeoutMs = 400;
const slowOkDelayMs = 15;
const timeoutFaultDelayMs = 650;

export interface SoakOptions {
  provider: SoakProvider;
  requests: number;
  warmup: number;
  concurrency: number;
  seed: number;
}

export interface SoakReport {
  provider: SoakProvider;
  seed: number;
  requests: number;
  warmup: number;
  concurrency: number;
  durationMs: number;
  /** How many measured calls drew each fault. */
  faults: Record<string, number>;
  /** HTTP requests the server saw (API and token), warm-up included. */
  httpRequests: { api: number; token: number; tokenFaults: number };
  /** Outcomes of the measured calls: `data` or the error class name. */
  outcomes: Record<string, number>;
  /** Calls that ended in something other than data or a CoverlinkError (first 5 described). */
  foreignErrors: { count: number; samples: string[] };
  /** Renderings or log lines holding a forbidden value (first 5 described). */
  leaks: { count: number; samples: string[] };
  logLines: number;
  errorsChecked: number;
  unhandledRejections: { count: number; samples: string[] };
  heap: { startBytes: number; endBytes: number; growth: number };
}

/** mulberry32: a small seeded generator, enough to draw faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function drawFaults(count: number, random: () => number): Uint8Array {
  const total = faultKinds.reduce((sum, kind) => sum + weights[kind], 0);
  const plan = new Uint8Array(count);
  for (let index = 0; index < count; index++) {
    let pick = random() * total;
    let kind = 0;
    for (; kind < faultKinds.length - 1; kind++) {
      pick -= weights[faultKinds[kind] as FaultKind];
      if (pick < 0) break;
    }
    plan[index] = kind;
  }
  return plan;
}

const tokenPaths: Record<SoakProvider, string> = { osigu: '/v1/oauth/token', oneassure: '/v1/auth/token', helloclaims: '/login/token' };

interface SoakServer {
  url: string;
  counters: { api: number; token: number; tokenFaults: number };
  close(): Promise<void>;
}

/** The provider's token endpoint and one API GET; the fault of a call is looked up by its `x-soak-call` header. */
async function startSoakServer(provider: SoakProvider, plan: Uint8Array, random: () => number): Promise<SoakServer> {
  const attempts = new Uint8Array(plan.length);
  const counters = { api: 0, token: 0, tokenFaults: 0 };
  let issued = 0;
  const json = (outgoing: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    outgoing.writeHead(status, { 'content-type': 'application/json', ...headers });
    outgoing.end(JSON.stringify(body));
  };
  // An error body that echoes the bearer token and carries a personal value in a listed personal field.
  const errorBody = (incoming: IncomingMessage, code: string) => ({
    error_code: code,
    type: code,
    title: 'Request failed',
    message: 'The request failed.',
    name: personalValue,
    access_token: incoming.headers.authorization?.replace(/^Bearer /, '') ?? '',
  });

  const answerToken = (outgoing: ServerResponse) => {
    counters.token++;
    // Some token requests fail on the provider's side; the draw order follows arrival, the rate is seeded.
    if (random() < 0.05) {
      counters.tokenFaults++;
      json(outgoing, 503, { error: 'temporarily_unavailable', client_secret: clientSecret, name: personalValue });
      return;
    }
    issued++;
    const accessToken = `${tokenPrefix}${provider}-${issued}`;
    if (provider === 'oneassure') json(outgoing, 200, { payload: { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 } });
    else if (provider === 'osigu') json(outgoing, 200, { access_token: accessToken, token_type: 'bearer', expires_in: 3600 });
    else
      json(outgoing, 200, {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: `${refreshPrefix}${issued}`,
      });
  };

  const answerApi = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    counters.api++;
    const call = Number(incoming.headers['x-soak-call']);
    const kind = faultKinds[plan[call] ?? 0] ?? 'ok';
    const attempt = (attempts[call] ?? 0) + 1;
    attempts[call] = attempt;
    const success = () => json(outgoing, 200, provider === 'oneassure' ? { data: [], next: null } : [{ id: `item-${call}` }]);
    const first = attempt === 1;
    switch (kind) {
      case 'ok':
        return success();
      case 'slow-ok':
        setTimeout(() => !outgoing.destroyed && success(), slowOkDelayMs);
        return;
      case 'unauthorized-once':
        return first ? json(outgoing, 401, errorBody(incoming, 'UNAUTHORIZED')) : success();
      case 'rate-limited-once':
        return first ? json(outgoing, 429, errorBody(incoming, 'RATE_LIMITED'), { 'retry-after': '0' }) : success();
      case 'rate-limited':
        return json(outgoing, 429, errorBody(incoming, 'RATE_LIMITED'), { 'retry-after': '0' });
      case 'unavailable-once':
        return first ? json(outgoing, 503, errorBody(incoming, 'UNAVAILABLE')) : success();
      case 'server-error':
        return json(outgoing, 500, errorBody(incoming, 'SERVER_ERROR'));
      case 'reset-once':
        if (first) return incoming.socket.destroy();
        return success();
      case 'reset':
        return incoming.socket.destroy();
      case 'non-json-error':
        outgoing.writeHead(502, { 'content-type': 'text/html' });
        outgoing.end('<html><body>Bad gateway</body></html>');
        return;
      case 'non-json-ok':
        outgoing.writeHead(200, { 'content-type': 'text/html' });
        outgoing.end('<html><body>Maintenance</body></html>');
        return;
      case 'timeout-once':
        if (first) setTimeout(() => !outgoing.destroyed && success(), timeoutFaultDelayMs);
        else success();
        return;
    }
  };

  const server = createServer((incoming, outgoing) => {
    incoming.on('error', () => {});
    outgoing.on('error', () => {});
    incoming.resume();
    incoming.on('end', () => {
      if (incoming.url?.startsWith(tokenPaths[provider])) answerToken(outgoing);
      else answerApi(incoming, outgoing);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counters,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

type Call = (index: number) => Promise<unknown>;

async function createCall(provider: SoakProvider, url: string, logger: Logger): Promise<Call> {
  const settings = {
    clientId: 'soak-client',
    clientSecret,
    baseUrl: url,
    logger,
    timeout: timeoutMs,
    retry: { initialDelayMs: 1, maxDelayMs: 2 },
  };
  const headers = (index: number) => ({ 'x-soak-call': String(index) });
  if (provider === 'osigu') {
    const client = createOsiguClient(settings);
    return async (index) =>
      unwrap(
        await client.GET('/v1/sponsors/{sponsor_slug}/forms', {
          params: { path: { sponsor_slug: 'sponsor-soak' } },
          headers: headers(index),
        }),
      );
  }
  if (provider === 'oneassure') {
    const client = createOneAssureClient(settings);
    return async (index) =>
      unwrap(
        await client.GET('/v1/business/health/quotes', { params: { query: { session_id: 'session-soak' } }, headers: headers(index) }),
      );
  }
  const tokenStore = new MemoryTokenStore();
  const helloClaims = createHelloClaimsClient({
    ...settings,
    redirectUri: 'http://127.0.0.1/callback',
    scopes: ['requests'],
    authorizationUrl: `${url}/login/broker`,
    tokenUrl: `${url}${tokenPaths.helloclaims}`,
    tokenStore,
  });
  await storeGrant({
    store: tokenStore,
    key: { provider: 'helloclaims', clientId: settings.clientId, subject: 'repairer-soak' },
    tokens: {
      accessToken: `${tokenPrefix}helloclaims-0`,
      refreshToken: `${refreshPrefix}0`,
      expiresInSeconds: 3600,
      expiresAt: Date.now() + 3_600_000,
      scope: 'requests quotes',
    },
  });
  const client = helloClaims.forUser('repairer-soak');
  return async (index) => unwrap(await client.GET('/requests', { headers: headers(index) }));
}

function leakIn(text: string): string | undefined {
  return forbidden.find((value) => text.includes(value));
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('Run the soak with node --expose-gc.');
  for (let round = 0; round < 4; round++) gc();
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 50));
  collectGarbage();
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const { provider, requests, warmup, concurrency, seed } = options;
  const random = seededRandom(seed);
  const plan = drawFaults(warmup + requests, random);
  const server = await startSoakServer(provider, plan, seededRandom(seed ^ 0x5eed));

  const unhandled = { count: 0, samples: [] as string[] };
  const onUnhandled = (reason: unknown) => {
    unhandled.count++;
    if (unhandled.samples.length < 5) unhandled.samples.push(inspect(reason).slice(0, 500));
  };
  process.on('unhandledRejection', onUnhandled);

  const leaks = { count: 0, samples: [] as string[] };
  const leak = (where: string, text: string) => {
    const value = leakIn(text);
    if (value === undefined) return;
    leaks.count++;
    if (leaks.samples.length < 5) leaks.samples.push(`${where} holds "${value}": ${text.slice(0, 400)}`);
  };
  let logLines = 0;
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      logLines++;
      leak(`log.${level}`, `${JSON.stringify(args)} ${inspect(args, { depth: 10, showHidden: true })}`);
    };
  const logger: Required<Logger> = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };

  const call = await createCall(provider, server.url, logger);
  const outcomes = new Map<string, number>();
  const foreign = { count: 0, samples: [] as string[] };
  let errorsChecked = 0;
  let measuring = false;

  const runOne = async (index: number) => {
    let outcome: string;
    try {
      await call(index);
      outcome = 'data';
    } catch (error) {
      errorsChecked++;
      const renderings = [
        error instanceof Error ? error.message : '',
        String(error),
        JSON.stringify(error) ?? '',
        inspect(error, { depth: 10, showHidden: true }),
      ];
      for (const text of renderings) leak(`error ${(error as Error)?.name}`, text);
      if (CoverlinkError.isInstance(error)) outcome = (error as Error).name;
      else {
        outcome = `foreign:${(error as Error)?.name ?? typeof error}`;
        foreign.count++;
        if (foreign.samples.length < 5) foreign.samples.push(`${faultKinds[plan[index] ?? 0]}: ${inspect(error).slice(0, 400)}`);
      }
    }
    if (measuring) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  };

  const runRange = async (from: number, to: number) => {
    let next = from;
    const worker = async () => {
      while (next < to) await runOne(next++);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };

  await runRange(0, warmup);
  await settle();
  const startBytes = process.memoryUsage().heapUsed;
  measuring = true;
  const started = performance.now();
  await runRange(warmup, warmup + requests);
  const durationMs = Math.round(performance.now() - started);
  measuring = false;
  await settle();
  const endBytes = process.memoryUsage().heapUsed;

  await server.close();
  process.off('unhandledRejection', onUnhandled);

  const faults: Record<string, number> = {};
  for (let index = warmup; index < warmup + requests; index++) {
    const kind = faultKinds[plan[index] ?? 0] ?? 'ok';
    faults[kind] = (faults[kind] ?? 0) + 1;
  }
  return {
    provider,
    seed,
    requests,
    warmup,
    concurrency,
    durationMs,
    faults,
    httpRequests: { ...server.counters },
    outcomes: Object.fromEntries([...outcomes].sort()),
    foreignErrors: foreign,
    leaks,
    logLines,
    errorsChecked,
    unhandledRejections: unhandled,
    heap: { startBytes, endBytes, growth: (endBytes - startBytes) / startBytes },
  };
}
