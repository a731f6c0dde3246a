// Every class records its name in a registry-wide symbol, so `isInstance()` recognises errors thrown
// by another copy of this package (two versions in node_modules), where `instanceof` fails.
const errorNames = Symbol.for('@coverlink/core.errorNames');

type ErrorClass = abstract new (...parameters: never[]) => CoverlinkError;

// The key Node's util.inspect looks up (util.inspect.custom), spelled out so that core needs no
// node:util and runs unchanged in browsers and edge runtimes.
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/** What a provider's error code, request id or OAuth error must look like to be repeated in a message. */
const safeCodePattern = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * `value` when it looks like a machine code (`071-104`, `A4001`, `invalid_grant`: letters, digits and
 * `. _ : -`, at most 64 characters), else `undefined`. Anything a provider sends is repeated in an
 * error's message or safe view only through this: free text (a name, a sentence quoting a
 * diagnosis, an e-mail address) never passes.
 */
export function safeCode(value: unknown): string | undefined {
  return typeof value === 'string' && safeCodePattern.test(value) ? value : undefined;
}

/** `value` as a property `util.inspect`, `JSON.stringify`, spreading and pino's serializer do not list. */
function defineHidden(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: true });
}

/**
 * Base of every error Coverlink raises. Its message, `hint`, `String(error)`, `JSON.stringify(error)`,
 * `util.inspect(error)`, its stack and pino's `err` serializer output never hold a secret, a token or
 * text a provider sent: messages are Coverlink's own words plus operation, status and codes that
 * pass {@link safeCode}. `util.inspect` and `toJSON` show the same safe view; whatever else an error
 * keeps (a body, headers, the provider's message) is a non-enumerable property, read on purpose.
 * A `cause`, when there is one, is held to the same rule (pino prints cause messages).
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

  /** A plain object for structured logs: the safe view, which `util.inspect` shows too. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, hint: this.hint };
  }

  /**
   * What `util.inspect` (and so `console.log`) prints: the stack, whose first line is the message,
   * then {@link toJSON}'s view. Non-enumerable properties and the cause are not walked.
   */
  [inspectCustom](_depth: number, options: unknown, inspect?: (value: unknown, options: unknown) => string): string {
    const view = this.toJSON();
    const rendered = typeof inspect === 'function' ? inspect(view, options) : JSON.stringify(view);
    return `${this.stack ?? `${this.name}: ${this.message}`} ${rendered}`;
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
  /**
   * The response body, already redacted: the parsed JSON, or for a body that is not JSON
   * `{ contentType, length }` (its media type when well-formed, and its length in UTF-8 bytes).
   */
  body: unknown;
  /** The response headers, already redacted. */
  headers: Record<string, string>;
  /** The provider's request id header, when it sends one; kept only when it passes {@link safeCode}. */
  requestId?: string | undefined;
  /** The provider's own error code from the body, e.g. OSIGU's `error_code`; kept only when it passes {@link safeCode}. */
  providerCode?: string | undefined;
  /** The provider's free-text message from the body; kept as the hidden `providerMessage`, never in the message. */
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
 *
 * The message names the provider, the operation, the status and the provider's error code, e.g.
 * `OSIGU answered 404 to POST /v1/sponsors/{sponsor_slug}/search: 071-404.`; the provider's own
 * sentence may quote a patient, so it is only on {@link providerMessage}. `body`, `headers` and
 * `providerMessage` are non-enumerable: `util.inspect`, `JSON.stringify` and pino's `err`
 * serializer show name, code, message, hint, status, operation, provider, providerCode, requestId
 * and retryAfterSeconds only.
 */
export class ApiError extends CoverlinkError {
  /** The HTTP status. */
  readonly status: number;
  /** Method and path template of the call. */
  readonly operation: string;
  /** The provider's name. */
  readonly provider: string;
  /**
   * The response body, redacted (non-enumerable): the parsed JSON, or `{ contentType, length }` for a
   * body that is not JSON, whose text is never kept.
   */
  declare readonly body: unknown;
  /** The response headers, redacted (non-enumerable). */
  declare readonly headers: Record<string, string>;
  /** The provider's free-text error message (non-enumerable). It may quote personal data: do not log it. */
  declare readonly providerMessage: string | undefined;
  /** The provider's request id, to quote to its support (only when it looks like an id). */
  readonly requestId: string | undefined;
  /** The provider's own error code, e.g. OSIGU's `071-104` (only when it looks like a code). */
  readonly providerCode: string | undefined;
  /** Seconds to wait before retrying, from `Retry-After`, when sent. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, code: string, details: ApiErrorDetails) {
    super(message, { code, hint: details.hint });
    this.status = details.status;
    this.operation = details.operation;
    this.provider = details.provider;
    defineHidden(this, 'body', details.body);
    defineHidden(this, 'headers', details.headers);
    defineHidden(this, 'providerMessage', details.providerMessage);
    this.requestId = safeCode(details.requestId);
    this.providerCode = safeCode(details.providerCode);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /**
   * The subclass for `details.status`, with a message naming provider, status, operation and the
   * provider code (when it passes {@link safeCode}); never the provider's message.
   */
  static create(details: ApiErrorDetails): ApiError {
    const providerCode = safeCode(details.providerCode);
    const message = `${details.provider} answered ${details.status} to ${details.operation}${providerCode === undefined ? '' : `: ${providerCode}`}.`;
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
 * proxy's error page, JSON cut short): there is no data to hand out. The body itself is not kept,
 * not even as a cause (it may hold anything).
 */
export class InvalidResponseError extends CoverlinkError {
  /** The HTTP status. */
  readonly status: number;
  /** Method and path template of the call. */
  readonly operation: string;
  /** The provider's name, when known. */
  readonly provider: string | undefined;

  constructor(message: string, details: { status: number; operation: string; provider?: string | undefined; hint?: string | undefined }) {
    super(message, { code: 'API_INVALID_RESPONSE', hint: details.hint });
    this.status = details.status;
    this.operation = details.operation;
    this.provider = details.provider;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, operation: this.operation, provider: this.provider };
  }
}

/**
 * Base of every failure of the wire itself, where no usable answer arrived: {@link ConnectionError},
 * {@link TimeoutError}, {@link ResponseTooLargeError} and {@link RedirectError} (as the Stainless
 * runtime has `APIConnectionError`). Catch this to handle "the provider could not be talked to".
 */
export class TransportError extends CoverlinkError {}
/** The provider could not be reached, or the connection broke before a response arrived. */
export class ConnectionError extends TransportError {}
/** An attempt took longer than the configured timeout (after any retries). */
export class TimeoutError extends TransportError {}
/** The caller aborted the request through its `AbortSignal`; never retried. Its `cause` is the caller's own abort reason. */
export class AbortError extends CoverlinkError {}

/**
 * The one place the "aborted by the caller" error is built, for API calls, token requests and the
 * waits between attempts alike.
 *
 * @param subject What was aborted, e.g. `The acme request GET /things/{id}` or `The token request`.
 * @param reason The caller's abort reason, kept as the cause (it is the caller's own value).
 */
export function abortedByCaller(subject: string, reason: unknown): AbortError {
  return new AbortError(`${subject} was aborted by the caller.`, { code: 'ABORTED', cause: reason });
}

/**
 * A response body was larger than `maxResponseBytes`; the call stopped reading there and closed the
 * connection. Endless bodies end here too. The body itself is never kept. Never retried: the same
 * request would get the same answer.
 */
export class ResponseTooLargeError extends TransportError {
  /** The limit that was exceeded, in bytes. */
  readonly limit: number;

  constructor(limit: number) {
    super(`The response body is larger than maxResponseBytes (${limit} bytes); reading stopped at the limit.`, {
      code: 'API_RESPONSE_TOO_LARGE',
      hint: 'Raise `maxResponseBytes` in the client settings if this operation really answers that much, or check that the base URL points at the API.',
    });
    this.limit = limit;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limit: this.limit };
  }
}

/**
 * The server answered an API or token request with a redirect (3xx). Redirects are never followed:
 * following would resend the request, its body and its credentials to whatever host the answer
 * names. The error names the status and, of the `Location`, only its origin (a path or query could
 * carry data); nothing was sent to it.
 */
export class RedirectError extends TransportError {
  /** The redirect status (301, 302, 303, 307, 308, …); 0 when the runtime hid it (an `opaqueredirect`). */
  readonly status: number;
  /** Method and path template of the call. */
  readonly operation: string;
  /** The provider's name. */
  readonly provider: string;
  /** The origin (`https://host:port`) the answer pointed at, when it named a valid absolute or relative URL. */
  readonly locationOrigin: string | undefined;

  constructor(details: { status: number; operation: string; provider: string; location: string | null; requestUrl: string }) {
    const locationOrigin = originOf(details.location, details.requestUrl);
    super(
      `${details.provider} answered ${details.status === 0 ? 'a redirect' : details.status} to ${details.operation}${locationOrigin === undefined ? '' : `, pointing at ${locationOrigin}`}; redirects are not followed.`,
      {
        code: 'API_REDIRECT',
        hint: 'Check the base URL (scheme, host, a missing or extra path prefix or trailing slash): the API itself does not redirect.',
      },
    );
    this.status = details.status;
    this.operation = details.operation;
    this.provider = details.provider;
    this.locationOrigin = locationOrigin;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      operation: this.operation,
      provider: this.provider,
      locationOrigin: this.locationOrigin,
    };
  }
}

