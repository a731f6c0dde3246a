/** Whose grant: one per provider, OAuth client and user (subject). */
export interface GrantKey {
  /** The provider, e.g. its package's short name. */
  provider: string;
  /** The OAuth client id the grant was issued to. */
  clientId: string;
  /** The user on your platform the grant belongs to. */
  subject: string;
}

/** A user's grant as stored: the current access token, the refresh token, and whether it still works. */
export interface StoredGrant {
  /** The current access token. */
  accessToken: string;
  /** When it stops being usable, in milliseconds since the epoch (local clock); undefined if unknown. */
  accessTokenExpiresAt: number | undefined;
  /** When it was received, in milliseconds since the epoch (local clock); lets short-lived tokens refresh at half-life. */
  accessTokenReceivedAt?: number | undefined;
  /** The refresh token, possibly encrypted (see `createRefreshTokenCipher`); undefined when the grant has none. */
  refreshToken: string | undefined;
  /** Space-separated scopes granted. */
  scope: string | undefined;
  /** `dead` once the provider refused the refresh token: the user must authorize again. */
  status: 'active' | 'dead';
}

/** A grant with the version the store gave it; each write increments the version. */
export interface VersionedGrant {
  grant: StoredGrant;
  version: number;
}

/** A held lock; release it in a `finally`. */
export interface TokenStoreLock {
  /** Releases the lock if this holder still owns it (a lock whose time ran out is left to its new owner). */
  release(): Promise<void>;
  /**
   * Renews the lease: the lock now lives `ttlMs` from this call, if this holder still owns it. Returns
   * whether it does; `false` means the lease ran out (and another holder may have taken the lock), and
   * the lock is then left untouched. A lease lives as long as renewals keep reaching the store: it is
   * lost only when none succeeds for the whole TTL.
   *
   * @throws {AuthError} `AUTH_STORE_UNAVAILABLE` when the store cannot be reached; the lease then runs on as it was.
   */
  extend(ttlMs: number): Promise<boolean>;
}

/** Options of {@link TokenStore.lock}. */
export interface LockOptions {
  /** How long the lock lives if its holder dies without releasing it, in milliseconds. */
  ttlMs: number;
  /** How long to wait for another holder to release it, in milliseconds, before giving up. */
  waitMs: number;
  /** Stops waiting early. */
  signal?: AbortSignal | undefined;
}

/**
 * Where grants live between requests, and how processes agree who refreshes one. Implementations:
 * `MemoryTokenStore` (one process) and `RedisTokenStore` (`@coverlink/auth/redis`, a fleet).
 */
export interface TokenStore {
  /** The grant and its version, or undefined when none is stored. */
  get(key: GrantKey): Promise<VersionedGrant | undefined>;
  /** Stores a grant unconditionally; returns its new version. */
  set(key: GrantKey, grant: StoredGrant): Promise<number>;
  /**
   * Stores `grant` only if the stored version is still `expectedVersion` (`undefined`: nothing
   * stored). Returns whether it was stored.
   */
  compareAndSet(key: GrantKey, expectedVersion: number | undefined, grant: StoredGrant): Promise<boolean>;
  /** Removes the grant (the user disconnected). */
  delete(key: GrantKey): Promise<void>;
  /**
   * Takes the grant's refresh lock, waiting up to `waitMs` for another holder.
   *
   * @throws {AuthError} `AUTH_LOCK_TIMEOUT` when the wait runs out; `AUTH_STORE_UNAVAILABLE` when the store is down.
   */
  lock(key: GrantKey, options: LockOptions): Promise<TokenStoreLock>;
}

/** The string form of a key, the same in every store: `provider|clientId|subject`, each part URI-encoded. */
export function grantKeyString(key: GrantKey): string {
  return [key.provider, key.clientId, key.subject].map(encodeURIComponent).join('|');
}
