import { inspect } from 'node:util';
import { type RunningRedis, startRedisServer } from '@coverlink/mocks';
import { describeTokenStoreContract, freshKey, grant, rejectionOf } from '@coverlink/test-kit';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, AuthErrorCode } from '../auth-errors.js';
import { RedisTokenStore } from './index.js';

let redis: RunningRedis;
const connect = (url: string) => createClient({ url, disableOfflineQueue: true }).connect();
let client: Awaited<ReturnType<typeof connect>>;
let store: RedisTokenStore;

beforeAll(async () => {
  redis = await startRedisServer();
  client = await connect(redis.url);
  store = new RedisTokenStore(client);
}, 120_000);

afterAll(async () => {
  client.destroy();
  await redis.stop();
});

describeTokenStoreContract('RedisTokenStore', () => store);

describe('RedisTokenStore on the wire', () => {
  it('keeps grants under its prefix as a versioned hash, the URI-encoded grant key as hash tag', async () => {
    const key = { provider: 'acme', clientId: 'client', subject: 'user {1}' };
    await store.set(key, grant('wire'));
    expect(await client.hGetAll('coverlink:{acme|client|user%20%7B1%7D}:grant')).toEqual({
      version: '1',
      grant: JSON.stringify(grant('wire')),
    });
  });

  it('sets the lock with an owner token and a TTL, and deletes it on release', async () => {
    const key = freshKey();
    const lock = await store.lock(key, { ttlMs: 4_000, waitMs: 100 });
    const lockKey = `coverlink:{${[key.provider, key.clientId, key.subject].map(encodeURIComponent).join('|')}}:lock`;
    expect(await client.get(lockKey)).toMatch(/^[0-9a-f-]{36}$/);
    expect(await client.pTTL(lockKey)).toBeGreaterThan(3_000);
    await lock.release();
    expect(await client.exists(lockKey)).toBe(0);
  });
});

describe('RedisTokenStore configuration', () => {
  it('refuses a key prefix with a brace, which would move the cluster hash tag', () => {
    for (const keyPrefix of ['app{1}:', 'app}:']) {
      let error: unknown;
      try {
        new RedisTokenStore(client, { keyPrefix });
      } catch (caught) {
        error = caught;
      }
      expect(AuthError.isInstance(error) && error.code).toBe(AuthErrorCode.invalidConfiguration);
    }
  });
});

describe('RedisTokenStore when Redis is down', () => {
  it('fails fast with a clear, typed error rather than hanging', async () => {
    const down = await startRedisServer();
    const doomed = await createClient({ url: down.url, disableOfflineQueue: true, socket: { reconnectStrategy: false } }).connect();
    doomed.on('error', () => {});
    const downStore = new RedisTokenStore(doomed, { commandTimeoutMs: 500 });
    down.kill();
    await new Promise((resolve) => setTimeout(resolve, 100));

    for (const operation of [
      () => downStore.get(freshKey()),
      () => downStore.set(freshKey(), grant('x')),
      () => downStore.lock(freshKey(), { ttlMs: 1_000, waitMs: 1_000 }),
    ]) {
      const started = Date.now();
      const error = await rejectionOf(operation());
      expect(AuthError.isInstance(error)).toBe(true);
      expect((error as AuthError).code).toBe(AuthErrorCode.storeUnavailable);
      expect((error as AuthError).hint).toMatch(/Redis is running/);
      // Fails instead of waiting on reconnects; the bound is loose because CI machines are busy.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(inspect(error, { depth: 10 })).not.toContain('refresh-of-x');
    }
    await down.stop();
  });
});
