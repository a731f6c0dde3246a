// The refresh-expiry index and the job on a real 3-master Redis Cluster: the index key lives in its
// own hash slot, apart from the grants' slots, and every command touches one key.
import { type RunningHelloClaimsAuthorizationServer, startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { type RunningRedisCluster, startRedisCluster } from '@coverlink/mocks';
import { createCluster } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../rate-limiter.js';
import { refreshExpiringGrants } from '../refresh-expiring-grants.js';
import {
  connectUser,
  grantKey,
  jobClient,
  oauthClientOf,
  redirectUri,
  testLifetimeSeconds,
} from '../refresh-expiring-grants.test-support.js';
import { RedisRateLimiter, RedisTokenStore } from './index.js';

let cluster: RunningRedisCluster;
let server: RunningHelloClaimsAuthorizationServer;
const connectCluster = () => createCluster({ rootNodes: cluster.rootNodes, defaults: { disableOfflineQueue: true } }).connect();
let clusterClient: Awaited<ReturnType<typeof connectCluster>>;

beforeAll(async () => {
  cluster = await startRedisCluster();
  clusterClient = await connectCluster();
  server = await startHelloClaimsAuthorizationServer({ port: 0, refreshTokenLifetimeSeconds: testLifetimeSeconds });
}, 120_000);
afterAll(async () => {
  clusterClient?.destroy();
  await cluster?.stop();
  await server?.stop();
});

describe('refreshExpiringGrants on a Redis Cluster', () => {
  it('indexes grants spread over the masters and refreshes the due ones, with a cluster-wide rate limiter', async () => {
    const store = new RedisTokenStore(clusterClient, { keyPrefix: 'cluster-job:' });
    const oauthClient = oauthClientOf(server);
    const now = Date.now();
    for (let index = 0; index < 6; index++) {
      await connectUser(oauthClient, store, grantKey(`user-${index}`), index < 4 ? now + 60_000 : now + 3_600_000);
    }
    const before = (await store.get(grantKey('user-0')))?.grant.refreshToken ?? '';

    const result = await refreshExpiringGrants({
      oauthClient,
      store,
      client: jobClient,
      redirectUri,
      refreshTokenLifetimeSeconds: testLifetimeSeconds,
      refreshWithinSeconds: 300,
      rateLimiter: new RedisRateLimiter(clusterClient, { name: 'cluster-job', limit: { requests: 1_000, intervalMs: 1_000 } }),
    });

    expect(result).toEqual({ due: 4, refreshed: 4, skipped: 0, reauthorizationRequired: 0, failed: 0 });
    expect(server.refreshTokenState(before)).toBe('rotated');
    const left = await store.grantsExpiringBefore(jobClient, now + 300_000, { limit: 10 });
    expect(left).toEqual([]);
    // A second run finds nothing due.
    const again = await refreshExpiringGrants({
      oauthClient,
      store,
      client: jobClient,
      redirectUri,
      refreshTokenLifetimeSeconds: testLifetimeSeconds,
      refreshWithinSeconds: 300,
      rateLimiter: new MemoryRateLimiter({ requests: 1_000, intervalMs: 1_000 }),
    });
    expect(again.due).toBe(0);
  }, 60_000);
});
