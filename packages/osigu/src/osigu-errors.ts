import { type ApiError, CoverlinkError, providerApiError } from '@coverlink/core';

/** Stable codes of the errors this package raises itself (HTTP errors are `@coverlink/core`'s). */
export const OsiguErrorCode = {
  /** The pre-authorization flow could not finish (e.g. the sponsor did not take the indication). */
  preauthorization: 'OSIGU_PREAUTHORIZATION_FAILED',
  // Dispensing, claims and widgets (osigu-dispensing.ts, osigu-claims.ts, osigu-widgets.ts).
  /** The beneficiary's OTP does not match; `remainingAttempts` says how many codes may still be tried. */
  otpInvalid: 'OSIGU_OTP_INVALID',
  /** Every attempt of this OTP was used: send a new one (`resendDispensingOtp`). */
  otpAttemptsExhausted: 'OSIGU_OTP_ATTEMPTS_EXHAUSTED',
  /** The OTP expired before it was validated: send a new one (`resendDispensingOtp`). */
  otpExpired: 'OSIGU_OTP_EXPIRED',
  /** The sponsor requires an OTP and none was passed; nothing was sent. */
  otpRequired: 'OSIGU_OTP_REQUIRED',
  /** The sponsor requires a verification this API cannot carry (biometric). */
  dispensingVerificationUnsupported: 'OSIGU_DISPENSING_VERIFICATION_UNSUPPORTED',
  /** The dispensing state passed is not one `startDispensing` returned; nothing was sent. */
  dispensingStateInvalid: 'OSIGU_DISPENSING_STATE_INVALID',
  /** A submitted claim ended in a status that will not be paid (EXPIRED, CANCELED, VOIDED, ERROR, FAILED). */
  claimNotSettled: 'OSIGU_CLAIM_NOT_SETTLED',
  /** A submitted claim was still being processed when the wait ended. */
  claimSettlementTimeout: 'OSIGU_CLAIM_SETTLEMENT_TIMEOUT',
  /** A widget loader version is not of the form `v1` or `v1.2.0`; no URL was built. */
  widgetVersionInvalid: 'OSIGU_WIDGET_VERSION_INVALID',
  /** The `X-Osigu-Signature` header is missing or not of the form `t=<unix>,v1=<hex>[,v1=<hex>]`. */
  webhookSignatureMalformed: 'OSIGU_WEBHOOK_SIGNATURE_MALFORMED',
  /** No `v1` signature matches any of the configured secrets: wrong secret or tampered body. */
  webhookSignatureMismatch: 'OSIGU_WEBHOOK_SIGNATURE_MISMATCH',
  /** The signature's timestamp is further from now than the tolerance: a replay or a skewed clock. */
  webhookTimestampOutOfTolerance: 'OSIGU_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
  /** The signed body is not a webhook event envelope. */
  webhookPayloadInvalid: 'OSIGU_WEBHOOK_PAYLOAD_INVALID',
  /**
   * The body passed is not the raw body (a string, Buffer or Uint8Array) but, for instance, the
   * object a JSON body parser made of it: a bug in the receiving route, not a bad delivery.
   */
  webhookBodyNotRaw: 'OSIGU_WEBHOOK_BODY_NOT_RAW',
} as const;

/** One of the {@link OsiguErrorCode} values. */
export type OsiguErrorCode = (typeof OsiguErrorCode)[keyof typeof OsiguErrorCode];

/**
 * An HTTP error from OSIGU: one of `@coverlink/core`'s status classes (`NotFoundError`,
 * `PermissionDeniedError`, …) with `provider` OSIGU, OSIGU's `error_code` as `providerCode`, and a
 * `hint` from OSIGU's troubleshooting table.
 */
export type OsiguApiError = ApiError & { provider: 'OSIGU' };

/** Recognises a {@link OsiguApiError}, from any copy of the package. */
export const OsiguApiError = providerApiError('OSIGU');

/** Base of the errors this package raises itself. */
export class OsiguError extends CoverlinkError {
  declare readonly code: OsiguErrorCode;
}

/** The pre-authorization flow stopped in a state it cannot finish from. */
export class OsiguPreauthorizationError extends OsiguError {
  /** The request that could not finish; quote it to OSIGU support. */
  readonly authorizationRequestId: string;
  /** The status the request was left in. */
  readonly requestStatus: string;

  constructor(message: string, hint: string, authorizationRequestId: string, requestStatus: string) {
    super(message, { code: OsiguErrorCode.preauthorization, hint });
    this.authorizationRequestId = authorizationRequestId;
    this.requestStatus = requestStatus;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), authorizationRequestId: this.authorizationRequestId, requestStatus: this.requestStatus };
  }
}

/** A webhook delivery failed verification; answer it with HTTP 401 and do not act on it. */
export class OsiguWebhookError extends OsiguError {
  constructor(message: string, code: OsiguErrorCode, hint?: string) {
    super(message, { code, hint });
  }
}