function originOf(location: string | null, base: string): string | undefined {
  if (location === null) return undefined;
  try {
    const origin = new URL(location, base).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * A setting is malformed or unsafe (a base URL that is not absolute, plain `http://` to a host other
 * than this machine). Raised when the client is created, before anything is sent.
 */
export class ConfigurationError extends CoverlinkError {}

/** What was wrong with the parameter. */
export type InvalidPathParameterReason = 'missing' | 'empty' | 'dot-segment';

/**
 * A path parameter was missing, empty, or a dot segment (`.`, `..`, also percent-encoded), which
 * would send the request to another path than the operation's. Raised before anything is sent.
 * The message names the parameter and the operation, never the value.
 */
export class InvalidPathParameterError extends CoverlinkError {
  /** The parameter's name, e.g. `sponsor_slug`. */
  readonly parameter: string;
  /** Method and path template, e.g. `POST /v1/sponsors/{sponsor_slug}/search`. */
  readonly operation: string;
  /** What was wrong with it. */
  readonly reason: InvalidPathParameterReason;

  constructor(details: { parameter: string; operation: string; reason: InvalidPathParameterReason }) {
    const problem = {
      missing: 'is missing',
      empty: 'is empty',
      'dot-segment': 'is or holds a dot segment ("." or "..", also percent-encoded), which would climb the path',
    }[details.reason];
    super(`The path parameter ${details.parameter} of ${details.operation} ${problem}; the request was not sent.`, {
      code: 'INVALID_PATH_PARAMETER',
      hint: `Pass the id or slug itself in params.path.${details.parameter}, and check where the value comes from (an unset variable, unchecked input).`,
    });
    this.parameter = details.parameter;
    this.operation = details.operation;
    this.reason = details.reason;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), parameter: this.parameter, operation: this.operation, reason: this.reason };
  }
}

