// The interface every token source here implements, re-exported for convenience.
export type { TokenProvider } from '@coverlink/core';
export {
  AuthError,
  AuthErrorCode,
  type AuthErrorOptions,
  AuthorizationDeniedError,
  AuthorizationIssuerError,
  AuthorizationStateError,
  AuthRateLimitedError,
  ReauthorizationRequiredError,
} from './auth-errors.js';
export {
  type AuthorizationCodeClient,
  type AuthorizationCodeSettings,
  type AuthorizationRequestParameters,
  createAuthorizationCodeClient,
  type PendingAuthorization,
  type ReceivedTokens,
  type ReservedAuthorizationParameter,
  reservedAuthorizationParameters,
} from './authorization-code.js';
export {
  type AuthorizationServerDiscoverySettings,
  type DiscoveredAuthorizationServer,
  discoverAuthorizationServer,
} from './authorization-server-discovery.js';
export { type ClientAuthenticationMethod, clientAuthenticationMethods } from './client-authentication.js';
export {
  type ClientCredentialsRequestOptions,
  type ClientCredentialsSettings,
  type ClientCredentialsTokenRequest,
  createClientCredentialsTokenProvider,
  createClientCredentialsTokenRequest,
} from './client-credentials.js';
export { MemoryTokenStore } from './memory-token-store.js';
export { MemoryRateLimiter, type RateLimit, type RateLimiter } from './rate-limiter.js';
export { type RefreshExpiringGrantsResult, type RefreshExpiringGrantsSettings, refreshExpiringGrants } from './refresh-expiring-grants.js';
export { type CipherKey, createRefreshTokenCipher, type RefreshTokenCipher } from './refresh-token-cipher.js';
export { isLoopbackHost, parseSecureUrl } from './secure-url.js';
export { type SharedTransportSettings, type TokenEndpointSettings, tokenRequestTransport } from './token-endpoint.js';
export type { TokenSet } from './token-response.js';
export {
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
export { createUserTokenProvider, storeGrant, type UserTokenProviderSettings } from './user-token-provider.js';
