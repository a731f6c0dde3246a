const osiguErrorMarker = Symbol.for('@coverlink/osigu.OsiguError');

/** Stable codes of the errors this package raises. Match on these, not on messages. */
export const OsiguErrorCode = {
  /** OSIGU answered with an HTTP error; see {@link OsiguApiError.status} and `errorCode`. */
  api: 'OSIGU_API_ERROR',
  /** The pre-authorization flow could not finish (e.g. the sponsor did not take the indication). */
  preauthorization: 'OSIGU_PREAUTHORIZATION_FAILED',
  /** The `X-Osigu-Signature` header is missing or not of the form `t=<unix>,v1=<hex>[,v1=<hex>]`. */
  webhookSignatureMalformed: 'OSIGU_WEBHOOK_SIGNATURE_MALFORMED',
  /** No `v1` signature matches any of the configured secrets: wrong secret or tampered body. */
  webhookSignatureMismatch: 'OSIGU_WEBHOOK_SIGNATURE_MISMATCH',
  /** The signature's timestamp is further from now than the tolerance: a replay or a skewed clock. */
  webhookTimestampOutOfTolerance: 'OSIGU_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
  /** The signed body is not a webhook event envelope. */
  webhookPayloadInvalid: 'OSIGU_WEBHOOK_PAYLOAD_INVALID',
} as const;

/** One of the {@link OsiguErrorCode} values. */
export type OsiguErrorCode = (typeof OsiguErrorCode)[keyof typeof OsiguErrorCode];

/**
 * Base of every error this package raises. Its message and `hint` hold our own wording, the HTTP
 * status and OSIGU's error code, never a token or a secret.
 */
export class OsiguError extends Error {
  /** The stable error code, one of {@link OsiguErrorCode}. */
  readonly code: OsiguErrorCode;
  /** What to do about it. */
  readonly hint: string | undefined;
  readonly [osiguErrorMarker] = true;

  constructor(message: string, code: OsiguErrorCode, hint?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OsiguError';
    this.code = code;
    this.hint = hint;
  }

  /** True for any error of this package, including one thrown by another copy of it. */
  static isInstance(value: unknown): value is OsiguError {
    return typeof value === 'object' && value !== null && osiguErrorMarker in value;
  }

  /** A plain object for structured logs. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, hint: this.hint };
  }
}

/** OSIGU's error body: `{error_code, message, additional_information}`. */
export interface OsiguErrorBody {
  error_code?: string;
  message?: string;
  additional_information?: Record<string, unknown>;
}

/**
 * OSIGU answered a call with an HTTP error. `hint` is taken from OSIGU's troubleshooting table for the
 * status and operation.
 */
export class OsiguApiError extends OsiguError {
  /** The HTTP status. */
  readonly status: number;
  /** OSIGU's `error_code`, e.g. `071-104`, when the body had one. */
  readonly errorCode: string | undefined;
  /** The operation, as method and path template, e.g. `POST /v1/sponsors/{sponsor_slug}/search`. */
  readonly operation: string;
  /** OSIGU's `additional_information`, when the body had one. */
  readonly additionalInformation: Record<string, unknown> | undefined;
  /** Seconds to wait before retrying, from `Retry-After`, on a 429. */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: { status: number; operation: string; body: unknown; retryAfterSeconds?: number | undefined }) {
    const body = isErrorBody(options.body) ? options.body : {};
    const detail = [body.error_code, body.message].filter(Boolean).join(' ');
    super(
      `OSIGU answered ${options.status} to ${options.operation}${detail ? `: ${detail}` : ''}.`,
      OsiguErrorCode.api,
      hintFor(options.status, options.operation, options.retryAfterSeconds),
    );
    this.name = 'OsiguApiError';
    this.status = options.status;
    this.operation = options.operation;
    this.errorCode = body.error_code;
    this.additionalInformation = body.additional_information;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, operation: this.operation, errorCode: this.errorCode };
  }
}

function isErrorBody(value: unknown): value is OsiguErrorBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hintFor(status: number, operation: string, retryAfterSeconds: number | undefined): string | undefined {
  if (status === 401) {
    return 'Wrong client_id/client_secret, or the token URL and base URL are of different environments (sandbox vs production).';
  }
  if (status === 403) return 'Your provider is not affiliated with that sponsor. Confirm the affiliation with OSIGU support.';
  if (status === 404 && operation.endsWith('/search')) {
    return "The beneficiary is not in the sponsor's directory, or their coverage is inactive.";
  }
  if (status === 404) return 'Nothing exists at that id; check the identifier you passed.';
  if (status === 422) {
    return 'A field the sponsor requires is missing or invalid. getSponsorConfiguration (GET /arc/v1/sponsors/{sponsor_slug}/configuration) lists what it requires.';
  }
  if (status === 429) {
    return `OSIGU rate-limited this client; slow down${retryAfterSeconds === undefined ? '' : ` and retry after ${retryAfterSeconds} s`}.`;
  }
  if (status >= 500) {
    return 'OSIGU failed on its side; retry later. If it persists, email support@osigu.com with the authorization_request_id.';
  }
  return undefined;
}

/** The pre-authorization flow stopped in a state it cannot finish from. */
export class OsiguPreauthorizationError extends OsiguError {
  /** The request that could not finish; quote it to OSIGU support. */
  readonly authorizationRequestId: string;
  /** The status the request was left in. */
  readonly requestStatus: string;

  constructor(message: string, hint: string, authorizationRequestId: string, requestStatus: string) {
    super(message, OsiguErrorCode.preauthorization, hint);
    this.name = 'OsiguPreauthorizationError';
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
    super(message, code, hint);
    this.name = 'OsiguWebhookError';
  }
}
