// RedisTokenStore on a real 3-master Redis Cluster, started from Debian's redis-server on loopback.
import { type RunningRedisCluster, startRedisCluster } from '@coverlink/mocks';
import {
  type DemoAuthorizationServer,
  demoClientSettings,
  demoGrantKey,
  demoRedirectUri,
  describeTokenStoreContract,
  freshKey,
  grant,
  invalidGrantCount,
  logInDemoUser,
  sleep,
  startDemoAuthorizationServer,
} from '@coverlink/test-kit';
import { createClient, createCluster } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizationCodeClient } from '../authorization-code.js';
import { type GrantKey, grantKeyString } from '../token-store.js';
import { createUserTokenProvider, storeGrant } from '../user-token-provider.js';
import { RedisTokenStore } from './index.js';
import { startLoopbackProxy } from './loopback-proxy.test-support.js';

let cluster: RunningRedisCluster;
const connectCluster = () => createCluster({ rootNodes: cluster.rootNodes, defaults: { disableOfflineQueue: true } }).connect();
const connectNode = (url: string) => createClient({ url, disableOfflineQueue: true }).connect();
let clusterClient: Awaited<ReturnType<typeof connectCluster>>;
// One plain client per master, to see which node holds a key: in cluster mode KEYS lists only the node's own keys.
let nodeClients: Array<Awaited<ReturnType<typeof connectNode>>>;
let store: RedisTokenStore;

beforeAll(async () => {
  cluster = await startRedisCluster();
  clusterClient = await connectCluster();
  nodeClients = await Promise.all(cluster.nodes.map((node) => connectNode(node.url)));
  store = new RedisTokenStore(clusterClient);
}, 120_000);

afterAll(async () => {
  clusterClient?.destroy();
  for (const client of nodeClients ?? []) client.destroy();
  await cluster?.stop();
});

const grantKeyOf = (key: GrantKey) => `coverlink:{${grantKeyString(key)}}:grant`;
const lockKeyOf = (key: GrantKey) => `coverlink:{${grantKeyString(key)}}:lock`;

/** The index of the master holding `redisKey`, or -1. */
async function nodeHolding(redisKey: string): Promise<number> {
  const holders: number[] = [];
  for (const [index, client] of nodeClients.entries()) if ((await client.keys(redisKey)).includes(redisKey)) holders.push(index);
  expect(holders.length).toBeLessThanOrEqual(1);
  return holders[0] ?? -1;
}

describe('the test cluster', () => {
  it('has 3 masters that split the 16 384 slots', async () => {
    expect(cluster.nodes).toHaveLength(3);
    for (const client of nodeClients) {
      const info = await client.clusterInfo();
      expect(info).toMatch(/cluster_state:ok/);
      expect(info).toMatch(/cluster_slots_assigned:16384/);
      expect(info).toMatch(/cluster_known_nodes:3/);
    }
  });
});

describeTokenStoreContract('RedisTokenStore on a 3-master Redis Cluster', () => store);

describe('RedisTokenStore on a Redis Cluster: where the keys live', () => {
  it('puts a grant and its lock in one slot on one master, and spreads different grants over all masters', async () => {
    // Fixed subjects: slots are a pure function of the key, so the spread is the same on every run.
    const keys = Array.from({ length: 30 }, (_, index) => ({
      provider: 'acme',
      clientId: 'client',
      subject: `spread-user-${index}`,
    }));
    const locks = [];
    for (const key of keys) {
      await store.set(key, grant(`spread-${key.subject}`));
      locks.push(await store.lock(key, { ttlMs: 10_000, waitMs: 1_000 }));
    }
    const mastersUsed = new Set<number>();
    const slotsUsed = new Set<number>();
    for (const key of keys) {
      const [grantSlot, lockSlot] = [
        await nodeClients[0]?.clusterKeySlot(grantKeyOf(key)),
        await nodeClients[0]?.clusterKeySlot(lockKeyOf(key)),
      ];
      expect(grantSlot).toBe(lockSlot);
      slotsUsed.add(grantSlot ?? -1);
      const master = await nodeHolding(grantKeyOf(key));
      expect(master).toBeGreaterThanOrEqual(0);
      expect(await nodeHolding(lockKeyOf(key))).toBe(master);
      mastersUsed.add(master);
    }
    expect(mastersUsed.size).toBe(3);
    expect(slotsUsed.size).toBeGreaterThan(20);
    for (const lock of locks) await lock.release();
    for (const key of keys) expect(await nodeHolding(lockKeyOf(key))).toBe(-1);
  });

  it('keeps a subject with braces inside its own hash tag', async () => {
    const key = { provider: 'acme', clientId: 'client', subject: 'user}{evil' };
    await store.set(key, grant('braces'));
    expect(grantKeyOf(key)).toBe('coverlink:{acme|client|user%7D%7Bevil}:grant');
    expect(await nodeHolding(grantKeyOf(key))).toBeGreaterThanOrEqual(0);
    expect(await nodeClients[0]?.clusterKeySlot(grantKeyOf(key))).toBe(await nodeClients[0]?.clusterKeySlot(lockKeyOf(key)));
    expect((await store.get(key))?.grant).toEqual(grant('braces'));
  });
});

