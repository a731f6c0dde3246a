// The two ways a fleet used to lose a user's grant, on a real Redis and the real Hello Claims mock
// with refresh-token reuse detection on (a reused refresh token revokes the whole family):
// a token endpoint slower than the refresh lock's lease, and a Redis outage as the refresh answer
// arrives. The times are scaled down (a 1 s lease, a 2.5 s answer, a 500 ms outage).
import { type RunningRedis, startRedisServer } from '@coverlink/mocks';
import {
  type DemoAuthorizationServer,
  demoClientEnvironment,
  demoClientSettings,
  demoGrantKey,
  demoRedirectUri,
  invalidGrantCount,
  logInDemoUser,
  sleep,
  startDemoAuthorizationServer,
} from '@coverlink/test-kit';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizationCodeClient } from '../authorization-code.js';
import { createRefreshTokenCipher, type RefreshTokenCipher } from '../refresh-token-cipher.js';
import { createUserTokenProvider, storeGrant } from '../user-token-provider.js';
import { type LoopbackProxy, startLoopbackProxy } from './loopback-proxy.test-support.js';
import { type RaceWorker, startRaceWorker } from './race-worker-process.test-support.js';
import { RedisTokenStore } from './redis-token-store.js';

const cipherKey = crypto.getRandomValues(new Uint8Array(32));
const isRefresh = (request: string) => request.includes('grant_type=refresh_token');

let redis: RunningRedis;
let server: DemoAuthorizationServer;
let cipher: RefreshTokenCipher;
let redisClient: Awaited<ReturnType<typeof connectRedis>>;
const proxies: LoopbackProxy[] = [];

const connectRedis = (url: string) => createClient({ url, disableOfflineQueue: true }).connect();

beforeAll(async () => {
  redis = await startRedisServer();
  redisClient = await connectRedis(redis.url);
  // Access tokens that outlive each test, so the one refresh a test forces is the only one.
  server = await startDemoAuthorizationServer({ accessTokenLifetimeSeconds: 120, revokeOnRefreshTokenReuse: true });
  cipher = await createRefreshTokenCipher([{ id: 'k1', key: cipherKey }]);
}, 120_000);

afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  redisClient.destroy();
  await server.stop();
  await redis.stop();
});

async function proxy(options: Parameters<typeof startLoopbackProxy>[0]): Promise<LoopbackProxy> {
  const started = await startLoopbackProxy(options);
  proxies.push(started);
  return started;
}

/** Logs the demo user in and stores the grant (refresh token encrypted) with its access token already due for a refresh. */
async function connect(subject: string): Promise<void> {
  const tokens = await logInDemoUser(createAuthorizationCodeClient(demoClientSettings(server)));
  await storeGrant({
    store: new RedisTokenStore(redisClient),
    key: demoGrantKey(subject),
    tokens: { ...tokens, expiresAt: Date.now() - 1_000 },
    cipher,
  });
}

function startWorker(environment: Record<string, string>): RaceWorker {
  return startRaceWorker({
    REDIS_URL: redis.url,
    ...demoClientEnvironment(server),
    SKEW_SECONDS: '1',
    CIPHER_KEY: Buffer.from(cipherKey).toString('base64'),
    START: 'on-go',
    ...environment,
  });
}

/** The stored grant, and what the mock thinks of its refresh token once decrypted. */
async function storedGrant(subject: string) {
  const stored = await new RedisTokenStore(redisClient).get(demoGrantKey(subject));
  const refreshToken =
    stored?.grant.refreshToken === undefined ? '' : await cipher.decrypt(stored.grant.refreshToken, demoGrantKey(subject));
  return {
    status: stored?.grant.status,
    accessToken: stored?.grant.accessToken,
    refreshTokenState: server.refreshTokenState(refreshToken),
  };
}

