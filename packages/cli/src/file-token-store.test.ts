// What the TokenStore contract does not cover: the file itself (its mode, atomic writes, a corrupt
// file), copies, and races between instances on one file (separate CLI processes).
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthError } from '@coverlink/auth';
import { describeTokenStoreContract, freshKey, grant } from '@coverlink/test-kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FileTokenStore } from './file-token-store.js';

const temporaryFolder = () => mkdtemp(join(tmpdir(), 'coverlink-store-'));

describe('the contract on one file', () => {
  let contractDirectory: string;
  let shared: FileTokenStore;
  beforeAll(async () => {
    contractDirectory = await temporaryFolder();
    shared = new FileTokenStore({ directory: contractDirectory });
  });
  afterAll(() => rm(contractDirectory, { recursive: true, force: true }));

  describeTokenStoreContract('FileTokenStore, one instance', () => shared);
  // A new instance for every operation: each one reads and writes the file as a separate CLI invocation would.
  describeTokenStoreContract('FileTokenStore, an instance per operation', () => new FileTokenStore({ directory: contractDirectory }));
});

describe('FileTokenStore', () => {
  let directory: string;
  let key: ReturnType<typeof freshKey>;
  let otherKey: ReturnType<typeof freshKey>;

  beforeEach(async () => {
    directory = join(await temporaryFolder(), 'nested', 'coverlink');
    key = freshKey();
    otherKey = freshKey();
  });

  afterEach(async () => {
    await rm(join(directory, '..', '..'), { recursive: true, force: true });
  });

  it('returns copies: mutating a result changes nothing stored', async () => {
    const store = new FileTokenStore({ directory });
    await store.set(key, grant('a'));
    const read = await store.get(key);
    if (read !== undefined) read.grant.accessToken = 'changed';
    expect((await store.get(key))?.grant.accessToken).toBe('a');
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
    await (await store.lock(key, { ttlMs: 10_000, waitMs: 0 })).release();
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