describe('RedisTokenStore on a Redis Cluster: the refresh lock', () => {
  it('holds the lock on the grant’s master with an owner token and a TTL; a second client waits for the release', async () => {
    const key = freshKey();
    await store.set(key, grant('locked'));
    const otherProcess = await connectCluster();
    try {
      const otherStore = new RedisTokenStore(otherProcess);
      const first = await store.lock(key, { ttlMs: 4_000, waitMs: 100 });
      const master = nodeClients[await nodeHolding(grantKeyOf(key))];
      expect(await master?.get(lockKeyOf(key))).toMatch(/^[0-9a-f-]{36}$/);
      expect(await master?.pTTL(lockKeyOf(key))).toBeGreaterThan(3_000);

      let secondTaken = false;
      const second = otherStore.lock(key, { ttlMs: 4_000, waitMs: 3_000 }).then((lock) => {
        secondTaken = true;
        return lock;
      });
      await sleep(200);
      expect(secondTaken).toBe(false);
      const firstOwner = await master?.get(lockKeyOf(key));
      await first.release();
      const secondLock = await second;
      const secondOwner = await master?.get(lockKeyOf(key));
      expect(secondOwner).toMatch(/^[0-9a-f-]{36}$/);
      expect(secondOwner).not.toBe(firstOwner);
      // A late release by the first holder must not free the second holder's lock.
      await first.release();
      expect(await master?.get(lockKeyOf(key))).toBe(secondOwner);
      await secondLock.release();
      expect(await master?.exists(lockKeyOf(key))).toBe(0);
    } finally {
      otherProcess.destroy();
    }
  });
});

