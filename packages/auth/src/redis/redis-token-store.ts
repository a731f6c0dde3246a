import type { RedisClientType } from '@redis/client';
import { AuthError, AuthErrorCode } from '../auth-errors.js';
import { lockTimeout } from '../memory-token-store.js';
import {
  type GrantKey,
  grantKeyString,
  type LockOptions,
  type StoredGrant,
  type TokenStore,
  type TokenStoreLock,
  type VersionedGrant,
} from '../token-store.js';

/** Options of {@link RedisTokenStore}. */
export interface RedisTokenStoreOptions {
  /** Prefix of every key this store writes. Default `coverlink:`. */
  keyPrefix?: string | undefined;
  /** How long one Redis command may take before the store reports Redis as unavailable. Default 2 000 ms. */
  commandTimeoutMs?: number | undefined;
}

// A grant is a hash { version, grant }: the version is what compare-and-set compares, and these
// scripts change both atomically.
const writeScript = `
local current = redis.call('HGET', KEYS[1], 'version')
if ARGV[2] == 'compare' and (current or '') ~= ARGV[3] then return 0 end
local version = tonumber(current or '0') + 1
redis.call('HSET', KEYS[1], 'version', version, 'grant', ARGV[1])
return version`;

// Deletes the lock only if this owner still holds it: a holder whose lock expired must not release
// the lock a later process took.
const releaseScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

// Renews the lease only if this owner still holds it, for the same reason: an expired holder must not
// lengthen the lock of the process that took it over. Returns 1 when renewed.
const extendScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/**
 * A {@link TokenStore} on Redis (node-redis, `@redis/client`), for a fleet of processes serving the
 * same users: one refresh per grant across all of them. The refresh lock is `SET NX PX` with a
 * random owner token, renewed (`PEXPIRE`) and released by scripts that check the owner; a lock whose
 * holder died expires after its TTL. Every command has a deadline, so a Redis outage surfaces as an
 * `AUTH_STORE_UNAVAILABLE` error instead of a hang.
 *
 * @example
 * ```ts
 * import { createClient } from '@redis/client';
 * import { RedisTokenStore } from '@coverlink/auth/redis';
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect();
 * const store = new RedisTokenStore(redis);
 * ```
 */
export class RedisTokenStore implements TokenStore {
  // biome-ignore lint/suspicious/noExplicitAny: any node-redis client, whatever modules or scripts it was built with.
  readonly #redis: RedisClientType<any, any, any, any, any>;
  readonly #prefix: string;
  readonly #timeoutMs: number;

  // biome-ignore lint/suspicious/noExplicitAny: see #redis.
  constructor(redis: RedisClientType<any, any, any, any, any>, options: RedisTokenStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? 'coverlink:';
    this.#timeoutMs = options.commandTimeoutMs ?? 2_000;
  }

  async get(key: GrantKey): Promise<VersionedGrant | undefined> {
    const [version, grant] = (await this.#command(() => this.#redis.hmGet(this.#grantKey(key), ['version', 'grant']))) as Array<
      string | null
    >;
    if (version === null || version === undefined || grant === null || grant === undefined) return undefined;
    return { version: Number(version), grant: JSON.parse(grant) as StoredGrant };
  }

  async set(key: GrantKey, grant: StoredGrant): Promise<number> {
    return Number(await this.#write(key, grant, 'always', ''));
  }

  async compareAndSet(key: GrantKey, expectedVersion: number | undefined, grant: StoredGrant): Promise<boolean> {
    return Number(await this.#write(key, grant, 'compare', expectedVersion === undefined ? '' : String(expectedVersion))) > 0;
  }

  async delete(key: GrantKey): Promise<void> {
    await this.#command(() => this.#redis.del(this.#grantKey(key)));
  }

  async lock(key: GrantKey, options: LockOptions): Promise<TokenStoreLock> {
    const lockKey = `${this.#prefix}lock:${grantKeyString(key)}`;
    const owner = crypto.randomUUID();
    const deadline = Date.now() + options.waitMs;
    for (let attempt = 0; ; attempt++) {
      const taken = await this.#command(() =>
        this.#redis.set(lockKey, owner, { condition: 'NX', expiration: { type: 'PX', value: options.ttlMs } }),
      );
      if (taken !== null) {
        return {
          release: () =>
            this.#command(() => this.#redis.eval(releaseScript, { keys: [lockKey], arguments: [owner] })).then(() => undefined),
          extend: (ttlMs: number) => this.#extendLock(lockKey, owner, ttlMs),
        };
      }
      if (Date.now() >= deadline) throw lockTimeout(options.waitMs);
      options.signal?.throwIfAborted();
      // Poll with a little jitter so waiting processes do not knock in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.min(20 + attempt * 10, 100) + Math.random() * 20));
    }
  }

  async #extendLock(lockKey: string, owner: string, ttlMs: number): Promise<boolean> {
    const renewed = await this.#command(() =>
      this.#redis.eval(extendScript, { keys: [lockKey], arguments: [owner, String(Math.ceil(ttlMs))] }),
    );
    return Number(renewed) === 1;
  }

  #grantKey(key: GrantKey): string {
    return `${this.#prefix}grant:${grantKeyString(key)}`;
  }

  #write(key: GrantKey, grant: StoredGrant, mode: 'always' | 'compare', expected: string): Promise<unknown> {
    return this.#command(() =>
      this.#redis.eval(writeScript, { keys: [this.#grantKey(key)], arguments: [JSON.stringify(grant), mode, expected] }),
    );
  }

  async #command<T>(run: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    try {
      return await Promise.race([run(), deadline]);
    } catch (error) {
      throw new AuthError(`The Redis token store is unavailable (${error instanceof Error ? error.message : String(error)}).`, {
        code: AuthErrorCode.storeUnavailable,
        hint: 'Check that Redis is running and reachable at the URL the client was created with; create the client with disableOfflineQueue: true so commands fail fast while it is down.',
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
