import type { RedisClientType, RedisClusterType } from '@redis/client';
import { AuthError, AuthErrorCode } from '../auth-errors.js';
import { lockTimeout } from '../memory-token-store.js';
import { indexedExpiry } from '../refresh-expiry-index.js';
import {
  type ExpiringGrant,
  type ExpiringGrantsPage,
  type GrantClient,
  type GrantKey,
  grantKeyString,
  type LockOptions,
  parseGrantKeyString,
  type StoredGrant,
  type TokenStore,
  type TokenStoreLock,
  type VersionedGrant,
} from '../token-store.js';

// The commands the store sends. Picking them (rather than taking the whole client type) is what lets
// a cluster client built with default generics in: RedisClusterType<any, …> is not a supertype of it.
type StoreCommands = 'hmGet' | 'del' | 'set' | 'eval' | 'zAdd' | 'zRem' | 'zRangeByScoreWithScores';

/**
 * What {@link RedisTokenStore} runs on: a single-node client (`createClient`) or a Redis Cluster
 * client (`createCluster`), whatever modules or scripts it was built with.
 */
export type RedisTokenStoreClient =
  // biome-ignore lint/suspicious/noExplicitAny: any node-redis client, whatever modules or scripts it was built with.
  | Pick<RedisClientType<any, any, any, any, any>, StoreCommands>
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  | Pick<RedisClusterType<any, any, any, any, any>, StoreCommands>;

/** Options of {@link RedisTokenStore}. */
export interface RedisTokenStoreOptions {
  /**
   * Prefix of every key this store writes. Default `coverlink:`. It may not contain `{` or `}`:
   * the grant part of each key is the cluster hash tag, and a brace in the prefix would move it.
   */
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
 * Works on a single Redis node and on a Redis Cluster alike. The keys of one grant are
 * `<prefix>{<grant key>}:grant` (a hash `{ version, grant }`) and `<prefix>{<grant key>}:lock`,
 * where `<grant key>` is `provider|clientId|subject` with each part URI-encoded (so it never holds
 * a brace): the braces are a cluster hash tag, which puts both keys of a grant in one hash slot,
 * and every script touches only keys of one grant, declared in `KEYS`. Different grants spread
 * over the cluster's masters.
 *
 * Grants are also indexed by refresh-token expiry, for `refreshExpiringGrants`: one sorted set per
 * OAuth client, `<prefix>{<provider>|<clientId>|}:refresh-expiry`, scored by
 * `refreshTokenExpiresAt`, with the grant key as member. On a cluster that key lives in its own hash
 * slot, not in the grants' slots, so no script can write a grant and its index entry at once: the
 * index is written by separate commands around the grant write. Before it, `ZADD … LT` (adds a new
 * grant, only ever lowers a known one); after a successful write, the exact score (`ZADD`) or the
 * entry's removal (`ZREM`, for a dead grant or one without a refresh token). A process dying in
 * between leaves a score that is not later than the grant's real expiry, so the job visits the grant
 * early rather than late; and the job re-reads every grant it finds (under the grant's own lock, in
 * `createUserTokenProvider`), so a stale or early entry costs one read, never a wrong refresh.
 *
 * @example
 * ```ts
 * import { createClient } from '@redis/client';
 * import { RedisTokenStore } from '@coverlink/auth/redis';
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect();
 * const store = new RedisTokenStore(redis);
 * // or, on a Redis Cluster:
 * import { createCluster } from '@redis/client';
 * const cluster = await createCluster({ rootNodes: [{ url: process.env.REDIS_URL }], defaults: { disableOfflineQueue: true } }).connect();
 * const clusterStore = new RedisTokenStore(cluster);
 * ```
 *
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for a `keyPrefix` holding `{` or `}`.
 */
export class RedisTokenStore implements TokenStore {
  readonly #redis: RedisTokenStoreClient;
  readonly #prefix: string;
  readonly #timeoutMs: number;