describe('RedisTokenStore on a Redis Cluster: refresh-token rotation', () => {
  let server: DemoAuthorizationServer;
  const accessTokenSeconds = 2;
  const skewSeconds = 0.5;

  beforeAll(async () => {
    // Reuse of a rotated refresh token revokes the whole family: one duplicate refresh would disconnect the user.
    server = await startDemoAuthorizationServer({
      accessTokenLifetimeSeconds: accessTokenSeconds,
      revokeOnRefreshTokenReuse: true,
    });
  });
  afterAll(() => server?.stop());

  const oauthClient = () => createAuthorizationCodeClient(demoClientSettings(server));

  it('2 token providers × 25 callers on separate cluster clients: one refresh per expiry window, no invalid_grant', async () => {
    const key = demoGrantKey('cluster-race-user');
    const connected = await logInDemoUser(oauthClient());
    await storeGrant({ store, key, tokens: connected });

    // Two "processes": each its own cluster connection, store and token provider.
    const processes = await Promise.all([connectCluster(), connectCluster()]);
    const refreshesBefore = server.stats().refreshesPerformed;
    const startedAt = Date.now();
    const deadline = startedAt + 6_000;
    const seen = new Set<string>([connected.accessToken]);
    const errors: unknown[] = [];
    let calls = 0;
    try {
      await Promise.all(
        processes.flatMap((client) => {
          const tokens = createUserTokenProvider({
            oauthClient: oauthClient(),
            store: new RedisTokenStore(client),
            key,
            redirectUri: demoRedirectUri,
            expirySkewSeconds: skewSeconds,
          });
          return Array.from({ length: 25 }, async () => {
            while (Date.now() < deadline) {
              try {
                seen.add(await tokens.getToken());
                calls += 1;
              } catch (error) {
                errors.push(error);
              }
              await sleep(5 + Math.random() * 10);
            }
          });
        }),
      );
    } finally {
      for (const client of processes) client.destroy();
    }

    expect(errors).toEqual([]);
    expect(calls).toBeGreaterThan(500);
    expect(invalidGrantCount(server)).toBe(0);
    const refreshes = server.stats().refreshesPerformed - refreshesBefore;
    // Each refresh produced one token that both providers then used: no duplicate refreshes.
    expect(refreshes).toBe(seen.size - 1);
    expect(refreshes).toBeGreaterThanOrEqual(2);
    expect(refreshes).toBeLessThanOrEqual(Math.ceil((deadline - startedAt) / ((accessTokenSeconds - skewSeconds) * 1000)));

    // The stored grant is live: its refresh token is the one the provider still accepts.
    const stored = await store.get(key);
    expect(stored?.grant.status).toBe('active');
    expect(server.stats().valid.refreshTokens).toBe(1);
    const next = await oauthClient().refresh(stored?.grant.refreshToken ?? '', { redirectUri: demoRedirectUri });
    expect(server.isAccessTokenValid(next.accessToken)).toBe(true);
  }, 60_000);

  it('a refresh answer held 2.5 s past a 1 s lock lease, 2 cluster clients × 10 callers: one refresh, no invalid_grant, no dead grant', async () => {
    // Access tokens that outlive the held answer, so the one forced refresh is the only one.
    const server = await startDemoAuthorizationServer({ accessTokenLifetimeSeconds: 120, revokeOnRefreshTokenReuse: true });
    const key = demoGrantKey('cluster-slow-token-endpoint');
    const connected = await logInDemoUser(createAuthorizationCodeClient(demoClientSettings(server)));
    // Due for a refresh at once, so the one held refresh is what every caller waits on.
    await storeGrant({ store, key, tokens: { ...connected, expiresAt: Date.now() - 1_000 } });
    let refreshRequests = 0;
    const slowEndpoint = await startLoopbackProxy({
      targetPort: server.port,
      beforeAnswer: (request) => {
        if (!request.includes('grant_type=refresh_token')) return undefined;
        refreshRequests += 1;
        return sleep(2_500);
      },
    });
    const before = server.stats();
    const processes = await Promise.all([connectCluster(), connectCluster()]);
    const seen = new Set<string>();
    const errors: unknown[] = [];
    try {
      await Promise.all(
        processes.flatMap((client) => {
          const tokens = createUserTokenProvider({
            oauthClient: createAuthorizationCodeClient({
              ...demoClientSettings(server),
              tokenUrl: `${slowEndpoint.url}/login/token`,
            }),
            store: new RedisTokenStore(client),
            key,
            redirectUri: demoRedirectUri,
            expirySkewSeconds: skewSeconds,
            lock: { ttlMs: 1_000 },
          });
          return Array.from({ length: 10 }, () =>
            tokens.getToken().then(
              (token) => seen.add(token),
              (error: unknown) => errors.push(error),
            ),
          );
        }),
      );
    } finally {
      for (const client of processes) client.destroy();
      await slowEndpoint.stop();
    }
    await server.stop();

    expect(errors).toEqual([]);
    expect(seen.size).toBe(1);
    expect(refreshRequests).toBe(1);
    expect(server.stats().refreshesPerformed - before.refreshesPerformed).toBe(1);
    expect(invalidGrantCount(server)).toBe(0);
    expect(server.stats().familiesRevoked).toBe(before.familiesRevoked);
    const stored = await store.get(key);
    expect(stored?.grant.status).toBe('active');
    expect(stored?.grant.accessToken).toBe([...seen][0]);
    expect(server.refreshTokenState(stored?.grant.refreshToken ?? '')).toBe('active');
  }, 60_000);
});
