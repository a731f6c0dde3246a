import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  demoClient,
  logInAt,
  type RunningHelloClaimsAuthorizationServer,
  startHelloClaimsAuthorizationServer,
} from '@coverlink/mock-helloclaims';
import { type RunningRedis, startRedisServer } from '@coverlink/mocks';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizationCodeClient } from '../authorization-code.js';
import { storeGrant } from '../user-token-provider.js';
import { RedisTokenStore } from './redis-token-store.js';

// Short lifetimes so several expiry windows pass during a run of a few seconds.
const accessTokenSeconds = 2;
const skewSeconds = 0.5;
const usableMs = (accessTokenSeconds - skewSeconds) * 1000;
const redirectUri = demoClient.redirectUris[0] ?? '';
const workerPath = fileURLToPath(new URL('./rotation-race-worker.test-support.ts', import.meta.url));

let redis: RunningRedis;
let server: RunningHelloClaimsAuthorizationServer;

interface WorkerReport {
  calls: number;
  tokens: string[];
  errors: Array<{ code: unknown; message: string }>;
}

beforeAll(async () => {
  redis = await startRedisServer();
  server = await startHelloClaimsAuthorizationServer({ port: 0, accessTokenLifetimeSeconds: accessTokenSeconds });
}, 120_000);

afterAll(async () => {
  await server.stop();
  await redis.stop();
});

/** Logs the demo user in on the mock and stores the grant in Redis under `subject`; returns the first access token. */
async function connect(subject: string): Promise<string> {
  const oauthClient = createAuthorizationCodeClient({
    authorizationUrl: server.authorizeUrl,
    tokenUrl: server.tokenUrl,
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret,
  });
  const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
  const tokens = await oauthClient.completeAuthorization(await logInAt(authorizationUrl), pending);
  const client = await createClient({ url: redis.url }).connect();
  await storeGrant({
    store: new RedisTokenStore(client),
    key: { provider: 'helloclaims', clientId: demoClient.clientId, subject },
    tokens,
  });
  client.destroy();
  return tokens.accessToken;
}

function startWorker(environment: Record<string, string>): {
  child: ChildProcess;
  report: Promise<{ code: number | null; report?: WorkerReport; output: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@coverlink/source', workerPath], {
    env: {
      ...process.env,
      REDIS_URL: redis.url,
      AUTHORIZE_URL: server.authorizeUrl,
      TOKEN_URL: server.tokenUrl,
      CLIENT_ID: demoClient.clientId,
      CLIENT_SECRET: demoClient.clientSecret,
      REDIRECT_URI: redirectUri,
      SKEW_SECONDS: String(skewSeconds),
      CALLERS: '50',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const report = new Promise<{ code: number | null; report?: WorkerReport; output: string }>((resolve) => {
    child.on('close', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      resolve({ code, output, report: line.startsWith('{') ? (JSON.parse(line) as WorkerReport) : undefined });
    });
  });
  return { child, report };
}

const invalidGrants = () => Object.values(server.stats().invalidGrant).reduce((sum, count) => sum + count, 0);

describe('refresh-token rotation across processes sharing Redis', () => {
  it('4 processes × 50 callers: one refresh per expiry window, no invalid_grant, no re-login', async () => {
    const firstToken = await connect('race-user');
    const refreshesBefore = server.stats().refreshesPerformed;
    const startedAt = Date.now();
    // Worker start-up (Node + tsx) takes a second or two; each runs until the same deadline.
    const deadline = startedAt + 9_000;
    const workers = Array.from({ length: 4 }, () => startWorker({ SUBJECT: 'race-user', DEADLINE: String(deadline) }));
    const results = await Promise.all(workers.map((worker) => worker.report));

    for (const result of results) {
      expect(result.code, result.output).toBe(0);
      expect(result.report?.errors).toEqual([]);
      expect(result.report?.calls).toBeGreaterThan(100);
    }
    expect(invalidGrants()).toBe(0);

    const tokens = new Set(results.flatMap((result) => result.report?.tokens ?? []));
    tokens.add(firstToken);
    const refreshes = server.stats().refreshesPerformed - refreshesBefore;
    // Every refresh produced exactly one token that every process then used: no duplicate refreshes.
    expect(refreshes).toBe(tokens.size - 1);
    // And there was one refresh per expiry window, not more: the run spans at most this many windows.
    const windows = Math.ceil((deadline - startedAt) / usableMs);
    expect(refreshes).toBeGreaterThanOrEqual(2);
    expect(refreshes).toBeLessThanOrEqual(windows);
  }, 60_000);

  it('a process killed while holding the refresh lock: the others wait for the lock to expire, then carry on', async () => {
    await connect('killed-holder');
    // Let the access token expire, so every caller needs the lock.
    await new Promise((resolve) => setTimeout(resolve, accessTokenSeconds * 1000));
    const holder = startWorker({ SUBJECT: 'killed-holder', MODE: 'hold-lock', LOCK_TTL_MS: '2000', DEADLINE: '0' });
    await new Promise<void>((resolve, reject) => {
      holder.child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString('utf8').includes('locked')) resolve();
      });
      void holder.report.then((result) => reject(new Error(`The lock holder exited before locking:\n${result.output}`)));
    });
    holder.child.kill('SIGKILL');
    await holder.report;

    const refreshesBefore = server.stats().refreshesPerformed;
    const deadline = Date.now() + 6_000;
    const results = await Promise.all(
      Array.from({ length: 3 }, () => startWorker({ SUBJECT: 'killed-holder', DEADLINE: String(deadline) }).report),
    );
    for (const result of results) {
      expect(result.code, result.output).toBe(0);
      expect(result.report?.errors).toEqual([]);
    }
    expect(invalidGrants()).toBe(0);
    expect(server.stats().refreshesPerformed - refreshesBefore).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
