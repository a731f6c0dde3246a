import { CoverlinkError } from '@coverlink/core';

/**
 * Stable codes carried by every {@link AuthError}. Match on these, not on messages: messages may be
 * reworded, codes never change within a major version.
 */
export const AuthErrorCode = {
  /** The token endpoint rejected the client id or secret, or the URL belongs to another environment. */
  invalidClient: 'AUTH_INVALID_CLIENT',
  /** The token endpoint answered with another OAuth error (`invalid_scope`, `unauthorized_client`, …). */
  grantRejected: 'AUTH_GRANT_REJECTED',
  /** The token endpoint rate-limited this client (HTTP 429). */
  rateLimited: 'AUTH_RATE_LIMITED',
  /** The token endpoint failed on its side (HTTP 5xx). */
  serverError: 'AUTH_SERVER_ERROR',
  /** The token endpoint answered 2xx, but not with a usable token response. */
  invalidResponse: 'AUTH_INVALID_RESPONSE',
  /** The token endpoint could not be reached (DNS, refused connection, reset, abort). */
  requestFailed: 'AUTH_REQUEST_FAILED',
  /** The configuration is unusable, e.g. an `http://` URL that is not a loopback address. */
  invalidConfiguration: 'AUTH_INVALID_CONFIGURATION',
} as const;

/** One of the {@link AuthErrorCode} values. */
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

/** What an {@link AuthError} is built from. Deliberately has no place for secrets or tokens. */
export interface AuthErrorOptions {
  /** The stable error code. */
  code: AuthErrorCode;
  /** What to do about it, written for the developer reading the log. */
  hint?: string | undefined;
  /** The HTTP status of the token endpoint's answer, when there was one. */
  status?: number | undefined;
  /** The OAuth `error` value from the token endpoint's body, when there was one. */
  oauthError?: string | undefined;
  /** The underlying error, already stripped of anything secret. */
  cause?: unknown;
}

/**
 * An error raised while obtaining a token. Its message, `hint`, `String(error)`,
 * `JSON.stringify(error)` and `util.inspect(error)` never contain the client secret or a token:
 * only the code, the HTTP status, the OAuth error code and our own wording are kept.
 */
export class AuthError extends CoverlinkError {
  /** The stable error code, one of {@link AuthErrorCode}. */
  declare readonly code: AuthErrorCode;
  /** HTTP status of the token endpoint's answer, if any. */
  readonly status: number | undefined;
  /** OAuth `error` code from the token endpoint, if any. */
  readonly oauthError: string | undefined;

  constructor(message: string, options: AuthErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.oauthError = options.oauthError;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, oauthError: this.oauthError };
  }
}

/** The token endpoint rate-limited this client; wait {@link retryAfterSeconds} before the next try. */
export class AuthRateLimitedError extends AuthError {
  /** Seconds to wait, from the `Retry-After` header, when the endpoint sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, options: Omit<AuthErrorOptions, 'code'> & { retryAfterSeconds?: number | undefined }) {
    super(message, { ...options, code: AuthErrorCode.rateLimited });
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterSeconds: this.retryAfterSeconds };
  }
}
