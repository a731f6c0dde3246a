// The behaviour every TokenStore must have, run against each implementation (memory, Redis, Redis
// Cluster, the CLI's file store). Typed by the shape of auth's `TokenStore`, so this kit does not
// depend on auth, whose tests use it.
import { describe, expect, it } from 'vitest';
import { rejectionOf, sleep } from './promise-outcomes.js';

/** Whose grant (auth's `GrantKey`). */
export interface GrantKeyShape {
  provider: string;
  clientId: string;
  subject: string;
}

/** A grant as stored (auth's `StoredGrant`). */
export type GrantShape = ReturnType<typeof grant>;

/** The operations of auth's `TokenStore` the contract exercises. */
export interface TokenStoreUnderTest {
  get(key: GrantKeyShape): Promise<{ grant: GrantShape; version: number } | undefined>;
  set(key: GrantKeyShape, grant: GrantShape): Promise<number>;
  compareAndSet(key: GrantKeyShape, expectedVersion: number | undefined, grant: GrantShape): Promise<boolean>;
  delete(key: GrantKeyShape): Promise<void>;
  lock(
    key: GrantKeyShape,
    options: { ttlMs: number; waitMs: number },
  ): Promise<{ release(): Promise<void>; extend(ttlMs: number): Promise<boolean> }>;
}

/** The stable code of auth's lock-timeout error, which `TokenStore.lock` documents it throws when the wait runs out. */
export const lockTimeoutCode = 'AUTH_LOCK_TIMEOUT';

let counter = 0;
/** A key no other test uses, so suites can share one store. */
export function freshKey(): GrantKeyShape {
  counter += 1;
  return { provider: 'acme', clientId: 'client|with:odd chars', subject: `user-${counter}-${Math.random().toString(36).slice(2)}` };
}

/** A stored grant whose tokens are named after `accessToken`. */
export function grant(accessToken: string, refreshToken = `refresh-of-${accessToken}`) {
  return {
    accessToken,
    accessTokenExpiresAt: 1_800_000_000_000 as number | undefined,
    refreshToken: refreshToken as string | undefined,
    scope: 'requests jobs' as string | undefined,
    status: 'active' as 'active' | 'dead',
  };
}

function expectLockTimeout(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  expect((error as { code?: unknown }).code).toBe(lockTimeoutCode);
}

