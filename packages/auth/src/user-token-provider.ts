import type { TokenProvider } from '@coverlink/core';
import { AuthError, AuthErrorCode, ReauthorizationRequiredError } from './auth-errors.js';
import type { AuthorizationCodeClient, ReceivedTokens } from './authorization-code.js';
import type { RefreshTokenCipher } from './refresh-token-cipher.js';
import { replaceAt } from './token-response.js';
import {
  type GrantKey,
  grantKeyString,
  type StoredGrant,
  type TokenStore,
  type TokenStoreLock,
  type VersionedGrant,
} from './token-store.js';
import { waitUnlessAborted } from './wait-unless-aborted.js';

/** Settings of {@link createUserTokenProvider}. */
export interface UserTokenProviderSettings {
  /** The provider's authorization-code client, which performs the refresh. */
  oauthClient: AuthorizationCodeClient;
  /** Where the user's grant lives; a `RedisTokenStore` when several processes serve the same users. */
  store: TokenStore;
  /** Whose grant. */
  key: GrantKey;
  /** Sent with every refresh, for providers that require it. */
  redirectUri?: string | undefined;
  /**
   * Encrypts refresh tokens at rest, bound to `key`; must hold the key the grant was stored with. A
   * grant stored in plain text is refreshed with its plain token and stored encrypted from then on
   * (unless the cipher has `rejectPlaintext`), so the cipher can be turned on for existing grants.
   */
  cipher?: RefreshTokenCipher | undefined;
  /**
   * How long the provider's refresh tokens live, in seconds, when it documents that but does not say
   * so in its token answers (Hello Claims: 24 h). Stored with the grant as `refreshTokenExpiresAt`,
   * which `refreshExpiringGrants` orders grants by; undefined: the grant is not indexed.
   */
  refreshTokenLifetimeSeconds?: number | undefined;
  /** Refresh this many seconds before the access token expires. Default 60. */
  expirySkewSeconds?: number | undefined;
  /**
   * The refresh lock. `ttlMs` is its lease: how long it outlives a holder that died. While a refresh
   * runs, the holder renews the lease every `ttlMs / 3`, so the lease of a live holder lapses only
   * when no renewal reaches the store for a whole `ttlMs` (a store outage, or an event loop blocked
   * that long). Default: the client's token timeout plus 15 s (45 s with the default 30 s timeout),
   * so a refresh fits inside one lease even if no renewal gets through at all. `waitMs` is the
   * longest wait for another holder; default `ttlMs` plus 5 s, so a waiter outlasts a holder that died.
   */
  lock?: { ttlMs?: number | undefined; waitMs?: number | undefined } | undefined;
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * Stores the tokens of a completed authorization as the user's grant (replacing any earlier one),
 * encrypting the refresh token when a cipher is given.
 */
export async function storeGrant(options: {
  store: TokenStore;
  key: GrantKey;
  tokens: ReceivedTokens;
  cipher?: RefreshTokenCipher | undefined;
  /** See {@link UserTokenProviderSettings.refreshTokenLifetimeSeconds}. */
  refreshTokenLifetimeSeconds?: number | undefined;
}): Promise<void> {
  await options.store.set(
    options.key,
    await toStoredGrant(options.tokens, options.cipher, options.key, options.refreshTokenLifetimeSeconds, Date.now()),
  );
}

/**
 * A {@link TokenProvider} for one user's authorization-code grant, safe across a fleet of processes.
 *
 * The access token is refreshed shortly before it expires (or after an API rejected it). A refresh
 * happens under the store's lock, and the store is read again once the lock is held, so among all
 * processes sharing the store exactly one refreshes each expiry window and the others pick up its
 * result. The lock's lease is renewed while the refresh runs (see `lock`). When the provider answers
 * `invalid_grant`, the grant is marked dead (unless another process replaced it meanwhile) and every
 * caller gets a {@link ReauthorizationRequiredError}: never a retry loop.
 *
 * The rotated refresh token is never thrown away:
 * - The write after a refresh is a compare-and-set on the version read under the lock, so it never
 *   overwrites a newer grant. A late writer (the user connected again while it refreshed, or its
 *   lease lapsed and another process stored a grant meanwhile) keeps the newer grant and returns
 *   the newer grant's access token; when the grant was deleted meanwhile (the user disconnected)
 *   it throws {@link ReauthorizationRequiredError}. The one newer grant it does overwrite is the one
 *   it replaces, marked dead by a process that was refused the refresh token this one had already
 *   exchanged: the rotated token is that grant's successor.
 * - When the store cannot be written once the answer arrived (`AUTH_STORE_UNAVAILABLE`), the
 *   received grant is kept in this process's memory, the caller gets its access token at once, and
 *   later callers in this process use the in-memory grant, through any provider of the same store
 *   and key (a caller that needs a newer one waits for the write). The write is retried with
 *   backoff (100 ms doubling to 1 s), while the lock stays held and its lease renewed, so no other
 *   process refreshes with the old refresh token meanwhile. The retry goes on until the write
 *   lands and keeps the process alive until then; a process killed before loses the rotated token.
 * - If the outage outlasts the lease (no renewal reached the store for `ttlMs`), the lock lapses in
 *   the store, and another process may take it and refresh with the old refresh token. The provider
 *   then refuses that (`invalid_grant`), and with refresh-token reuse detection (RFC 9700 §4.14) it
 *   revokes the whole token family, this process's new tokens included: the user must connect again.
 *   Without reuse detection, this process's pending write lands over the dead mark and the grant
 *   lives on. Size `ttlMs` above the longest store outage you want to ride out.
 *
 * @example
 * ```ts
 * const tokens = createUserTokenProvider({ oauthClient, store: new RedisTokenStore(redis), key, redirectUri });
 * const client = createApiClient({ baseUrl, profile, tokens });
 * ```
 */
export function createUserTokenProvider(settings: UserTokenProviderSettings): TokenProvider {
  const { store, key, cipher, oauthClient } = settings;
  const now = settings.now ?? Date.now;
  const skewMs = (settings.expirySkewSeconds ?? 60) * 1000;
  const ttlMs = settings.lock?.ttlMs ?? (oauthClient.tokenTimeoutMs ?? 30_000) + 15_000;
  const lockOptions = { ttlMs, waitMs: settings.lock?.waitMs ?? ttlMs + 5_000 };
  // Access tokens an API refused (invalidate): treated as expired even if their clock says otherwise.
  const rejected = new Set<string>();
  let cached: { accessToken: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  const pendingName = grantKeyString(key);

  const usable = (grant: StoredGrant) =>
    grant.status === 'active' &&
    !rejected.has(grant.accessToken) &&
    now() < refreshAt(grant.accessTokenExpiresAt, grant.accessTokenReceivedAt, skewMs);

  async function refreshUnderLock(): Promise<string> {
    const lock = await store.lock(key, lockOptions);
    const lease = renewLease(lock, ttlMs);
    let handedOver = false;
    try {
      // Another process may have refreshed while this one waited for the lock.
      const current = await readGrant();
      if (usable(current.grant)) return remember(current.grant);
      const refreshToken = current.grant.refreshToken;
      if (refreshToken === undefined) {
        throw new ReauthorizationRequiredError('The access token expired and the stored grant has no refresh token.');
      }
      let tokens: ReceivedTokens;
      const plainRefreshToken = cipher === undefined ? refreshToken : await cipher.decrypt(refreshToken, key);
      try {
        tokens = await oauthClient.refresh(plainRefreshToken, {
          redirectUri: settings.redirectUri,
        });
      } catch (error) {
        if (ReauthorizationRequiredError.isInstance(error)) {
          // Dead only if the grant is still the one that was refused; a newer one stays usable.
          const markedDead = await store.compareAndSet(key, current.version, { ...current.grant, status: 'dead' });
          if (!markedDead) {
            const newer = await store.get(key);
            if (newer !== undefined && usable(newer.grant)) return remember(newer.grant);
          }
        }
        throw error;
      }
      const next = await toStoredGrant(tokens, cipher, key, settings.refreshTokenLifetimeSeconds, now());
      // Not rotated (RFC 6749 §6 allows that): the token keeps the expiry it had.
      if (tokens.refreshToken === undefined || tokens.refreshToken === plainRefreshToken) {
        next.refreshTokenExpiresAt = current.grant.refreshTokenExpiresAt;
      }
      rejected.clear();
      try {
        // Stored before anyone sees the new access token, wherever the store can take it.
        return remember(await writeRefreshed(current, next));
      } catch (error) {
        // Only an unreachable store is waited out; anything else is a bug or a misconfiguration to report.
        if (!AuthError.isInstance(error) || error.code !== AuthErrorCode.storeUnavailable) throw error;
        // The store is out of reach with the only copy of the rotated refresh token in hand: keep it
        // here, hand the lock and its lease to the retried write, and serve the new access token now.
        handedOver = true;
        pendingWritesOf(store).set(pendingName, { grant: next, written: retryWrite(current, next, lock, lease) });
        return remember(next);
      }
    } finally {
      if (!handedOver) {
        lease.stop();
        // A release that fails leaves the lock to expire by itself; the grant is settled either way.
        await lock.release().catch(() => undefined);
      }
    }
  }

  /**
   * Compare-and-set of a refreshed grant over the version `read` under the lock. Resolves to the
   * grant to serve: `next` when it was stored, or the newer grant that superseded it.
   */
  async function writeRefreshed(read: VersionedGrant, next: StoredGrant): Promise<StoredGrant> {
    let expected = read.version;
    for (;;) {
      if (await store.compareAndSet(key, expected, next)) return next;
      const newer = await store.get(key);
      if (newer === undefined) {
        throw new ReauthorizationRequiredError('The grant was removed while it was being refreshed: the user must connect again.');
      }
      if (newer.grant.status === 'active') return newer.grant;
      // Dead with the refresh token this process already exchanged: another process was refused it
      // (its lease had lapsed), so the rotated token is the grant's valid successor.
      if (newer.grant.refreshToken !== read.grant.refreshToken) {
        throw new ReauthorizationRequiredError('The stored grant was refused by the provider: the user must connect again.');
      }
      expected = newer.version;
    }
  }

  async function retryWrite(read: VersionedGrant, next: StoredGrant, lock: TokenStoreLock, lease: Lease): Promise<void> {
    try {
      for (let attempt = 0; ; attempt++) {
        await sleep(Math.min(100 * 2 ** attempt, 1_000) * (1 + Math.random() * 0.2));
        // Renew first: the store may be back only now, and the heartbeat's next tick could come too late.
        await lock.extend(ttlMs).catch(() => false);
        try {
          const settled = await writeRefreshed(read, next);
          if (settled !== next) remember(settled);
          return;
        } catch (error) {
          if (ReauthorizationRequiredError.isInstance(error)) {
            // The grant is gone or dead: the next caller reads that from the store and gets the error.
            cached = undefined;
            return;
          }
        }
      }
    } finally {
      pendingWritesOf(store).delete(pendingName);
      lease.stop();
      await lock.release().catch(() => undefined);
    }
  }

  async function readGrant(): Promise<VersionedGrant> {
    const stored = await store.get(key);
    if (stored === undefined) throw new ReauthorizationRequiredError('No grant is stored for this user: connect first.');
    if (stored.grant.status === 'dead') {
      throw new ReauthorizationRequiredError('The stored grant was refused by the provider earlier: the user must connect again.');
    }
    return stored;
  }

  function remember(grant: StoredGrant): string {
    cached = { accessToken: grant.accessToken, refreshAt: refreshAt(grant.accessTokenExpiresAt, grant.accessTokenReceivedAt, skewMs) };
    return grant.accessToken;
  }

  return {
    async getToken(options) {
      // The local copy saves a store round trip per call while the token is fresh.
      if (cached !== undefined && !rejected.has(cached.accessToken) && now() < cached.refreshAt) return cached.accessToken;
      const pending = pendingWritesOf(store).get(pendingName);
      if (pending !== undefined) {
        if (usable(pending.grant)) return remember(pending.grant);
        // A newer token needs the pending grant's refresh token, which only the store may hand out.
        await waitUnlessAborted(pending.written, options?.signal);
      }
      const current = await readGrant();
      if (usable(current.grant)) return remember(current.grant);
      // The refresh is shared and runs to the end (bounded by the lock wait and the token timeout);
      // a caller's signal ends only that caller's wait, so nobody's abort loses a rotated refresh token.
      inFlight ??= refreshUnderLock().finally(() => {
        inFlight = undefined;
      });
      return waitUnlessAborted(inFlight, options?.signal);
    },
    invalidate(rejectedToken) {
      if (rejectedToken !== undefined) rejected.add(rejectedToken);
      else if (cached !== undefined) rejected.add(cached.accessToken);
      cached = undefined;
    },
  };
}

/** A refreshed grant the store could not take yet, and the retried write that settles it. */
interface PendingWrite {
  grant: StoredGrant;
  written: Promise<void>;
}

// Per store and grant, shared by every provider of this process (an API client made per request
// makes a provider per request): while a write is pending, they all serve its grant.
const pendingWrites = new WeakMap<TokenStore, Map<string, PendingWrite>>();

function pendingWritesOf(store: TokenStore): Map<string, PendingWrite> {
  let writes = pendingWrites.get(store);
  if (writes === undefined) {
    writes = new Map();
    pendingWrites.set(store, writes);
  }
  return writes;
}

interface Lease {
  stop(): void;
}

/** Renews the lock's lease every third of its TTL until stopped; a failed renewal is tried again at the next tick. */
function renewLease(lock: TokenStoreLock, ttlMs: number): Lease {
  let renewing = false;
  const timer = setInterval(
    () => {
      if (renewing) return;
      renewing = true;
      lock
        .extend(ttlMs)
        .catch(() => false)
        .finally(() => {
          renewing = false;
        });
    },
    Math.max(1, Math.floor(ttlMs / 3)),
  );
  return { stop: () => clearInterval(timer) };
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

async function toStoredGrant(
  tokens: ReceivedTokens,
  cipher: RefreshTokenCipher | undefined,
  key: GrantKey,
  refreshTokenLifetimeSeconds: number | undefined,
  receivedAt: number,
): Promise<StoredGrant> {
  return {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.expiresAt,
    accessTokenReceivedAt:
      tokens.expiresAt === undefined || tokens.expiresInSeconds === undefined
        ? undefined
        : tokens.expiresAt - tokens.expiresInSeconds * 1000,
    refreshToken:
      tokens.refreshToken === undefined || cipher === undefined ? tokens.refreshToken : await cipher.encrypt(tokens.refreshToken, key),
    refreshTokenExpiresAt:
      tokens.refreshToken === undefined || refreshTokenLifetimeSeconds === undefined
        ? undefined
        : receivedAt + refreshTokenLifetimeSeconds * 1000,
    scope: tokens.scope,
    status: 'active',
  };
}

/** When to refresh: `skewMs` before expiry, or at half-life for a token living less than twice the skew. */
function refreshAt(expiresAt: number | undefined, receivedAt: number | undefined, skewMs: number): number {
  if (expiresAt === undefined) return Number.POSITIVE_INFINITY;
  if (receivedAt === undefined) return expiresAt - skewMs;
  return replaceAt(receivedAt, (expiresAt - receivedAt) / 1000, skewMs);
}
