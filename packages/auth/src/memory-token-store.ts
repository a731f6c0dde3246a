import { AuthError, AuthErrorCode } from './auth-errors.js';
import type { GrantKey, LockOptions, StoredGrant, TokenStore, TokenStoreLock, VersionedGrant } from './token-store.js';
import { grantKeyString } from './token-store.js';

/**
 * The default {@link TokenStore}: grants in this process's memory, with an in-process lock. Zero
 * setup, and right for one server process; a fleet of processes needs `RedisTokenStore`, because
 * each process here has its own copy and its own lock.
 */
export class MemoryTokenStore implements TokenStore {
  readonly #grants = new Map<string, VersionedGrant>();
  readonly #locks = new Map<string, { owner: symbol; expiresAt: number; released: Promise<void>; release: () => void }>();

  async get(key: GrantKey): Promise<VersionedGrant | undefined> {
    const stored = this.#grants.get(grantKeyString(key));
    return stored === undefined ? undefined : { grant: { ...stored.grant }, version: stored.version };
  }

  async set(key: GrantKey, grant: StoredGrant): Promise<number> {
    const version = (this.#grants.get(grantKeyString(key))?.version ?? 0) + 1;
    this.#grants.set(grantKeyString(key), { grant: { ...grant }, version });
    return version;
  }

  async compareAndSet(key: GrantKey, expectedVersion: number | undefined, grant: StoredGrant): Promise<boolean> {
    if (this.#grants.get(grantKeyString(key))?.version !== expectedVersion) return false;
    await this.set(key, grant);
    return true;
  }

  async delete(key: GrantKey): Promise<void> {
    this.#grants.delete(grantKeyString(key));
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
