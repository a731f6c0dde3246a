export { AuthError, AuthErrorCode, type AuthErrorOptions, AuthRateLimitedError } from './auth-errors.js';
export type { ClientAuthenticationMethod } from './client-authentication.js';
export { type ClientCredentialsSettings, createClientCredentialsTokenProvider } from './client-credentials.js';
export { isLoopbackHost, parseSecureUrl } from './secure-url.js';
