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
  /**
   * When the refresh token stops working, in milliseconds since the epoch (local clock), when the
   * provider's refresh-token lifetime is known; what `refreshExpiringGrants` orders grants by.
   */
  refreshTokenExpiresAt?: number | undefined;
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
  /**
   * The grants of one OAuth client whose refresh token expires at or before `before` (ms since the
   * epoch), soonest first: at most `limit`, from `after` on (a cursor: the last entry of the previous
   * page, exclusive). Read from an index ordered by that time, which every write keeps up to date, so
   * the cost follows the number of grants returned, not the number stored. Only active grants with a
   * refresh token and a `refreshTokenExpiresAt` are indexed. Optional: `refreshExpiringGrants` needs it.
   */
  grantsExpiringBefore?(client: GrantClient, before: number, page: ExpiringGrantsPage): Promise<ExpiringGrant[]>;
}

/** Whose grants an index covers: one OAuth client of one provider. */
export type GrantClient = Pick<GrantKey, 'provider' | 'clientId'>;

/** Where a page of {@link TokenStore.grantsExpiringBefore} starts and how long it is. */
export interface ExpiringGrantsPage {
  /** At most this many entries. */
  limit: number;
  /** Start after this entry (the last one of the previous page); from the soonest when undefined. */
  after?: ExpiringGrant | undefined;
}

/** An entry of the refresh-expiry index: whose grant, and when its refresh token expires as indexed. */
export interface ExpiringGrant {
  key: GrantKey;
  /** The indexed `refreshTokenExpiresAt`; re-read the grant, an index written by another process may lag. */
  refreshTokenExpiresAt: number;
}

/** The string form of a key, the same in every store: `provider|clientId|subject`, each part URI-encoded. */
export function grantKeyString(key: GrantKey): string {
  return [key.provider, key.clientId, key.subject].map(encodeURIComponent).join('|');
}

/** The key a {@link grantKeyString} was made from. */
export function parseGrantKeyString(text: string): GrantKey {
  const [provider = '', clientId = '', subject = ''] = text.split('|').map(decodeURIComponent);
  return { provider, clientId, subject };
}