/**
 * A bearer token holds a character no HTTP header may carry (a line break, a control character, a
 * space, anything beyond visible ASCII). Nothing was sent; the token is not quoted.
 */
export class InvalidAccessTokenError extends CoverlinkError {}

/**
 * A client call failed with an error Coverlink did not raise itself (a bug, an unexpected runtime
 * error). Its message names the provider, the operation and only the original error's class: the
 * original message may quote a body or a header value, so it is neither kept nor made the cause.
 */
export class UnexpectedError extends CoverlinkError {
  /** The provider's name. */
  readonly provider: string;
  /** Method and path template of the call. */
  readonly operation: string;
  /** The class name of the original error, e.g. `TypeError`. */
  readonly originalName: string;

  constructor(details: { provider: string; operation: string; original: unknown }) {
    const originalName = safeCode(errorClassName(details.original)) ?? 'unknown';
    super(`The ${details.provider} call ${details.operation} failed unexpectedly (${originalName}).`, {
      code: 'UNEXPECTED_ERROR',
      hint: 'This is likely a bug in Coverlink or in a middleware or fetch passed to it: please report it with the operation and the error class.',
    });
    this.provider = details.provider;
    this.operation = details.operation;
    this.originalName = originalName;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), provider: this.provider, operation: this.operation, originalName: this.originalName };
  }
}

function errorClassName(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return typeof value;
  const constructorName = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof constructorName === 'string' ? constructorName : undefined;
}

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
