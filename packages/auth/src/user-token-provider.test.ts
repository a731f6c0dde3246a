import { inspect } from 'node:util';
import { AbortError } from '@coverlink/core';
import {
  type DemoAuthorizationServer,
  demoClientSettings,
  demoCredentials,
  demoGrantKey,
  demoRedirectUri,
  logInDemoUser,
  rejectionOf,
  sleep,
  startDemoAuthorizationServer,
} from '@coverlink/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, AuthErrorCode, ReauthorizationRequiredError } from './auth-errors.js';
import { type AuthorizationCodeClient, createAuthorizationCodeClient } from './authorization-code.js';
import { MemoryTokenStore } from './memory-token-store.js';
import { createRefreshTokenCipher, type RefreshTokenCipher } from './refresh-token-cipher.js';
import type { GrantKey, LockOptions, TokenStore } from './token-store.js';
import { createUserTokenProvider, storeGrant } from './user-token-provider.js';

const redirectUri = demoRedirectUri;
const key: GrantKey = demoGrantKey('user-42');
let clock: number;
let server: DemoAuthorizationServer;
let oauthClient: AuthorizationCodeClient;
let store: MemoryTokenStore;

beforeEach(async () => {
  clock = Date.parse('2026-06-25T10:00:00Z');
  server = await startDemoAuthorizationServer({ now: () => clock });
  oauthClient = createAuthorizationCodeClient({
    ...demoClientSettings(server),
    now: () => clock,
  });
  store = new MemoryTokenStore();
});
afterEach(() => server.stop());

/** Connects the demo user as a platform would: login on the mock, then store the grant. */
async function connect(cipher?: RefreshTokenCipher) {
  const tokens = await logInDemoUser(oauthClient);
  secretsSeen.add(tokens.accessToken).add(tokens.refreshToken ?? '');
  await storeGrant({ store, key, tokens, cipher });
  return tokens;
}

const provider = (cipher?: RefreshTokenCipher) =>
  createUserTokenProvider({ oauthClient, store, key, redirectUri, cipher, now: () => clock });

const errorsSeen: unknown[] = [];
const secretsSeen = new Set<string>([demoCredentials.clientSecret]);

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await rejectionOf(promise, AuthError);
  errorsSeen.push(error);
  return error;
}

/** `store` behind a switch that makes every operation fail as an unreachable store does, while `down`. */
function storeWithOutage(inner: TokenStore) {
  const state = { down: false };
  // Runs `operation` unless the store is down, as an unreachable store fails every call.
  const reach = async <T>(operation: () => Promise<T>): Promise<T> => {
    if (state.down) throw new AuthError('The token store is unavailable (test outage).', { code: AuthErrorCode.storeUnavailable });
    return operation();
  };
  const outer: TokenStore = {
    get: (grantKey) => reach(() => inner.get(grantKey)),
    set: (grantKey, grant) => reach(() => inner.set(grantKey, grant)),
    compareAndSet: (grantKey, version, grant) => reach(() => inner.compareAndSet(grantKey, version, grant)),
    delete: (grantKey) => reach(() => inner.delete(grantKey)),
    lock: async (grantKey, options) => {
      const lock = await reach(() => inner.lock(grantKey, options));
      return { release: () => reach(() => lock.release()), extend: (ttlMs) => reach(() => lock.extend(ttlMs)) };
    },
  };
  return { store: outer, state };
}

/** The real refresh against the mock, with `afterAnswer` run once the answer is in, before the provider sees it. */
function refreshingWith(afterAnswer: () => unknown): AuthorizationCodeClient {
  return {
    ...oauthClient,
    refresh: async (...args) => {
      const tokens = await oauthClient.refresh(...args);
      await afterAnswer();
      return tokens;
    },
  };
}

const invalidGrants = () => Object.values(server.stats().invalidGrant).reduce((sum, count) => sum + count, 0);