  constructor(redis: RedisTokenStoreClient, options: RedisTokenStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? 'coverlink:';
    if (/[{}]/.test(this.#prefix)) {
      throw new AuthError('The keyPrefix of a RedisTokenStore may not contain { or }.', {
        code: AuthErrorCode.invalidConfiguration,
        hint: 'Braces mark the Redis Cluster hash tag, which this store sets around each grant key; pick a prefix without them, e.g. "coverlink:".',
      });
    }
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
    return this.#indexedWrite(key, grant, 'always', '');
  }

  async compareAndSet(key: GrantKey, expectedVersion: number | undefined, grant: StoredGrant): Promise<boolean> {
    return (await this.#indexedWrite(key, grant, 'compare', expectedVersion === undefined ? '' : String(expectedVersion))) > 0;
  }

  async delete(key: GrantKey): Promise<void> {
    await this.#command(() => this.#redis.del(this.#grantKey(key)));
    await this.#command(() => this.#redis.zRem(this.#indexKey(key), grantKeyString(key)));
  }

  async grantsExpiringBefore(client: GrantClient, before: number, page: ExpiringGrantsPage): Promise<ExpiringGrant[]> {
    const after = page.after;
    const afterName = after === undefined ? undefined : grantKeyString(after.key);
    const found: ExpiringGrant[] = [];
    // From the cursor's score on, inclusive: entries sharing it are ordered by member, and those up
    // to the cursor (visited, still indexed) are skipped, a page of them at a time.
    for (let offset = 0; ; ) {
      const entries = await this.#command(() =>
        this.#redis.zRangeByScoreWithScores(this.#indexKey(client), after?.refreshTokenExpiresAt ?? '-inf', before, {
          LIMIT: { offset, count: page.limit },
        }),
      );
      let skipped = 0;
      for (const { value, score } of entries) {
        const name = String(value);
        if (after !== undefined && afterName !== undefined && Number(score) === after.refreshTokenExpiresAt && name <= afterName) {
          skipped++;
          continue;
        }
        if (found.length < page.limit) found.push({ key: parseGrantKeyString(name), refreshTokenExpiresAt: Number(score) });
      }
      if (found.length >= page.limit || entries.length < page.limit || skipped === 0) return found;
      offset += entries.length;
    }
  }

  async #indexedWrite(key: GrantKey, grant: StoredGrant, mode: 'always' | 'compare', expected: string): Promise<number> {
    const expiresAt = indexedExpiry(grant);
    const indexKey = this.#indexKey(key);
    const member = grantKeyString(key);
    if (expiresAt !== undefined) {
      await this.#command(() => this.#redis.zAdd(indexKey, { score: expiresAt, value: member }, { comparison: 'LT' }));
    }
    const version = Number(await this.#write(key, grant, mode, expected));
    if (version > 0) {
      await this.#command(() =>
        expiresAt === undefined ? this.#redis.zRem(indexKey, member) : this.#redis.zAdd(indexKey, { score: expiresAt, value: member }),
      );
    }
    return version;
  }

  async lock(key: GrantKey, options: LockOptions): Promise<TokenStoreLock> {
    const lockKey = this.#lockKey(key);
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

  // The braces are the cluster hash tag: a grant's hash and its lock hash to the same slot, so a
  // script may touch both, and grants still spread over the masters. grantKeyString URI-encodes
  // each part, so the tag holds no brace of its own and always ends at the one written here.
  #grantKey(key: GrantKey): string {
    return `${this.#prefix}{${grantKeyString(key)}}:grant`;
  }

  // One index per OAuth client, in its own hash slot (see the class comment).
  #indexKey(client: GrantClient): string {
    return `${this.#prefix}{${grantKeyString({ provider: client.provider, clientId: client.clientId, subject: '' })}}:refresh-expiry`;
  }

  #lockKey(key: GrantKey): string {
    return `${this.#prefix}{${grantKeyString(key)}}:lock`;
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
      throw new AuthError(`The Redis token store is unavailable (${describeRedisFailure(error, this.#timeoutMs)}).`, {
        code: AuthErrorCode.storeUnavailable,
        hint: 'Check that Redis is running and reachable at the URL the client was created with; create the client with disableOfflineQueue: true so commands fail fast while it is down.',
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Why a command failed, in words that cannot carry data: the driver's own messages are not
 * repeated (a script error may quote its arguments, which hold grants), only the error's class and
 * a system code such as ECONNREFUSED, or the deadline this store set.
 */
function describeRedisFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.message === `no answer within ${timeoutMs} ms`) return error.message;
  const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'unknown failure';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,30}$/.test(code) ? `${name} ${code}` : name;
}
