import { type ApiError, CoverlinkError, providerApiError } from '@coverlink/core';

/** Stable codes of the errors this package raises itself (HTTP errors are `@coverlink/core`'s). */
export const OneAssureErrorCode = {
  /** A list query breaks OneAssure's rules (session_id or a date range of at most 7 days); nothing was sent. */
  invalidListQuery: 'ONEASSURE_INVALID_LIST_QUERY',
  /** An embedded quote or proposal input breaks OneAssure's documented format (date of birth, term, members); nothing was sent. */
  invalidEmbeddedRequest: 'ONEASSURE_INVALID_EMBEDDED_REQUEST',
  /** A redirect could not be built (the journey URL is not https); no token was minted. A missing user id is `@coverlink/auth`'s `AUTH_INVALID_CONFIGURATION`. */
  invalidRedirect: 'ONEASSURE_INVALID_REDIRECT',
  /** A webhook body is not a OneAssure event. */
  webhookPayloadInvalid: 'ONEASSURE_WEBHOOK_PAYLOAD_INVALID',
  /** Your verification hook refused the delivery. */
  webhookRejected: 'ONEASSURE_WEBHOOK_REJECTED',
  /** `parseOneAssureWebhook` was called without a `verify` hook (and without `dangerouslySkipVerification: true`); nothing was parsed. */
  webhookVerificationMissing: 'ONEASSURE_WEBHOOK_VERIFICATION_MISSING',
} as const;

/** One of the {@link OneAssureErrorCode} values. */
export type OneAssureErrorCode = (typeof OneAssureErrorCode)[keyof typeof OneAssureErrorCode];

/**
 * An HTTP error from OneAssure: one of `@coverlink/core`'s status classes with `provider` OneAssure,
 * the problem `type` (`A4001`, `A4290`, `E5000`) as `providerCode` and a `hint`.
 */
export type OneAssureApiError = ApiError & { provider: 'OneAssure' };

/** Recognises a {@link OneAssureApiError}, from any copy of the package. */
export const OneAssureApiError = providerApiError('OneAssure');

/** Base of the errors this package raises itself. */
export class OneAssureError extends CoverlinkError {
  declare readonly code: OneAssureErrorCode;

  constructor(message: string, code: OneAssureErrorCode, hint?: string) {
    super(message, { code, hint });
  }
}