describe('a refresh that cannot lose the grant, on Redis, against a token endpoint that revokes the family on reuse', () => {
  it('a refresh answer held 2.5 s past a 1 s lock lease: 3 processes × 20 callers, one refresh, no invalid_grant, no dead grant', async () => {
    const subject = 'slow-token-endpoint';
    await connect(subject);
    const before = server.stats();
    let refreshRequests = 0;
    const slowEndpoint = await proxy({
      targetPort: server.port,
      beforeAnswer: (request) => {
        if (!isRefresh(request)) return undefined;
        refreshRequests += 1;
        return sleep(2_500);
      },
    });
    const workers = Array.from({ length: 3 }, () =>
      startWorker({
        SUBJECT: subject,
        TOKEN_URL: `${slowEndpoint.url}/login/token`,
        LOCK_TTL_MS: '1000',
        CALLERS: '20',
        RUN_MS: '5000',
      }),
    );
    await Promise.all(workers.map((worker) => worker.printed('ready')));
    for (const worker of workers) worker.child.stdin?.end('go\n');
    const results = await Promise.all(workers.map((worker) => worker.report));

    for (const result of results) {
      expect(result.code, result.output).toBe(0);
      expect(result.report?.errors).toEqual([]);
      expect(result.report?.calls).toBeGreaterThan(20);
    }
    // Everyone waited for the one refresh, whose lease was renewed while its answer was held.
    const tokens = new Set(results.flatMap((result) => result.report?.tokens ?? []));
    expect(tokens.size).toBe(1);
    expect(server.isAccessTokenValid([...tokens][0] ?? '')).toBe(true);
    expect(refreshRequests).toBe(1);
    expect(server.stats().refreshesPerformed - before.refreshesPerformed).toBe(1);
    expect(invalidGrantCount(server)).toBe(0);
    expect(server.stats().familiesRevoked).toBe(0);
    expect(await storedGrant(subject)).toEqual({ status: 'active', accessToken: [...tokens][0], refreshTokenState: 'active' });
  }, 60_000);

  it('Redis cut for 500 ms as the refresh answer arrives: the caller gets its token, Redis ends up with the rotated refresh token, the next process does not refresh with the old one', async () => {
    const subject = 'redis-outage';
    await connect(subject);
    const before = server.stats();
    // This process reaches Redis through the proxy; the other process reaches it directly (a partition).
    const redisPath = await proxy({ targetPort: redis.port });
    let next: RaceWorker | undefined;
    let cuts = 0;
    let cutAt = 0;
    const outageMs = 500;
    const tokenEndpoint = await proxy({
      targetPort: server.port,
      beforeAnswer: (request) => {
        if (!isRefresh(request) || cuts++ > 0) return undefined;
        cutAt = Date.now();
        redisPath.cut(outageMs);
        // The next caller, in another process, wants a token right now.
        next?.child.stdin?.end('go\n');
        // Lets this process's Redis client see its connection drop before the answer is read.
        return sleep(50);
      },
    });
    next = startWorker({
      SUBJECT: subject,
      TOKEN_URL: `${tokenEndpoint.url}/login/token`,
      LOCK_TTL_MS: '3000',
      CALLERS: '10',
      RUN_MS: '3000',
    });
    await next.printed('ready');

    const client = await connectRedis(`redis://127.0.0.1:${redisPath.port}`);
    const errors: unknown[] = [];
    client.on('error', (error: unknown) => errors.push(error));
    const tokens = createUserTokenProvider({
      oauthClient: createAuthorizationCodeClient({
        ...demoClientSettings(server),
        tokenUrl: `${tokenEndpoint.url}/login/token`,
      }),
      store: new RedisTokenStore(client, { commandTimeoutMs: 500 }),
      key: demoGrantKey(subject),
      redirectUri: demoRedirectUri,
      cipher,
      expirySkewSeconds: 1,
      lock: { ttlMs: 3_000 },
    });
    const token = await tokens.getToken();
    const servedAfterCutMs = Date.now() - cutAt;
    // Served at once, not after the outage, and again from memory while Redis is still out of reach.
    expect(cuts).toBe(1);
    expect(servedAfterCutMs).toBeLessThan(outageMs);
    expect(server.isAccessTokenValid(token)).toBe(true);
    expect(await tokens.getToken()).toBe(token);
    expect(errors.length).toBeGreaterThan(0); // the cut did reach this process's Redis client

    const result = await next.report;
    expect(result.code, result.output).toBe(0);
    expect(result.report?.errors).toEqual([]);
    expect(result.report?.tokens).toEqual([token]);
    expect(cuts).toBe(1);
    expect(server.stats().refreshesPerformed - before.refreshesPerformed).toBe(1);
    expect(invalidGrantCount(server)).toBe(0);
    expect(server.stats().familiesRevoked).toBe(0);
    expect(await storedGrant(subject)).toEqual({ status: 'active', accessToken: token, refreshTokenState: 'active' });
    client.destroy();
  }, 60_000);
});
