import { AuthError, AuthErrorCode } from './auth-errors.js';
import { indexedExpiry } from './refresh-expiry-index.js';
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
} from './token-store.js';

/**
 * The default {@link TokenStore}: grants in this process's memory, with an in-process lock. Zero
 * setup, and right for one server process; a fleet of processes needs `RedisTokenStore`, because
 * each process here has its own copy and its own lock. Grants are indexed by refresh-token expiry
 * (a sorted array per OAuth client), for `refreshExpiringGrants`.
 */
export class MemoryTokenStore implements TokenStore {
  readonly #grants = new Map<string, VersionedGrant>();
  // Per OAuth client: [refreshTokenExpiresAt, grant key string] in order, so due grants are a range
  // found by binary search. A sorted array rather than a tree library: inserting moves pointers
  // (fast up to millions of grants, more than one process holds), and the browser bundles stay small.
  readonly #expiryIndex = new Map<string, Array<[number, string]>>();
  readonly #locks = new Map<string, { owner: symbol; expiresAt: number; released: Promise<void>; release: () => void }>();

  async get(key: GrantKey): Promise<VersionedGrant | undefined> {
    const stored = this.#grants.get(grantKeyString(key));
    return stored === undefined ? undefined : { grant: { ...stored.grant }, version: stored.version };
  }

  async set(key: GrantKey, grant: StoredGrant): Promise<number> {
    const name = grantKeyString(key);
    const previous = this.#grants.get(name);
    const version = (previous?.version ?? 0) + 1;
    this.#reindex(key, name, previous?.grant, grant);
    this.#grants.set(name, { grant: { ...grant }, version });
    return version;
  }

  async compareAndSet(key: GrantKey, expectedVersion: number | undefined, grant: StoredGrant): Promise<boolean> {
    if (this.#grants.get(grantKeyString(key))?.version !== expectedVersion) return false;
    await this.set(key, grant);
    return true;
  }

  async delete(key: GrantKey): Promise<void> {
    const name = grantKeyString(key);
    this.#reindex(key, name, this.#grants.get(name)?.grant, undefined);
    this.#grants.delete(name);
  }

  async grantsExpiringBefore(client: GrantClient, before: number, page: ExpiringGrantsPage): Promise<ExpiringGrant[]> {
    const index = this.#expiryIndex.get(clientName(client));
    if (index === undefined) return [];
    // Strictly after the cursor (or from the start): entries sort by expiry, then key string.
    const low: [number, string] =
      page.after === undefined ? [Number.NEGATIVE_INFINITY, ''] : [page.after.refreshTokenExpiresAt, grantKeyString(page.after.key)];
    const found: ExpiringGrant[] = [];
    for (let position = firstAfter(index, low); position < index.length && found.length < page.limit; position++) {
      const [expiresAt, name] = index[position] as [number, string];
      if (expiresAt > before) break;
      found.push({ key: parseGrantKeyString(name), refreshTokenExpiresAt: expiresAt });
    }
    return found;
  }

  #reindex(key: GrantKey, name: string, previous: StoredGrant | undefined, next: StoredGrant | undefined): void {
    const clientKey = clientName(key);
    let index = this.#expiryIndex.get(clientKey);
    const before = previous === undefined ? undefined : indexedExpiry(previous);
    if (before !== undefined && index !== undefined) {
      const position = firstAfter(index, [before, name]) - 1;
      if (position >= 0 && compareEntries(index[position] as [number, string], [before, name]) === 0) index.splice(position, 1);
    }
    const after = next === undefined ? undefined : indexedExpiry(next);
    if (after === undefined) return;
    if (index === undefined) {
      index = [];
      this.#expiryIndex.set(clientKey, index);
    }
    index.splice(firstAfter(index, [after, name]), 0, [after, name]);
  }

  async lock(key: GrantKey, options: LockOptions): Promise<TokenStoreLock> {
    const name = grantKeyString(key);
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      const held = this.#locks.get(name);
      if (held === undefined || held.expiresAt <= Date.now()) {
        const owner = Symbol(name);
        let release!: () => void;
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        this.#locks.set(name, { owner, expiresAt: Date.now() + options.ttlMs, released, release });
        return {
          release: async () => {
            const current = this.#locks.get(name);
            if (current?.owner !== owner) return;
            this.#locks.delete(name);
            current.release();
          },
          extend: async (ttlMs: number) => {
            const current = this.#locks.get(name);
            if (current?.owner !== owner || current.expiresAt <= Date.now()) return false;
            // Waiters re-read expiresAt when their timer fires, so a renewed lease keeps them waiting.
            current.expiresAt = Date.now() + ttlMs;
            return true;
          },
        };
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw lockTimeout(options.waitMs);
      options.signal?.throwIfAborted();
      // Wake when the holder releases, when its lock would expire, or when the wait runs out.
      await Promise.race([held.released, delay(Math.min(remaining, held.expiresAt - Date.now()))]);
    }
  }
}

function compareEntries(a: [number, string], b: [number, string]): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/** The position of the first entry after `entry` in the sorted `index` (binary search). */
function firstAfter(index: ReadonlyArray<[number, string]>, entry: [number, string]): number {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareEntries(index[middle] as [number, string], entry) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function clientName(client: GrantClient): string {
  return grantKeyString({ provider: client.provider, clientId: client.clientId, subject: '' });
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));
}

/** The error every store raises when the refresh lock stays taken past the wait. */
export function lockTimeout(waitMs: number): AuthError {
  return new AuthError(`Another holder kept the token refresh lock for more than ${waitMs} ms.`, {
    code: AuthErrorCode.lockTimeout,
    hint: 'A refresh is slow or a process died holding the lock; the lock expires by itself. Retry, or raise the lock wait.',
  });
}
