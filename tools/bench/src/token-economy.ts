// 2. Token economy: token requests of a cold client under 1,000 concurrent calls (vs. a naive client
// fetching a token per request), and refreshes per access-token expiry window across 4 processes
// sharing Redis (vs. 4 processes each with its own MemoryTokenStore), counted by the Hello Claims mock.
import { fileURLToPath } from 'node:url';
import { createAuthorizationCodeClient, storeGrant } from '@coverlink/auth';
import { RedisTokenStore } from '@coverlink/auth/redis';
import { startRedisServer } from '@coverlink/mocks';
import { createOsiguClient } from '@coverlink/osigu';
import {
  demoClientEnvironment,
  demoClientSettings,
  demoGrantKey,
  invalidGrantCount,
  logInDemoUser,
  startDemoAuthorizationServer,
} from '@coverlink/test-kit/standalone';
import { createClient } from '@redis/client';
import { progress, runWorker } from './child.js';

export interface ColdClientResult {
  calls: number;
  coverlinkTokenRequests: number;
  naiveTokenRequests: number;
  targetMet: boolean;
}

export interface SharedRefreshRun {
  store: 'redis' | 'memory';
  processes: number;
  callsPerProcess: number;
  completedCalls: number;
  errors: string[];
  refreshes: number;
  invalidGrants: number;
  windows: number;
  refreshesPerWindow: number;
}

export interface TokenEconomyResult {
  cold: ColdClientResult;
  shared?: {
    accessTokenSeconds: number;
    expirySkewSeconds: number;
    durationSeconds: number;
    redis: SharedRefreshRun;
    memory: SharedRefreshRun;
    targetMet: boolean;
  };
  sharedSkipped?: string;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

async function serverStats(baseUrl: string): Promise<{ tokenRequests: number; apiRequests: number }> {
  return (await (await fetch(`${baseUrl}/__stats`)).json()) as { tokenRequests: number; apiRequests: number };
}

async function resetStats(baseUrl: string): Promise<void> {
  await (await fetch(`${baseUrl}/__reset`, { method: 'POST' })).text();
}

export async function measureColdClient(baseUrl: string, calls = 1_000): Promise<ColdClientResult> {
  progress(`token economy: ${calls} concurrent calls on a cold Coverlink client`);
  await resetStats(baseUrl);
  const osigu = createOsiguClient({ clientId: 'bench-cold', clientSecret: 'bench-secret', baseUrl });
  const results = await Promise.all(
    Array.from({ length: calls }, () => osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: 'cold' } } })),
  );
  const failed = results.filter((result) => result.error !== undefined).length;
  if (failed > 0) throw new Error(`${failed} cold-client calls failed`);
  const coverlinkTokenRequests = (await serverStats(baseUrl)).tokenRequests;

  progress(`token economy: ${calls} concurrent calls on a naive client (one token request per call)`);
  await resetStats(baseUrl);
  await Promise.all(
    Array.from({ length: calls }, async () => {
      const tokenResponse = await fetch(`${baseUrl}/v1/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${btoa('naive:secret')}` },
        body: 'grant_type=client_credentials',
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const response = await fetch(`${baseUrl}/v1/sponsors/naive/forms`, { headers: { authorization: `Bearer ${token}` } });
      await response.json();
    }),
  );
  const naiveTokenRequests = (await serverStats(baseUrl)).tokenRequests;
  return { calls, coverlinkTokenRequests, naiveTokenRequests, targetMet: coverlinkTokenRequests === 1 };
}

export async function measureSharedRefresh(
  settings = { processes: 4, callsPerProcess: 250, durationMs: 8_000, accessTokenSeconds: 2, skewSeconds: 0.5 },
): Promise<NonNullable<TokenEconomyResult['shared']>> {
  progress('token economy: starting redis-server and the Hello Claims mock');
  const redis = await startRedisServer();
  const server = await startDemoAuthorizationServer({ accessTokenLifetimeSeconds: settings.accessTokenSeconds });
  const workerPath = fileURLToPath(new URL('./token-worker.ts', import.meta.url));
  // A token is replaced `skew` seconds before expiry, so each expiry window is lifetime − skew long.
  const usableMs = (settings.accessTokenSeconds - settings.skewSeconds) * 1000;

  const runOnce = async (store: 'redis' | 'memory'): Promise<SharedRefreshRun> => {
    const subject = `bench-${store}`;
    if (store === 'redis') {
      const tokens = await logInDemoUser(createAuthorizationCodeClient(demoClientSettings(server)));
      const client = await createClient({ url: redis.url }).connect();
      await storeGrant({ store: new RedisTokenStore(client), key: demoGrantKey(subject), tokens });
      client.destroy();
    }
    const refreshesBefore = server.stats().refreshesPerformed;
    const invalidBefore = invalidGrantCount(server);
    // Process start-up (Node + tsx, and the login in memory mode) takes a few seconds; all start together.
    const start = Date.now() + 5_000;
    progress(
      `token economy: ${settings.processes} processes × ${settings.callsPerProcess} calls over ${settings.durationMs / 1000} s (${store})`,
    );
    const results = await Promise.all(
      Array.from({ length: settings.processes }, () =>
        runWorker<{ calls: number; tokens: number; errors: string[] }>(workerPath, {
          STORE: store,
          REDIS_URL: redis.url,
          ...demoClientEnvironment(server),
          SUBJECT: subject,
          SKEW_SECONDS: String(settings.skewSeconds),
          START: String(start),
          DURATION_MS: String(settings.durationMs),
          CALLS: String(settings.callsPerProcess),
        }),
      ),
    );
    const errors: string[] = [];
    let completedCalls = 0;
    for (const result of results) {
      if (result.report === undefined) errors.push(`worker exited ${result.code}: ${result.output.slice(-500)}`);
      else {
        completedCalls += result.report.calls;
        errors.push(...result.report.errors.slice(0, 5));
      }
    }
    const refreshes = server.stats().refreshesPerformed - refreshesBefore;
    // The expiry windows the run touches (a run of 8 s with 1.5 s windows touches 6).
    const windows = Math.ceil(settings.durationMs / usableMs);
    return {
      store,
      processes: settings.processes,
      callsPerProcess: settings.callsPerProcess,
      completedCalls,
      errors,
      refreshes,
      invalidGrants: invalidGrantCount(server) - invalidBefore,
      windows: round(windows),
      refreshesPerWindow: round(refreshes / windows),
    };
  };

  try {
    const redisRun = await runOnce('redis');
    const memoryRun = await runOnce('memory');
    return {
      accessTokenSeconds: settings.accessTokenSeconds,
      expirySkewSeconds: settings.skewSeconds,
      durationSeconds: settings.durationMs / 1000,
      redis: redisRun,
      memory: memoryRun,
      targetMet: redisRun.refreshesPerWindow <= 1.05 && redisRun.errors.length === 0 && redisRun.invalidGrants === 0,
    };
  } finally {
    await server.stop();
    await redis.stop();
  }
}
