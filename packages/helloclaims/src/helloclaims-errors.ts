import { type ApiError, providerApiError } from '@coverlink/core';

/**
 * An HTTP error from the Hello Claims API: one of `@coverlink/core`'s status classes with `provider`
 * Hello Claims and a `hint`. Token and consent failures are `@coverlink/auth` errors
 * (`ReauthorizationRequiredError`, `AuthorizationStateError`, …).
 */
export type HelloClaimsApiError = ApiError & { provider: 'Hello Claims' };

/** Recognises a {@link HelloClaimsApiError}, from any copy of the package. */
export const HelloClaimsApiError = providerApiError('Hello Claims');
