import { type RunningRedis, startRedisServer } from '@coverlink/mocks';
import {
  type DemoAuthorizationServer,
  demoClientEnvironment,
  demoClientSettings,
  demoGrantKey,
  invalidGrantCount,
  logInDemoUser,
  sleep,
  startDemoAuthorizationServer,
} from '@coverlink/test-kit';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizationCodeClient } from '../authorization-code.js';
import { storeGrant } from '../user-token-provider.js';
import { type RaceWorker, startRaceWorker } from './race-worker-process.test-support.js';
import { RedisTokenStore } from './redis-token-store.js';

// Short lifetimes so several expiry windows pass during a run of a few seconds.
const accessTokenSeconds = 2;
const skewSeconds = 0.5;
const usableMs = (accessTokenSeconds - skewSeconds) * 1000;

let redis: RunningRedis;
let server: DemoAuthorizationServer;

beforeAll(async () => {
  redis = await startRedisServer();
  server = await startDemoAuthorizationServer({ accessTokenLifetimeSeconds: accessTokenSeconds });
}, 120_000);

afterAll(async () => {
  await server.stop();
  await redis.stop();
});

/** Logs the demo user in on the mock and stores the grant in Redis under `subject`; returns the first access token. */
async function connect(subject: string): Promise<string> {
  const tokens = await logInDemoUser(createAuthorizationCodeClient(demoClientSettings(server)));
  const client = await createClient({ url: redis.url }).connect();
  await storeGrant({ store: new RedisTokenStore(client), key: demoGrantKey(subject), tokens });
  client.destroy();
  return tokens.accessToken;
}

function startWorker(environment: Record<string, string>): RaceWorker {
  return startRaceWorker({
    REDIS_URL: redis.url,
    ...demoClientEnvironment(server),
    SKEW_SECONDS: String(skewSeconds),
    ...environment,
  });
}

describe('refresh-token rotation across processes sharing Redis', () => {
  it('4 processes × 50 callers: one refresh per expiry window, no invalid_grant, no re-login', async () => {
    const firstToken = await connect('race-user');
    const refreshesBefore = server.stats().refreshesPerformed;
    // Worker start-up (Node + tsx) takes seconds on a busy machine: all start calling together once ready.
    const workers = Array.from({ length: 4 }, () => startWorker({ SUBJECT: 'race-user', START: 'on-go', RUN_MS: '7000' }));
    await Promise.all(workers.map((worker) => worker.printed('ready')));
    const startedAt = Date.now();
    for (const worker of workers) worker.child.stdin?.end('go\n');
    const results = await Promise.all(workers.map((worker) => worker.report));
    const endedAt = Date.now();

    for (const result of results) {
      expect(result.code, result.output).toBe(0);
      expect(result.report?.errors).toEqual([]);
      expect(result.report?.calls).toBeGreaterThan(100);
    }
    expect(invalidGrantCount(server)).toBe(0);

    const tokens = new Set(results.flatMap((result) => result.report?.tokens ?? []));
    tokens.add(firstToken);
    const refreshes = server.stats().refreshesPerformed - refreshesBefore;
    // Every refresh produced exactly one token that every process then used: no duplicate refreshes.
    expect(refreshes).toBe(tokens.size - 1);
    // And there was one refresh per expiry window, not more: the run spans at most this many windows.
    const windows = Math.ceil((endedAt - startedAt) / usableMs);
    expect(refreshes).toBeGreaterThanOrEqual(2);
    expect(refreshes).toBeLessThanOrEqual(windows);
  }, 60_000);

  it('a process killed while holding the refresh lock: the others wait for the lock to expire, then carry on', async () => {
    await connect('killed-holder');
    // Let the access token expire, so every caller needs the lock.
    await sleep(accessTokenSeconds * 1000);
    const holder = startWorker({ SUBJECT: 'killed-holder', MODE: 'hold-lock', LOCK_TTL_MS: '2000', DEADLINE: '0' });
    await holder.printed('locked');
    holder.child.kill('SIGKILL');
    await holder.report;

    const refreshesBefore = server.stats().refreshesPerformed;
    const workers = Array.from({ length: 3 }, () => startWorker({ SUBJECT: 'killed-holder', START: 'on-go', RUN_MS: '6000' }));
    await Promise.all(workers.map((worker) => worker.printed('ready')));
    for (const worker of workers) worker.child.stdin?.end('go\n');
    const results = await Promise.all(workers.map((worker) => worker.report));
    for (const result of results) {
      expect(result.code, result.output).toBe(0);
      expect(result.report?.errors).toEqual([]);
    }
    expect(invalidGrantCount(server)).toBe(0);
    expect(server.stats().refreshesPerformed - refreshesBefore).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
