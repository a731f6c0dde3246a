import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthError, type StoredGrant } from '@coverlink/auth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTokenStore } from './file-token-store.js';

const key = { provider: 'helloclaims', clientId: 'client-1', subject: 'user-1' };
const otherKey = { provider: 'helloclaims', clientId: 'client-1', subject: 'user-2' };

function grant(accessToken: string): StoredGrant {
  return {
    accessToken,
    accessTokenExpiresAt: 1_900_000_000_000,
    refreshToken: `refresh-${accessToken}`,
    scope: 'requests',
    status: 'active',
  };
}

let directory: string;

beforeEach(async () => {
  directory = join(await mkdtemp(join(tmpdir(), 'coverlink-store-')), 'nested', 'coverlink');
});

afterEach(async () => {
  await rm(join(directory, '..', '..'), { recursive: true, force: true });
});

describe('FileTokenStore', () => {
  it('round-trips grants per key and starts versions at 1', async () => {
    const store = new FileTokenStore({ directory });
    expect(await store.get(key)).toBeUndefined();
    expect(await store.set(key, grant('a'))).toBe(1);
    expect(await store.set(key, grant('b'))).toBe(2);
    expect(await store.set(otherKey, grant('c'))).toBe(1);
    expect(await store.get(key)).toEqual({ grant: grant('b'), version: 2 });
    // Another instance (another process) reads the same file.
    expect(await new FileTokenStore({ directory }).get(otherKey)).toEqual({ grant: grant('c'), version: 1 });
    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
    expect(await store.get(otherKey)).toBeDefined();
  });

  it('returns copies: mutating a result changes nothing stored', async () => {
    const store = new FileTokenStore({ directory });
    await store.set(key, grant('a'));
    const read = await store.get(key);
    if (read !== undefined) read.grant.accessToken = 'changed';
    expect((await store.get(key))?.grant.accessToken).toBe('a');
  });

  it('compare-and-set writes only on the expected version', async () => {
    const store = new FileTokenStore({ directory });
    expect(await store.compareAndSet(key, 1, grant('x'))).toBe(false);
    expect(await store.compareAndSet(key, undefined, grant('a'))).toBe(true);
    expect(await store.compareAndSet(key, undefined, grant('b'))).toBe(false);
    expect(await store.compareAndSet(key, 1, grant('b'))).toBe(true);
    expect(await store.compareAndSet(key, 1, grant('c'))).toBe(false);
    expect(await store.get(key)).toEqual({ grant: grant('b'), version: 2 });
  });

  it('lets exactly one of many concurrent compare-and-sets across instances win', async () => {
    const stores = Array.from({ length: 4 }, () => new FileTokenStore({ directory }));
    await stores[0]?.set(key, grant('start'));
    const outcomes = await Promise.all(
      stores.flatMap((store, index) => [
        store.compareAndSet(key, 1, grant(`w${index}a`)),
        store.compareAndSet(key, 1, grant(`w${index}b`)),
      ]),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await stores[0]?.get(key))?.version).toBe(2);
  });

  it('keeps every concurrent write from several instances, each with its own version', async () => {
    const stores = Array.from({ length: 3 }, () => new FileTokenStore({ directory }));
    const versions = await Promise.all(Array.from({ length: 12 }, (_, index) => stores[index % 3]?.set(key, grant(`t${index}`))));
    expect([...versions].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });

  it('writes the file with mode 0600 in a 0700 folder, atomically (no temporary or lock file left)', async () => {
    const store = new FileTokenStore({ directory });
    await Promise.all([store.set(key, grant('a')), store.set(otherKey, grant('b'))]);
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
    expect(await readdir(directory)).toEqual(['grants.json']);
    expect(JSON.parse(await readFile(store.file, 'utf8'))).toMatchObject({ format: 1 });
  });

  it('never shows a reader a half-written file', async () => {
    const store = new FileTokenStore({ directory });
    await store.set(key, grant('a'));
    const big = { ...grant('x'.repeat(200_000)) };
    let reads = 0;
    const writing = (async () => {
      for (let index = 0; index < 10; index += 1) await store.set(key, big);
    })();
    let done = false;
    void writing.then(() => {
      done = true;
    });
    while (!done) {
      // A torn file would throw a JSON error here.
      expect((await new FileTokenStore({ directory }).get(key))?.grant.status).toBe('active');
      reads += 1;
    }
    expect(reads).toBeGreaterThan(0);
  });

  it('reports a corrupt file as a store error with a hint', async () => {
    const store = new FileTokenStore({ directory });
    await store.set(key, grant('a'));
    await writeFile(store.file, '{ not json');
    const error = await store.get(key).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).code).toBe('AUTH_STORE_UNAVAILABLE');
    expect((error as AuthError).hint).toBeTruthy();
  });

  describe('lock', () => {
    it('is exclusive across instances until released', async () => {
      const first = new FileTokenStore({ directory });
      const second = new FileTokenStore({ directory });
      const held = await first.lock(key, { ttlMs: 10_000, waitMs: 0 });
      const timeout = await second.lock(key, { ttlMs: 10_000, waitMs: 100 }).catch((caught: unknown) => caught);
      expect((timeout as AuthError).code).toBe('AUTH_LOCK_TIMEOUT');
      // Another grant's lock is independent.
      await (await second.lock(otherKey, { ttlMs: 10_000, waitMs: 0 })).release();
      const waiting = second.lock(key, { ttlMs: 10_000, waitMs: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 60));
      await held.release();
      await (await waiting).release();
      expect((await readdir(directory)).filter((name) => name.endsWith('.lock'))).toEqual([]);
    });

    it('serialises holders within one instance too', async () => {
      const store = new FileTokenStore({ directory });
      const order: string[] = [];
      await Promise.all(
        ['a', 'b', 'c'].map(async (name) => {
          const lock = await store.lock(key, { ttlMs: 10_000, waitMs: 5_000 });
          order.push(`${name}+`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(`${name}-`);
          await lock.release();
        }),
      );
      for (let index = 0; index < order.length; index += 2) expect(order[index]?.[0]).toBe(order[index + 1]?.[0]);
    });

    it('is taken over once an abandoned holder’s ttl ran out, and the old release does not free the new holder', async () => {
      const store = new FileTokenStore({ directory });
      const abandoned = await store.lock(key, { ttlMs: 50, waitMs: 0 });
      const next = await store.lock(key, { ttlMs: 10_000, waitMs: 2_000 });
      await abandoned.release();
      const blocked = await store.lock(key, { ttlMs: 10_000, waitMs: 50 }).catch((caught: unknown) => caught);
      expect((blocked as AuthError).code).toBe('AUTH_LOCK_TIMEOUT');
      await next.release();
    });

    // The lease rules of the TokenStore contract (packages/auth/src/token-store-contract.test-support.ts),
    // here across two instances as two CLI processes would hold them.
    it('keeps a renewed lease past its first TTL, then lets it run out once renewals stop', async () => {
      const holder = new FileTokenStore({ directory });
      const other = new FileTokenStore({ directory });
      const held = await holder.lock(key, { ttlMs: 300, waitMs: 0 });
      const started = Date.now();
      const waiter = other.lock(key, { ttlMs: 10_000, waitMs: 5_000 }).then((lock) => ({ lock, after: Date.now() - started }));
      for (let renewal = 0; renewal < 3; renewal++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(await held.extend(300)).toBe(true);
      }
      // No release: the waiter gets the lock when the last renewal's lease ends.
      const { lock, after } = await waiter;
      expect(after).toBeGreaterThanOrEqual(700);
      expect(await held.extend(10_000)).toBe(false);
      await lock.release();
      expect((await readdir(directory)).filter((name) => name.includes('.lock'))).toEqual([]);
    });

    it('refuses to renew a lease that ran out or was released, and leaves the successor’s lock alone', async () => {
      const store = new FileTokenStore({ directory });
      const expired = await store.lock(key, { ttlMs: 50, waitMs: 0 });
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await expired.extend(10_000)).toBe(false);
      const successor = await store.lock(key, { ttlMs: 300, waitMs: 0 });
      expect(await expired.extend(10_000)).toBe(false);
      const started = Date.now();
      await (await store.lock(key, { ttlMs: 10_000, waitMs: 2_000 })).release();
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await successor.extend(10_000)).toBe(false);
    });

    it('stops waiting when the signal aborts', async () => {
      const store = new FileTokenStore({ directory });
      const held = await store.lock(key, { ttlMs: 10_000, waitMs: 0 });
      const controller = new AbortController();
      const waiting = store.lock(key, { ttlMs: 10_000, waitMs: 5_000, signal: controller.signal }).catch((caught: unknown) => caught);
      controller.abort();
      expect(await waiting).toBeInstanceOf(Error);
      await held.release();
    });
  });
});