describe('createUserTokenProvider', () => {
  it('hands out the stored access token while it is fresh, without refreshing', async () => {
    const tokens = await connect();
    const user = provider();
    expect(await user.getToken()).toBe(tokens.accessToken);
    clock += 1_739_000; // 30 min less the 60 s skew, less a second
    expect(await user.getToken()).toBe(tokens.accessToken);
    expect(server.stats().refreshesPerformed).toBe(0);
  });

  it('refreshes before expiry, storing the rotated refresh token before handing out the new access token', async () => {
    const tokens = await connect();
    const user = provider();
    clock += 1_740_000;
    const fresh = await user.getToken();

    expect(fresh).not.toBe(tokens.accessToken);
    expect(server.isAccessTokenValid(fresh)).toBe(true);
    const stored = await store.get(key);
    expect(stored?.grant.accessToken).toBe(fresh);
    expect(stored?.grant.refreshToken).not.toBe(tokens.refreshToken);
    expect(stored?.grant.accessTokenExpiresAt).toBe(clock + 1_800_000);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('refreshes a token that lives less than twice the skew at half its lifetime', async () => {
    await server.stop();
    server = await startDemoAuthorizationServer({ now: () => clock, accessTokenLifetimeSeconds: 60 });
    oauthClient = createAuthorizationCodeClient({
      ...demoClientSettings(server),
      now: () => clock,
    });
    const tokens = await connect();
    const user = provider();
    clock += 29_000;
    expect(await user.getToken()).toBe(tokens.accessToken);
    clock += 1_000;
    expect(await user.getToken()).not.toBe(tokens.accessToken);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('lets 25 concurrent callers after expiry share one refresh', async () => {
    await connect();
    const user = provider();
    clock += 1_800_000;
    const results = await Promise.all(Array.from({ length: 25 }, () => user.getToken()));
    expect(new Set(results).size).toBe(1);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it("ends a caller's wait when its signal aborts, while the shared refresh runs on and stores the rotated refresh token", async () => {
    const tokens = await connect();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The real refresh against the mock, held back until the caller has given up.
    const slowClient: AuthorizationCodeClient = {
      ...oauthClient,
      refresh: async (...args) => {
        await held;
        return oauthClient.refresh(...args);
      },
    };
    const user = createUserTokenProvider({ oauthClient: slowClient, store, key, redirectUri, now: () => clock });
    clock += 1_800_000;
    const controller = new AbortController();

    const abandoned = user.getToken({ signal: controller.signal }).catch((caught: unknown) => caught);
    const patient = user.getToken();
    controller.abort(new Error('the user closed the page'));
    const error = await abandoned;

    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toEqual(new Error('the user closed the page'));
    release();
    const fresh = await patient;
    expect(fresh).not.toBe(tokens.accessToken);
    expect(server.isAccessTokenValid(fresh)).toBe(true);
    expect((await store.get(key))?.grant.refreshToken).not.toBe(tokens.refreshToken);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('picks up a refresh another provider instance (another process) made, instead of refreshing again', async () => {
    await connect();
    clock += 1_800_000;
    const fromA = await provider().getToken();
    const fromB = await provider().getToken();
    expect(fromB).toBe(fromA);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('refreshes once after an API rejected the token (invalidate), even before its expiry', async () => {
    const tokens = await connect();
    const user = provider();
    user.invalidate(tokens.accessToken);
    const fresh = await user.getToken();
    expect(fresh).not.toBe(tokens.accessToken);
    expect(await user.getToken()).toBe(fresh);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('marks the grant dead on invalid_grant and never asks the provider again', async () => {
    const tokens = await connect();
    // Someone outside this store used the refresh token: the stored one is dead at the provider.
    await oauthClient.refresh(tokens.refreshToken ?? '', { redirectUri });
    const user = provider();
    clock += 1_800_000;

    expect(await failure(user.getToken())).toBeInstanceOf(ReauthorizationRequiredError);
    expect((await store.get(key))?.grant.status).toBe('dead');
    const before = server.stats().invalidGrant.refresh_token_reused;
    const again = await failure(user.getToken());
    expect(again.code).toBe(AuthErrorCode.reauthorizationRequired);
    expect(server.stats().invalidGrant.refresh_token_reused).toBe(before);
  });

  it('asks the user to connect when no grant is stored', async () => {
    const error = await failure(provider().getToken());
    expect(error).toBeInstanceOf(ReauthorizationRequiredError);
    expect(error.message).toMatch(/connect first/);
  });

  it('keeps refresh tokens encrypted at rest and still refreshes through them', async () => {
    const cipher = await createRefreshTokenCipher([{ id: 'k1', key: crypto.getRandomValues(new Uint8Array(32)) }]);
    const tokens = await connect(cipher);
    const stored = await store.get(key);
    expect(stored?.grant.refreshToken).toMatch(/^enc:v2:k1:/);
    expect(stored?.grant.refreshToken).not.toContain(tokens.refreshToken ?? '');

    clock += 1_800_000;
    const fresh = await provider(cipher).getToken();
    expect(server.isAccessTokenValid(fresh)).toBe(true);
    expect((await store.get(key))?.grant.refreshToken).toMatch(/^enc:v2:k1:/);
  });

  it('keeps tokens and the client secret out of every error above', () => {
    expect(errorsSeen.length).toBeGreaterThanOrEqual(3);
    for (const error of errorsSeen) {
      const rendering = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
      for (const secret of secretsSeen) if (secret !== '') expect(rendering).not.toContain(secret);
    }
  });
});

describe('createUserTokenProvider: a refresh that cannot lose the grant', () => {
  it('renews the lock while a slow refresh runs, so another process waits instead of refreshing with the old refresh token', async () => {
    await connect();
    clock += 1_800_000;
    // A lease of 300 ms, and a token endpoint answering after 1 s: without renewal the lock would lapse thrice.
    const slow = refreshingWith(() => sleep(1_000));
    const lock = { ttlMs: 300 };
    const first = createUserTokenProvider({ oauthClient: slow, store, key, redirectUri, lock, now: () => clock }).getToken();
    await sleep(50);
    const second = createUserTokenProvider({ oauthClient, store, key, redirectUri, lock, now: () => clock }).getToken();

    const [fromFirst, fromSecond] = await Promise.all([first, second]);
    expect(fromSecond).toBe(fromFirst);
    expect(server.stats().refreshesPerformed).toBe(1);
    expect(invalidGrants()).toBe(0);
    expect(server.refreshTokenState((await store.get(key))?.grant.refreshToken ?? '')).toBe('active');
  });

  it('sizes the default lease from the token timeout, so a refresh fits in it even with no renewal at all', async () => {
    await connect();
    clock += 1_800_000;
    const seen: LockOptions[] = [];
    const recording: TokenStore = {
      ...store,
      get: (grantKey) => store.get(grantKey),
      set: (grantKey, grant) => store.set(grantKey, grant),
      compareAndSet: (grantKey, version, grant) => store.compareAndSet(grantKey, version, grant),
      delete: (grantKey) => store.delete(grantKey),
      lock: (grantKey, options) => {
        seen.push(options);
        return store.lock(grantKey, options);
      },
    };
    const patient = createAuthorizationCodeClient({
      ...demoClientSettings(server),
      timeout: 120_000,
      now: () => clock,
    });
    await createUserTokenProvider({ oauthClient, store: recording, key, redirectUri, now: () => clock }).getToken();
    clock += 1_800_000;
    await createUserTokenProvider({ oauthClient: patient, store: recording, key, redirectUri, now: () => clock }).getToken();
    expect(seen.map(({ ttlMs, waitMs }) => ({ ttlMs, waitMs }))).toEqual([
      // The default token timeout is the API calls' (60 s); then one of 120 s.
      { ttlMs: 75_000, waitMs: 80_000 },
      { ttlMs: 135_000, waitMs: 140_000 },
    ]);
  });

  it('keeps a refreshed grant the store cannot take: the caller gets its token at once, and the write lands when the store is back', async () => {
    const tokens = await connect();
    const outage = storeWithOutage(store);
    // The store goes down for 300 ms exactly as the first refresh answer arrives.
    let cuts = 0;
    const cutting = refreshingWith(() => {
      if (cuts++ > 0) return;
      outage.state.down = true;
      setTimeout(() => {
        outage.state.down = false;
      }, 300);
    });
    const user = createUserTokenProvider({ oauthClient: cutting, store: outage.store, key, redirectUri, now: () => clock });
    clock += 1_800_000;

    const started = Date.now();
    const fresh = await user.getToken();
    expect(Date.now() - started).toBeLessThan(250);
    expect(server.isAccessTokenValid(fresh)).toBe(true);
    // Not stored yet: the rotated refresh token lives only in this process's memory.
    expect((await store.get(key))?.grant.refreshToken).toBe(tokens.refreshToken);
    // Later callers of this process use the in-memory grant, store or no store, through any provider of that store.
    expect(await user.getToken()).toBe(fresh);
    expect(await createUserTokenProvider({ oauthClient, store: outage.store, key, redirectUri, now: () => clock }).getToken()).toBe(fresh);

    // A caller that needs a newer token waits for the write, then refreshes with the rotated refresh token.
    user.invalidate(fresh);
    const newer = await user.getToken();
    expect(newer).not.toBe(fresh);
    expect(server.isAccessTokenValid(newer)).toBe(true);
    expect(server.stats().refreshesPerformed).toBe(2);
    expect(invalidGrants()).toBe(0);
    const stored = await store.get(key);
    expect(stored?.grant.accessToken).toBe(newer);
    expect(server.refreshTokenState(stored?.grant.refreshToken ?? '')).toBe('active');
  });

  it('reports a write that fails for another reason than an unreachable store, instead of retrying it for ever', async () => {
    await connect();
    const broken: TokenStore = {
      get: (grantKey) => store.get(grantKey),
      set: (grantKey, grant) => store.set(grantKey, grant),
      compareAndSet: async () => {
        throw new TypeError('a bug in a hand-written store');
      },
      delete: (grantKey) => store.delete(grantKey),
      lock: (grantKey, options) => store.lock(grantKey, options),
    };
    clock += 1_800_000;
    const error = await createUserTokenProvider({ oauthClient, store: broken, key, redirectUri, now: () => clock })
      .getToken()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    // The lock was released, not handed to a retry.
    await (await store.lock(key, { ttlMs: 1_000, waitMs: 0 })).release();
  });

  it('holds the lock while the write is retried, so another process waits for the rotated refresh token', async () => {
    const tokens = await connect();
    // Only this process loses the store (a network partition); the other reaches it all along.
    const outage = storeWithOutage(store);
    let other: Promise<string> | undefined;
    const cutting = refreshingWith(() => {
      outage.state.down = true;
      other = createUserTokenProvider({ oauthClient, store, key, redirectUri, now: () => clock }).getToken();
      setTimeout(() => {
        outage.state.down = false;
      }, 300);
    });
    clock += 1_800_000;
    const fresh = await createUserTokenProvider({
      oauthClient: cutting,
      store: outage.store,
      key,
      redirectUri,
      now: () => clock,
    }).getToken();

    expect(await other).toBe(fresh);
    expect(server.stats().refreshesPerformed).toBe(1);
    expect(invalidGrants()).toBe(0);
    expect((await store.get(key))?.grant.refreshToken).not.toBe(tokens.refreshToken);
    // The lock was released once the write landed.
    await (await store.lock(key, { ttlMs: 1_000, waitMs: 0 })).release();
  });

  it('is a late writer when a newer grant was stored meanwhile: keeps it and returns its access token', async () => {
    await connect();
    let reconnected: { accessToken: string; refreshToken: string | undefined } | undefined;
    // The user connected again while the refresh ran: that grant is newer than the refresh's answer.
    const late = refreshingWith(async () => {
      reconnected = await connect();
    });
    clock += 1_800_000;
    const token = await createUserTokenProvider({ oauthClient: late, store, key, redirectUri, now: () => clock }).getToken();
    expect(token).toBe(reconnected?.accessToken);
    expect((await store.get(key))?.grant.refreshToken).toBe(reconnected?.refreshToken);
  });

  it('does not bring back a grant deleted while it was refreshed', async () => {
    await connect();
    const late = refreshingWith(() => store.delete(key));
    clock += 1_800_000;
    const error = await failure(createUserTokenProvider({ oauthClient: late, store, key, redirectUri, now: () => clock }).getToken());
    expect(error).toBeInstanceOf(ReauthorizationRequiredError);
    expect(await store.get(key)).toBeUndefined();
  });

  it('stores the rotated refresh token over a dead mark left by a process that was refused the exchanged one', async () => {
    await connect();
    const late = refreshingWith(async () => {
      const read = await store.get(key);
      if (read !== undefined) await store.compareAndSet(key, read.version, { ...read.grant, status: 'dead' });
    });
    clock += 1_800_000;
    const token = await createUserTokenProvider({ oauthClient: late, store, key, redirectUri, now: () => clock }).getToken();
    const stored = await store.get(key);
    expect(stored?.grant).toMatchObject({ status: 'active', accessToken: token });
    expect(server.refreshTokenState(stored?.grant.refreshToken ?? '')).toBe('active');
  });
});
