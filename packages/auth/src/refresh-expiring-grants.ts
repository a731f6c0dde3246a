import { AuthError, AuthErrorCode, ReauthorizationRequiredError } from './auth-errors.js';
import type { RateLimiter } from './rate-limiter.js';
import type { ExpiringGrant, GrantClient, TokenStore } from './token-store.js';
import { createUserTokenProvider, type UserTokenProviderSettings } from './user-token-provider.js';

/** Settings of {@link refreshExpiringGrants}. */
export interface RefreshExpiringGrantsSettings
  extends Pick<UserTokenProviderSettings, 'oauthClient' | 'redirectUri' | 'cipher' | 'lock' | 'now'> {
  /** Where the grants live; it must index them (`grantsExpiringBefore`): `MemoryTokenStore` and `RedisTokenStore` do. */
  store: TokenStore;
  /** Whose grants: the provider and OAuth client of the grant keys. */
  client: GrantClient;
  /** How long the provider's refresh tokens live, in seconds: stored with each refreshed grant, as on every other refresh. */
  refreshTokenLifetimeSeconds: number;
  /**
   * Refresh a grant once its refresh token has at most this many seconds left. Default half of
   * `refreshTokenLifetimeSeconds`: run the job more often than that (e.g. hourly for Hello Claims'
   * 24 h tokens), so every grant is met at least once before it expires.
   */
  refreshWithinSeconds?: number | undefined;
  /** Spaces the token requests; share one `RedisRateLimiter` across a fleet so all processes together stay under the provider's limit. */
  rateLimiter: RateLimiter;
  /** How many index entries one store read returns. Default 100. */
  pageSize?: number | undefined;
  /** Stops the run between grants (a refresh under way runs to its end, so no rotated token is lost). */
  signal?: AbortSignal | undefined;
}

/** What one run of {@link refreshExpiringGrants} did. */
export interface RefreshExpiringGrantsResult {
  /** Index entries due when the run looked. */
  due: number;
  /** Grants this run refreshed (the refresh token rotated, its lifetime starts again). */
  refreshed: number;
  /** Due entries another process had refreshed meanwhile, or whose grant changed or went: nothing sent. */
  skipped: number;
  /** Grants the provider refused (`invalid_grant`): marked dead and out of the index; those users must connect again. */
  reauthorizationRequired: number;
  /** Grants whose refresh failed otherwise (provider or store unavailable, lock timeout); the next run tries them again. */
  failed: number;
}

/**
 * Keeps every stored grant of one OAuth client alive before its refresh token expires, as Hello
 * Claims asks ("regularly exchange the provided refresh_token within the expiry interval"), so a user
 * who makes no call for a day need not consent again. Run it on a schedule, from any number of
 * processes.
 *
 * What is due comes from the store's index ordered by refresh-token expiry (a Redis sorted set, a
 * B+ tree in memory), page by page: the run's cost follows the number of due grants, never the
 * number stored. Each due grant is refreshed by `createUserTokenProvider`, the same lock, re-read,
 * compare-and-set and rotation path every API call uses: a process that finds, under the grant's
 * lock, that another process refreshed it already sends nothing. Every token request first waits for
 * a slot from `rateLimiter` (holding the grant's lock, whose lease is renewed meanwhile).
 *
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for a store without the index; a store outage while reading the index.
 */
export async function refreshExpiringGrants(settings: RefreshExpiringGrantsSettings): Promise<RefreshExpiringGrantsResult> {
  const { store, client, rateLimiter, signal } = settings;
  if (store.grantsExpiringBefore === undefined) {
    throw new AuthError('This token store keeps no refresh-expiry index, which refreshExpiringGrants needs.', {
      code: AuthErrorCode.invalidConfiguration,
      hint: 'Use MemoryTokenStore or RedisTokenStore (@coverlink/auth/redis), or implement grantsExpiringBefore in your store.',
    });
  }
  const now = settings.now ?? Date.now;
  const before = now() + (settings.refreshWithinSeconds ?? settings.refreshTokenLifetimeSeconds / 2) * 1000;
  const limit = settings.pageSize ?? 100;
  const result: RefreshExpiringGrantsResult = { due: 0, refreshed: 0, skipped: 0, reauthorizationRequired: 0, failed: 0 };

  let after: ExpiringGrant | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await store.grantsExpiringBefore(client, before, { limit, after });
    for (const entry of page) {
      signal?.throwIfAborted();
      result.due++;
      result[await refreshOne(entry)]++;
    }
    if (page.length < limit) return result;
    after = page[page.length - 1];
  }

  async function refreshOne(entry: ExpiringGrant): Promise<'refreshed' | 'skipped' | 'reauthorizationRequired' | 'failed'> {
    try {
      // The index may lag behind the grant (written by another process, or a refresh since).
      const read = await store.get(entry.key);
      const expiresAt = read?.grant.refreshTokenExpiresAt;
      if (read === undefined || read.grant.status !== 'active' || expiresAt === undefined || expiresAt > before) return 'skipped';
      let sent = false;
      const tokens = createUserTokenProvider({
        // The refresh itself is the client's; only a request actually about to be sent (decided
        // under the grant's lock) takes a slot of the limit, and is counted.
        oauthClient: {
          ...settings.oauthClient,
          refresh: async (refreshToken, options) => {
            await rateLimiter.acquire(signal);
            sent = true;
            return settings.oauthClient.refresh(refreshToken, options);
          },
        },
        store,
        key: entry.key,
        redirectUri: settings.redirectUri,
        cipher: settings.cipher,
        refreshTokenLifetimeSeconds: settings.refreshTokenLifetimeSeconds,
        lock: settings.lock,
        now,
      });
      // Refused like an access token an API rejected: the provider refreshes under the grant's lock,
      // unless the grant it reads there holds another access token (someone refreshed meanwhile).
      tokens.invalidate(read.grant.accessToken);
      await tokens.getToken();
      return sent ? 'refreshed' : 'skipped';
    } catch (error) {
      if (ReauthorizationRequiredError.isInstance(error)) return 'reauthorizationRequired';
      if (signal?.aborted) throw error;
      return 'failed';
    }
  }
}
