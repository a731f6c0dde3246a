import { demoClient, type RunningHelloClaimsAuthorizationServer, startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { type RunningRedis, startRedisServer } from '@coverlink/mocks';
import { createClient } from '@redis/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizationCodeClient } from '../authorization-code.js';
import { MemoryRateLimiter } from '../rate-limiter.js';
import { refreshExpiringGrants } from '../refresh-expiring-grants.js';
import {
  jobClient as client,
  connectUser,
  oauthClientOf as demoOAuthClient,
  grantKey as keyOf,
  testLifetimeSeconds as lifetimeSeconds,
  redirectUri,
} from '../refresh-expiring-grants.test-support.js';
import type { StoredGrant, TokenStore } from '../token-store.js';
import { RedisRateLimiter, RedisTokenStore } from './index.js';

const connectRedis = (url: string) => createClient({ url, disableOfflineQueue: true }).connect();

let redis: RunningRedis;
let redisClient: Awaited<ReturnType<typeof connectRedis>>;
let server: RunningHelloClaimsAuthorizationServer;
let tokenRequestTimes: number[];
let prefixCount = 0;

beforeAll(async () => {
  redis = await startRedisServer();
  redisClient = await connectRedis(redis.url);
}, 120_000);
afterAll(async () => {
  redisClient.destroy();
  await redis.stop();
});
beforeEach(async () => {
  server = await startHelloClaimsAuthorizationServer({ port: 0, refreshTokenLifetimeSeconds: lifetimeSeconds });
  tokenRequestTimes = [];
});
afterEach(() => server.stop());

/** An OAuth client of the mock whose fetch notes when each token request left. */
function oauthClientOf(): AuthorizationCodeClient {
  return demoOAuthClient(server, {
    fetch: (input, init) => {
      tokenRequestTimes.push(Date.now());
      return fetch(input, init);
    },
  });
}

/** Connects `count` users through the mock's login page, their grants due at `dueAt`. */
async function connectDueUsers(store: TokenStore, count: number, dueAt: number, clientId: string = client.clientId): Promise<void> {
  const oauthClient = oauthClientOf();
  for (let index = 0; index < count; index++) await connectUser(oauthClient, store, keyOf(`due-${index}`, clientId), dueAt);
  tokenRequestTimes = [];
}

/** Grants far from expiry, written straight into the store: the data held that a run must not touch. */
async function storeIdleGrants(store: TokenStore, from: number, count: number): Promise<void> {
  const grant: StoredGrant = {
    accessToken: 'idle-access',
    accessTokenExpiresAt: undefined,
    refreshToken: 'idle-refresh',
    refreshTokenExpiresAt: Date.now() + 86_400_000,
    scope: undefined,
    status: 'active',
  };
  await Promise.all(Array.from({ length: count }, (_, index) => store.set(keyOf(`idle-${from + index}`), grant)));
}

/** Every command Redis ran (scripts' inner calls included), from INFO commandstats; the INFO calls themselves left out. */
async function commandsRun(): Promise<number> {
  const info = await redisClient.info('commandstats');
  let total = 0;
  for (const [, command, calls] of info.matchAll(/^cmdstat_([a-z|]+):calls=(\d+)/gm)) {
    if (command !== 'info') total += Number(calls);
  }
  return total;
}

describe('refreshExpiringGrants on Redis: cost and fleet-wide rate limit', () => {
  it('costs Redis commands in proportion to the grants due, not to the grants stored', async () => {
    const store = new RedisTokenStore(redisClient, { keyPrefix: `cost-${++prefixCount}:` });
    const run = () =>
      refreshExpiringGrants({
        oauthClient: oauthClientOf(),
        store,
        client,
        redirectUri,
        refreshTokenLifetimeSeconds: lifetimeSeconds,
        refreshWithinSeconds: 300,
        rateLimiter: new MemoryRateLimiter({ requests: 1_000, intervalMs: 1_000 }),
      });

    await storeIdleGrants(store, 0, 100);
    await connectDueUsers(store, 3, Date.now() + 60_000);
    let before = await commandsRun();
    const small = await run();
    const smallCost = (await commandsRun()) - before;

    await storeIdleGrants(store, 100, 2_000);
    await connectDueUsers(store, 3, Date.now() + 60_000);
    before = await commandsRun();
    const large = await run();
    const largeCost = (await commandsRun()) - before;

    expect(small).toMatchObject({ due: 3, refreshed: 3 });
    expect(large).toMatchObject({ due: 3, refreshed: 3 });
    // 2 100 grants held instead of 103, the same work due: the same cost, a few commands per grant.
    expect(largeCost).toBe(smallCost);
    expect(smallCost).toBeLessThanOrEqual(3 * 20 + 2);
  });

  it('four job runners on separate Redis clients share one limit: never more than 3 token requests a second together', async () => {
    const prefix = `fleet-${++prefixCount}:`;
    const clients = await Promise.all(Array.from({ length: 4 }, () => connectRedis(redis.url)));
    try {
      const stores = clients.map((each) => new RedisTokenStore(each, { keyPrefix: prefix }));
      // Each runner has grants of its own (the grants of four services sharing the provider's
      // limit), so no grant lock makes them take turns: only the shared limiter holds them back.
      const runnerClient = (index: number) => `${demoClient.clientId}-runner-${index}`;
      for (let index = 0; index < 4; index++) {
        await connectDueUsers(stores[0] as TokenStore, 3, Date.now() + 60_000, runnerClient(index));
      }
      tokenRequestTimes = [];
      const limit = { requests: 3, intervalMs: 1_000 };

      const results = await Promise.all(
        stores.map((store, index) =>
          refreshExpiringGrants({
            oauthClient: oauthClientOf(),
            store,
            client: { provider: client.provider, clientId: runnerClient(index) },
            redirectUri,
            refreshTokenLifetimeSeconds: lifetimeSeconds,
            refreshWithinSeconds: 300,
            rateLimiter: new RedisRateLimiter(clients[index] as (typeof clients)[number], {
              name: `helloclaims|${demoClient.clientId}|token`,
              limit,
              keyPrefix: prefix,
            }),
          }),
        ),
      );

      expect(results.map((result) => result.refreshed)).toEqual([3, 3, 3, 3]);
      expect(results.reduce((sum, result) => sum + result.failed + result.reauthorizationRequired, 0)).toBe(0);
      expect(server.stats().invalidGrant.refresh_token_reused).toBe(0);
      expect(tokenRequestTimes).toHaveLength(12);
      // Any 4 consecutive requests span at least a second (less 100 ms for the event loop's jitter
      // between a slot and the request leaving): at most 3 in any second.
      const times = [...tokenRequestTimes].sort((a, b) => a - b);
      for (let index = 0; index + limit.requests < times.length; index++) {
        expect((times[index + limit.requests] ?? 0) - (times[index] ?? 0)).toBeGreaterThanOrEqual(limit.intervalMs - 100);
      }
    } finally {
      for (const each of clients) each.destroy();
    }
  }, 60_000);
});
