import type { StoredGrant } from './token-store.js';

/**
 * Where a grant sits in a store's refresh-expiry index: its `refreshTokenExpiresAt`, or undefined
 * for a grant the index leaves out (dead, without a refresh token, or of unknown refresh lifetime),
 * which `refreshExpiringGrants` has nothing to do for.
 */
export function indexedExpiry(grant: StoredGrant): number | undefined {
  if (grant.status !== 'active' || grant.refreshToken === undefined) return undefined;
  const expiresAt = grant.refreshTokenExpiresAt;
  return typeof expiresAt === 'number' && Number.isFinite(expiresAt) ? expiresAt : undefined;
}
