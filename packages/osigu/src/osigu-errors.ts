import { type ApiError, CoverlinkError, providerApiError, safeCode } from '@coverlink/core';

/** Stable codes of the errors this package raises itself (HTTP errors are `@coverlink/core`'s). */
export const OsiguErrorCode = {
  /** The pre-authorization flow could not finish (e.g. the sponsor did not take the indication). */
  preauthorization: 'OSIGU_PREAUTHORIZATION_FAILED',
  /**
   * The request lacks what the sponsor's configuration or document policy requires (a field, an
   * accepted `authorization_type`, an indication file type, content type or size): nothing was sent.
   */
  preauthorizationIncomplete: 'OSIGU_PREAUTHORIZATION_INCOMPLETE',
  /** `awaitDecision` gave up after its `timeoutMs`; the request stays pending, and `reconcilePending()` still resolves it. */
  decisionTimeout: 'OSIGU_DECISION_TIMEOUT',
  /** The decision tracker was stopped while `awaitDecision` waited; the request stays pending for `reconcilePending()`. */
  decisionTrackerStopped: 'OSIGU_DECISION_TRACKER_STOPPED',
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

/** What {@link OsiguPreauthorizationIncompleteError} found missing or not accepted: names and types, never values. */
export interface OsiguPreauthorizationShortfall {
  /** `createAuthorizationRequest` body fields the sponsor requires that the request does not carry, e.g. `professional_license_number`. */
  missingFields: string[];
  /** The `authorization_type`s the sponsor accepts, when the request's is not one of them; else empty. */
  acceptedAuthorizationTypes: string[];
  /** Indication file types the sponsor requires that no attached indication has, e.g. `PRESCRIPTION`. */
  missingFileTypes: string[];
  /** The content types the sponsor accepts, when an indication's is not one of them; else empty. */
  acceptedContentTypes: string[];
  /** The sponsor's largest accepted file in bytes, when an indication is larger; else undefined. */
  maxFileSizeBytes: number | undefined;
}

/**
 * `preauthorize` refused a request before sending it: the sponsor's configuration or document
 * policy requires something it lacks. No authorization request was created, so none is left
 * waiting in `PENDING_INDICATION`. Carries field names and types only, never the request's values.
 */
export class OsiguPreauthorizationIncompleteError extends OsiguError implements OsiguPreauthorizationShortfall {
  /** The sponsor whose rules the request does not meet. */
  readonly sponsorSlug: string;
  readonly missingFields: string[];
  readonly acceptedAuthorizationTypes: string[];
  readonly missingFileTypes: string[];
  readonly acceptedContentTypes: string[];
  readonly maxFileSizeBytes: number | undefined;

  constructor(sponsorSlug: string, shortfall: OsiguPreauthorizationShortfall) {
    const problems = [
      shortfall.missingFields.length > 0 ? `missing fields ${shortfall.missingFields.join(', ')}` : undefined,
      shortfall.acceptedAuthorizationTypes.length > 0
        ? `authorization_type must be one of ${shortfall.acceptedAuthorizationTypes.join(', ')}`
        : undefined,
      shortfall.missingFileTypes.length > 0 ? `missing indication file types ${shortfall.missingFileTypes.join(', ')}` : undefined,
      shortfall.acceptedContentTypes.length > 0
        ? `indication content type must be one of ${shortfall.acceptedContentTypes.join(', ')}`
        : undefined,
      shortfall.maxFileSizeBytes === undefined ? undefined : `an indication exceeds ${shortfall.maxFileSizeBytes} bytes`,
    ].filter((problem) => problem !== undefined);
    super(`The authorization request does not meet the rules of sponsor ${safeCode(sponsorSlug) ?? '(unnamed)'}: ${problems.join('; ')}.`, {
      code: OsiguErrorCode.preauthorizationIncomplete,
      hint: 'Nothing was sent. Add what is named (field names are the createAuthorizationRequest body names; preauthorize takes them in camelCase) and call again; getSponsorConfiguration and getAuthorizationDocumentPolicy list the rules.',
    });
    this.sponsorSlug = sponsorSlug;
    this.missingFields = shortfall.missingFields;
    this.acceptedAuthorizationTypes = shortfall.acceptedAuthorizationTypes;
    this.missingFileTypes = shortfall.missingFileTypes;
    this.acceptedContentTypes = shortfall.acceptedContentTypes;
    this.maxFileSizeBytes = shortfall.maxFileSizeBytes;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      sponsorSlug: this.sponsorSlug,
      missingFields: this.missingFields,
      acceptedAuthorizationTypes: this.acceptedAuthorizationTypes,
      missingFileTypes: this.missingFileTypes,
      acceptedContentTypes: this.acceptedContentTypes,
      maxFileSizeBytes: this.maxFileSizeBytes,
    };
  }
}

/** `awaitDecision` stopped waiting before the sponsor decided; the request is still in the pending-decisions store. */
export class OsiguDecisionPendingError extends OsiguError {
  /** The request still waiting; `reconcilePending()` resolves it later. */
  readonly authorizationRequestId: string;

  constructor(message: string, code: OsiguErrorCode, authorizationRequestId: string) {
    super(message, {
      code,
      hint: 'The request is still pending and kept in the pending-decisions store: run reconcilePending() on a schedule (or subscribe to authorization.* webhooks) and handle the decision in onDecision.',
    });
    this.authorizationRequestId = authorizationRequestId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), authorizationRequestId: this.authorizationRequestId };
  }
}

/** A webhook delivery failed verification; answer it with HTTP 401 and do not act on it. */
export class OsiguWebhookError extends OsiguError {
  constructor(message: string, code: OsiguErrorCode, hint?: string) {
    super(message, { code, hint });
  }
}
