// Every class records its name in a registry-wide symbol, so `isInstance()` recognises errors thrown
// by another copy of this package (two versions in node_modules), where `instanceof` fails.
const errorNames = Symbol.for('@coverlink/core.errorNames');

type ErrorClass = abstract new (...parameters: never[]) => CoverlinkError;

/**
 * Base of every error Coverlink raises. Its message, `hint`, `String(error)`, `JSON.stringify(error)`
 * and `util.inspect(error)` never hold a secret, a token or a listed personal field.
 */
export class CoverlinkError extends Error {
  /** Stable, machine-readable code, e.g. `API_NOT_FOUND` or `AUTH_INVALID_CLIENT`. */
  readonly code: string;
  /** What to do about it, for the developer reading the log. */
  readonly hint: string | undefined;
  readonly [errorNames]: readonly string[];

  constructor(message: string, options: { code: string; hint?: string | undefined; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.hint = options.hint;
    const names: string[] = [];
    for (
      let prototype = Object.getPrototypeOf(this);
      prototype !== Error.prototype && prototype !== null;
      prototype = Object.getPrototypeOf(prototype)
    ) {
      names.push(prototype.constructor.name);
    }
    this.name = names[0] ?? 'CoverlinkError';
    this[errorNames] = names;
  }

  /** True when `value` is an error of this class (or a subclass), from any copy of the package. */
  static isInstance<T extends ErrorClass>(this: T, value: unknown): value is InstanceType<T> {
    const names = (value as { [errorNames]?: unknown } | null | undefined)?.[errorNames];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass isInstance is called on, which is the point.
    return Array.isArray(names) && names.includes(this.name);
  }

  /** A plain object for structured logs. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, hint: this.hint };
  }
}

/** What {@link ApiError.create} builds an error from. */
export interface ApiErrorDetails {
  /** The HTTP status. */
  status: number;
  /** Method and path template, e.g. `POST /v1/sponsors/{sponsor_slug}/search`. */
  operation: string;
  /** The provider's name, e.g. `osigu`. */
  provider: string;
  /** The parsed response body, already redacted. */
  body: unknown;
  /** The response headers, already redacted. */
  headers: Record<string, string>;
  /** The provider's request id header, when it sends one. */
  requestId?: string | undefined;
  /** The provider's own error code from the body, e.g. OSIGU's `error_code`. */
  providerCode?: string | undefined;
  /** The provider's message from the body. */
  providerMessage?: string | undefined;
  /** Seconds to wait before retrying, from `Retry-After`. */
  retryAfterSeconds?: number | undefined;
  /** What to do about it. */
  hint?: string | undefined;
}

/**
 * The provider answered with an HTTP error. Subclasses by status: {@link BadRequestError} (400),
 * {@link AuthenticationError} (401), {@link PermissionDeniedError} (403), {@link NotFoundError} (404),
 * {@link ConflictError} (409), {@link UnprocessableEntityError} (422), {@link RateLimitError} (429),
 * {@link ServerError} (5xx); other statuses are plain `ApiError`s.
 */
export class ApiError extends CoverlinkError {
  /** The HTTP status. */
  readonly status: number;
  /** Method and path template of the call. */
  readonly operation: string;
  /** The provider's name. */
  readonly provider: string;
  /** The parsed response body, with secrets and listed personal fields replaced by `[redacted]`. */
  readonly body: unknown;
  /** The response headers, with secrets redacted. */
  readonly headers: Record<string, string>;
  /** The provider's request id, to quote to its support. */
  readonly requestId: string | undefined;
  /** The provider's own error code, e.g. OSIGU's `071-104`. */
  readonly providerCode: string | undefined;
  /** Seconds to wait before retrying, from `Retry-After`, when sent. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, code: string, details: ApiErrorDetails) {
    super(message, { code, hint: details.hint });
    this.status = details.status;
    this.operation = details.operation;
    this.provider = details.provider;
    this.body = details.body;
    this.headers = details.headers;
    this.requestId = details.requestId;
    this.providerCode = details.providerCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** The subclass for `details.status`, with a message naming provider, status, operation and provider code. */
  static create(details: ApiErrorDetails): ApiError {
    const detail = [details.providerCode, details.providerMessage].filter(Boolean).join(' ');
    const sentence = `${details.provider} answered ${details.status} to ${details.operation}${detail ? `: ${detail}` : ''}`;
    // Provider messages usually end a sentence already: no `Not found..`.
    const message = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
    const [ErrorClass, code] =
      statusClasses.get(details.status) ?? (details.status >= 500 ? [ServerError, 'API_SERVER_ERROR'] : [ApiError, 'API_ERROR']);
    return new ErrorClass(message, code, details);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      operation: this.operation,
      provider: this.provider,
      providerCode: this.providerCode,
      requestId: this.requestId,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

/** HTTP 400: the request is malformed. */
export class BadRequestError extends ApiError {}
/** HTTP 401: the token or credentials were refused (after one fresh-token retry). */
export class AuthenticationError extends ApiError {}
/** HTTP 403: the credentials are valid but not allowed this. */
export class PermissionDeniedError extends ApiError {}
/** HTTP 404: nothing at that id. */
export class NotFoundError extends ApiError {}
/** HTTP 409: the request conflicts with the resource's state. */
export class ConflictError extends ApiError {}
/** HTTP 422: the request is well-formed but fails the provider's validation. */
export class UnprocessableEntityError extends ApiError {}
/** HTTP 429: rate-limited; wait `retryAfterSeconds` when given. */
export class RateLimitError extends ApiError {}
/** HTTP 5xx: the provider failed on its side. */
export class ServerError extends ApiError {}

const statusClasses = new Map<number, [typeof ApiError, string]>([
  [400, [BadRequestError, 'API_BAD_REQUEST']],
  [401, [AuthenticationError, 'API_AUTHENTICATION']],
  [403, [PermissionDeniedError, 'API_PERMISSION_DENIED']],
  [404, [NotFoundError, 'API_NOT_FOUND']],
  [409, [ConflictError, 'API_CONFLICT']],
  [422, [UnprocessableEntityError, 'API_UNPROCESSABLE_ENTITY']],
  [429, [RateLimitError, 'API_RATE_LIMITED']],
]);

/**
 * The provider answered a success status with a body that is not JSON (an HTML maintenance page, a
 * proxy's error page): there is no data to hand out. The body itself is not kept (it may hold anything).
 */
export class InvalidResponseError extends CoverlinkError {
  /** The HTTP status. */
  readonly status: number;
  /** Method and path template of the call. */
  readonly operation: string;

  constructor(message: string, details: { status: number; operation: string; hint?: string | undefined }) {
    super(message, { code: 'API_INVALID_RESPONSE', hint: details.hint });
    this.status = details.status;
    this.operation = details.operation;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, operation: this.operation };
  }
}

/** The provider could not be reached, or the connection broke before a response arrived. */
export class ConnectionError extends CoverlinkError {}
/** An attempt took longer than the configured timeout (after any retries). */
export class TimeoutError extends CoverlinkError {}
/** The caller aborted the request through its `AbortSignal`; never retried. */
export class AbortError extends CoverlinkError {}

/**
 * The `isInstance()` guard of one provider's HTTP errors: an {@link ApiError} (of any status class)
 * whose `provider` is `provider`. Each provider package exports one as `<Provider>ApiError`.
 *
 * @example
 * ```ts
 * export const OsiguApiError = providerApiError('OSIGU');
 * if (OsiguApiError.isInstance(error)) console.log(error.providerCode);
 * ```
 */
export function providerApiError<Provider extends string>(
  provider: Provider,
): { isInstance(value: unknown): value is ApiError & { provider: Provider } } {
  return {
    isInstance(value: unknown): value is ApiError & { provider: Provider } {
      return ApiError.isInstance(value) && value.provider === provider;
    },
  };
}
