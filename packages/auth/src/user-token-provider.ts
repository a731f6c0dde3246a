import type { TokenProvider } from '@coverlink/core';
import { ReauthorizationRequiredError } from './auth-errors.js';
import type { AuthorizationCodeClient, ReceivedTokens } from './authorization-code.js';
import type { RefreshTokenCipher } from './refresh-token-cipher.js';
import { replaceAt } from './token-response.js';
import type { GrantKey, StoredGrant, TokenStore, VersionedGrant } from './token-store.js';
import { waitUnlessAborted } from './wait-unless-aborted.js';

/** Settings of {@link createUserTokenProvider}. */
export interface UserTokenProviderSettings {
  /** The provider's authorization-code client, which performs the refresh. */
  oauthClient: AuthorizationCodeClient;
  /** Where the user's grant lives; a `RedisTokenStore` when several processes serve the same users. */
  store: TokenStore;
  /** Whose grant. */
  key: GrantKey;
  /** Sent with every refresh, for providers that require it (Hello Claims). */
  redirectUri?: string | undefined;
  /**
   * Encrypts refresh tokens at rest, bound to `key`; must hold the key the grant was stored with. A
   * grant stored in plain text is refreshed with its plain token and stored encrypted from then on
   * (unless the cipher has `rejectPlaintext`), so the cipher can be turned on for existing grants.
   */
  cipher?: RefreshTokenCipher | undefined;
  /** Refresh this many seconds before the access token expires. Default 60. */
  expirySkewSeconds?: number | undefined;
  /** The refresh lock: lifetime if its holder dies (default 15 s) and the longest wait for it (default 20 s). */
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
}): Promise<void> {
  await options.store.set(options.key, await toStoredGrant(options.tokens, options.cipher, options.key));
}

/**
 * A {@link TokenProvider} for one user's authorization-code grant, safe across a fleet of processes.
 *
 * The access token is refreshed shortly before it expires (or after an API rejected it). A refresh
 * happens under the store's lock, and the store is read again once the lock is held, so among all
 * processes sharing the store exactly one refreshes each expiry window and the others pick up its
 * result. A rotated refresh token is stored before the new access token is handed to anyone. When
 * the provider answers `invalid_grant`, the grant is marked dead (unless another process replaced
 * it meanwhile) and every caller gets a {@link ReauthorizationRequiredError}: never a retry loop.
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
  const lockOptions = { ttlMs: settings.lock?.ttlMs ?? 15_000, waitMs: settings.lock?.waitMs ?? 20_000 };
  // Access tokens an API refused (invalidate): treated as expired even if their clock says otherwise.
  const rejected = new Set<string>();
  let cached: { accessToken: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const usable = (grant: StoredGrant) =>
    grant.status === 'active' &&
    !rejected.has(grant.accessToken) &&
    now() < refreshAt(grant.accessTokenExpiresAt, grant.accessTokenReceivedAt, skewMs);

  async function refreshUnderLock(): Promise<string> {
    const lock = await store.lock(key, lockOptions);
    try {
      // Another process may have refreshed while this one waited for the lock.
      const current = await readGrant();
      if (usable(current.grant)) return remember(current.grant);
      const refreshToken = current.grant.refreshToken;
      if (refreshToken === undefined) {
        throw new ReauthorizationRequiredError('The access token expired and the stored grant has no refresh token.');
      }
      let tokens: ReceivedTokens;
      try {
        tokens = await oauthClient.refresh(cipher === undefined ? refreshToken : await cipher.decrypt(refreshToken, key), {
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
      const next = await toStoredGrant(tokens, cipher, key);
      // Stored before anyone sees the new access token: a rotated refresh token must never be lost.
      await store.set(key, next);
      rejected.clear();
      return remember(next);
    } finally {
      await lock.release();
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

async function toStoredGrant(tokens: ReceivedTokens, cipher: RefreshTokenCipher | undefined, key: GrantKey): Promise<StoredGrant> {
  return {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.expiresAt,
    accessTokenReceivedAt:
      tokens.expiresAt === undefined || tokens.expiresInSeconds === undefined
        ? undefined
        : tokens.expiresAt - tokens.expiresInSeconds * 1000,
    refreshToken:
      tokens.refreshToken === undefined || cipher === undefined ? tokens.refreshToken : await cipher.encrypt(tokens.refreshToken, key),
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
