import { type RunningHelloClaimsAuthorizationServer, startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { type RunningRedis, startRedisServer } from '@coverlink/mocks';
import { createClient } from '@redis/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthErrorCode, ReauthorizationRequiredError } from './auth-errors.js';
import type { AuthorizationCodeClient } from './authorization-code.js';
import { MemoryTokenStore } from './memory-token-store.js';
import { MemoryRateLimiter } from './rate-limiter.js';
import { RedisTokenStore } from './redis/index.js';
import { type RefreshExpiringGrantsSettings, refreshExpiringGrants } from './refresh-expiring-grants.js';
import {
  jobClient as client,
  connectUser,
  grantKey as keyOf,
  testLifetimeSeconds as lifetimeSeconds,
  oauthClientOf,
  redirectUri,
} from './refresh-expiring-grants.test-support.js';
import type { StoredGrant, TokenStore } from './token-store.js';
import { createUserTokenProvider } from './user-token-provider.js';

// The clock is shared by the mock, the client and the job, so the tests move time instead of waiting.

let clock: number;
let server: RunningHelloClaimsAuthorizationServer;
let oauthClient: AuthorizationCodeClient;
let redis: RunningRedis;
let redisClient: Awaited<ReturnType<typeof connectRedis>>;
const connectRedis = (url: string) => createClient({ url, disableOfflineQueue: true }).connect();

beforeAll(async () => {
  redis = await startRedisServer();
  redisClient = await connectRedis(redis.url);
}, 120_000);
afterAll(async () => {
  redisClient.destroy();
  await redis.stop();
});

beforeEach(async () => {
  clock = Date.parse('2026-06-25T10:00:00Z');
  server = await startHelloClaimsAuthorizationServer({
    port: 0,
    now: () => clock,
    accessTokenLifetimeSeconds: 60,
    refreshTokenLifetimeSeconds: lifetimeSeconds,
  });
  oauthClient = oauthClientOf(server, { now: () => clock });
});
afterEach(() => server.stop());

const connect = (store: TokenStore, subject: string) => connectUser(oauthClient, store, keyOf(subject), clock + lifetimeSeconds * 1000);

function job(store: TokenStore, overrides: Partial<RefreshExpiringGrantsSettings> = {}) {
  return refreshExpiringGrants({
    oauthClient,
    store,
    client,
    redirectUri,
    refreshTokenLifetimeSeconds: lifetimeSeconds,
    refreshWithinSeconds: 300,
    rateLimiter: new MemoryRateLimiter({ requests: 1_000, intervalMs: 1_000 }),
    now: () => clock,
    ...overrides,
  });
}

async function storedGrant(store: TokenStore, subject: string): Promise<StoredGrant> {
  const stored = await store.get(keyOf(subject));
  if (stored === undefined) throw new Error(`no grant for ${subject}`);
  return stored.grant;
}

let prefixCount = 0;
describe.each([
  ['MemoryTokenStore', (): TokenStore => new MemoryTokenStore()],
  ['RedisTokenStore', (): TokenStore => new RedisTokenStore(redisClient, { keyPrefix: `job-test-${++prefixCount}:` })],
])('refreshExpiringGrants on a %s', (_name, createStore) => {
  let store: TokenStore;
  beforeEach(() => {
    store = createStore();
  });

  it('refreshes a grant near its refresh-token expiry and leaves one that is not due untouched', async () => {
    await connect(store, 'near-expiry');
    clock += 400_000;
    await connect(store, 'fresh');
    const near = await storedGrant(store, 'near-expiry');
    const fresh = await store.get(keyOf('fresh'));

    const result = await job(store);

    expect(result).toEqual({ due: 1, refreshed: 1, skipped: 0, reauthorizationRequired: 0, failed: 0 });
    const refreshed = await storedGrant(store, 'near-expiry');
    expect(server.refreshTokenState(near.refreshToken ?? '')).toBe('rotated');
    expect(server.refreshTokenState(refreshed.refreshToken ?? '')).toBe('active');
    expect(refreshed.refreshTokenExpiresAt).toBe(clock + lifetimeSeconds * 1000);
    expect(await store.get(keyOf('fresh'))).toEqual(fresh);
    expect(server.refreshTokenState(fresh?.grant.refreshToken ?? '')).toBe('active');
    expect(server.stats().refreshTokensIssued).toBe(3);
  });

  it('keeps an idle user connected across many refresh-token lifetimes, where an idle grant without the job dies', async () => {
    const unattended = new MemoryTokenStore();
    await connect(store, 'idle');
    await connect(unattended, 'idle');
    for (let run = 0; run < 12; run++) {
      clock += 250_000;
      await job(store);
    }
    // 50 minutes later: five lifetimes of 10 minutes.
    const kept = createUserTokenProvider({ oauthClient, store, key: keyOf('idle'), redirectUri, now: () => clock });
    const lost = createUserTokenProvider({ oauthClient, store: unattended, key: keyOf('idle'), redirectUri, now: () => clock });
    expect(server.isAccessTokenValid(await kept.getToken())).toBe(true);
    await expect(lost.getToken()).rejects.toBeInstanceOf(ReauthorizationRequiredError);
    expect(server.stats().invalidGrant.refresh_token_expired).toBe(1);
  });

  it('counts a grant the provider refuses, marks it dead and drops it from the index', async () => {
    await connect(store, 'revoked');
    const before = await storedGrant(store, 'revoked');
    await job(store, { refreshWithinSeconds: lifetimeSeconds });
    // The refresh token already exchanged comes back (a restored backup, say): the mock refuses it.
    await store.set(keyOf('revoked'), before);

    const result = await job(store, { refreshWithinSeconds: lifetimeSeconds });

    expect(result).toMatchObject({ due: 1, refreshed: 0, reauthorizationRequired: 1 });
    expect((await storedGrant(store, 'revoked')).status).toBe('dead');
    expect(await store.grantsExpiringBefore?.(client, Number.MAX_SAFE_INTEGER, { limit: 10 })).toEqual([]);
  });

  it('indexes grants by refresh-token expiry, pages through them in order, and forgets deleted, dead and other clients’ grants', async () => {
    const grant = (expiresAt: number | undefined, status: StoredGrant['status'] = 'active'): StoredGrant => ({
      accessToken: 'access',
      accessTokenExpiresAt: undefined,
      refreshToken: 'refresh',
      refreshTokenExpiresAt: expiresAt,
      scope: undefined,
      status,
    });
    // Two share one expiry, across a page boundary.
    for (const [subject, at] of [
      ['c', 3_000],
      ['a', 1_000],
      ['b2', 2_000],
      ['b1', 2_000],
      ['e', 9_000],
    ] as const) {
      await store.set(keyOf(subject), grant(at));
    }
    await store.set({ provider: 'helloclaims', clientId: 'another-client', subject: 'x' }, grant(500));
    await store.set(keyOf('dead'), grant(1_500, 'dead'));
    await store.set(keyOf('unknown-lifetime'), grant(undefined));
    await store.set(keyOf('gone'), grant(1_200));
    await store.delete(keyOf('gone'));
    await store.set(keyOf('moved'), grant(100));
    await store.set(keyOf('moved'), grant(8_000));

    const read = store.grantsExpiringBefore?.bind(store);
    const first = (await read?.(client, 3_000, { limit: 2 })) ?? [];
    const second = (await read?.(client, 3_000, { limit: 2, after: first[1] })) ?? [];
    const third = (await read?.(client, 3_000, { limit: 2, after: second[1] })) ?? [];

    expect([...first, ...second, ...third].map((entry) => [entry.key.subject, entry.refreshTokenExpiresAt])).toEqual([
      ['a', 1_000],
      ['b1', 2_000],
      ['b2', 2_000],
      ['c', 3_000],
    ]);
    expect(third).toEqual([]);
  });
});

describe('refreshExpiringGrants configuration', () => {
  it('refuses a store that keeps no refresh-expiry index, before reading anything', async () => {
    const memory = new MemoryTokenStore();
    const withoutIndex: TokenStore = {
      get: (key) => memory.get(key),
      set: (key, grant) => memory.set(key, grant),
      compareAndSet: (key, version, grant) => memory.compareAndSet(key, version, grant),
      delete: (key) => memory.delete(key),
      lock: (key, options) => memory.lock(key, options),
    };
    await expect(job(withoutIndex)).rejects.toMatchObject({
      code: AuthErrorCode.invalidConfiguration,
      hint: expect.stringMatching(/grantsExpiringBefore/),
    });
  });
});