/** Runs the behaviour every `TokenStore` must have (versions, compare-and-set, the lock and its lease) against `store`. */
export function describeTokenStoreContract(name: string, store: () => TokenStoreUnderTest): void {
  describe(`${name}: the TokenStore contract`, () => {
    it('returns nothing for an unknown key, then what was set, with increasing versions', async () => {
      const key = freshKey();
      expect(await store().get(key)).toBeUndefined();
      expect(await store().set(key, grant('a1'))).toBe(1);
      expect(await store().get(key)).toEqual({ grant: grant('a1'), version: 1 });
      expect(await store().set(key, grant('a2'))).toBe(2);
      expect(await store().get(key)).toEqual({ grant: grant('a2'), version: 2 });
    });

    it('keeps keys apart by provider, client and subject', async () => {
      const key = freshKey();
      await store().set(key, grant('mine'));
      expect(await store().get({ ...key, subject: `${key.subject}-other` })).toBeUndefined();
      expect(await store().get({ ...key, provider: 'another-provider' })).toBeUndefined();
      expect(await store().get({ ...key, clientId: 'another' })).toBeUndefined();
    });

    it('compare-and-set writes only over the expected version', async () => {
      const key = freshKey();
      expect(await store().compareAndSet(key, 3, grant('x'))).toBe(false);
      expect(await store().get(key)).toBeUndefined();
      expect(await store().compareAndSet(key, undefined, grant('first'))).toBe(true);
      expect(await store().compareAndSet(key, undefined, grant('second'))).toBe(false);
      expect(await store().compareAndSet(key, 1, grant('second'))).toBe(true);
      expect(await store().compareAndSet(key, 1, grant('stale'))).toBe(false);
      expect(await store().get(key)).toEqual({ grant: grant('second'), version: 2 });
    });

    it('deletes', async () => {
      const key = freshKey();
      await store().set(key, grant('gone'));
      await store().delete(key);
      expect(await store().get(key)).toBeUndefined();
    });

    it('lets one holder at a time take the lock; the next waits for the release', async () => {
      const key = freshKey();
      const first = await store().lock(key, { ttlMs: 5_000, waitMs: 1_000 });
      const order: string[] = [];
      const second = store()
        .lock(key, { ttlMs: 5_000, waitMs: 2_000 })
        .then((lock) => {
          order.push('second acquired');
          return lock;
        });
      await sleep(100);
      order.push('first releasing');
      await first.release();
      await (await second).release();
      expect(order).toEqual(['first releasing', 'second acquired']);
    });

    it('gives up waiting after waitMs with a lock-timeout error', async () => {
      const key = freshKey();
      const held = await store().lock(key, { ttlMs: 5_000, waitMs: 100 });
      const started = Date.now();
      expectLockTimeout(await rejectionOf(store().lock(key, { ttlMs: 5_000, waitMs: 150 })));
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      await held.release();
    });

    it('frees a lock whose holder never released it once its TTL runs out', async () => {
      const key = freshKey();
      await store().lock(key, { ttlMs: 150, waitMs: 100 }); // the holder "dies": never released
      const next = await store().lock(key, { ttlMs: 5_000, waitMs: 2_000 });
      await next.release();
    });

    it('does not let an expired holder release the lock its successor took', async () => {
      const key = freshKey();
      const expired = await store().lock(key, { ttlMs: 100, waitMs: 100 });
      await sleep(150);
      const successor = await store().lock(key, { ttlMs: 5_000, waitMs: 100 });
      await expired.release();
      expectLockTimeout(await rejectionOf(store().lock(key, { ttlMs: 5_000, waitMs: 100 })));
      await successor.release();
    });

    it('keeps a renewed lease past its first TTL: waiters keep waiting while the holder extends it', async () => {
      const key = freshKey();
      const held = await store().lock(key, { ttlMs: 300, waitMs: 100 });
      const started = Date.now();
      const waiter = store()
        .lock(key, { ttlMs: 5_000, waitMs: 3_000 })
        .then((lock) => ({ lock, after: Date.now() - started }));
      // Three renewals, each before the lease would run out: 900 ms past a 300 ms TTL.
      for (let renewal = 0; renewal < 3; renewal++) {
        await sleep(150);
        expect(await held.extend(300)).toBe(true);
      }
      await sleep(150);
      await held.release();
      const { lock, after } = await waiter;
      expect(after).toBeGreaterThanOrEqual(550);
      await lock.release();
    });

    it('lets a renewed lease run out once renewals stop', async () => {
      const key = freshKey();
      const held = await store().lock(key, { ttlMs: 100, waitMs: 100 });
      expect(await held.extend(400)).toBe(true);
      const started = Date.now();
      const next = await store().lock(key, { ttlMs: 5_000, waitMs: 2_000 });
      // Not at the first TTL (100 ms) but at the renewed one, and without a release.
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      await next.release();
    });

    it('refuses to renew a lease that ran out, and leaves the successor’s lock alone', async () => {
      const key = freshKey();
      const expired = await store().lock(key, { ttlMs: 100, waitMs: 100 });
      await sleep(150);
      // Run out, nobody took it yet: still not this holder's any more.
      expect(await expired.extend(5_000)).toBe(false);
      const successor = await store().lock(key, { ttlMs: 300, waitMs: 100 });
      expect(await expired.extend(5_000)).toBe(false);
      expect(await successor.extend(300)).toBe(true);
      // The successor's lease was not stretched to 5 s by the expired holder: it ends near its own 300 ms.
      const started = Date.now();
      const third = await store().lock(key, { ttlMs: 5_000, waitMs: 2_000 });
      expect(Date.now() - started).toBeLessThan(1_500);
      await third.release();
    });

    it('refuses to renew a released lock', async () => {
      const key = freshKey();
      const lock = await store().lock(key, { ttlMs: 5_000, waitMs: 100 });
      expect(await lock.extend(5_000)).toBe(true);
      await lock.release();
      expect(await lock.extend(5_000)).toBe(false);
      const next = await store().lock(key, { ttlMs: 5_000, waitMs: 0 });
      await next.release();
    });
  });
}
