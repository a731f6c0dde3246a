import { CoverlinkError, safeCode } from '@coverlink/core';

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
  /**
   * A value passed to a method is unusable (an empty refresh token, a pending authorization without
   * its verifier, an authorization parameter the flow sets itself). Nothing was sent.
   */
  invalidArgument: 'AUTH_INVALID_ARGUMENT',
  /**
   * The callback's `iss` (RFC 9207) is not the configured `issuer`, or is missing although the server
   * advertises it: the answer may come from another authorization server (a mix-up attack) or the
   * `issuer` setting is wrong. Checked before anything else in the callback, `?error=` included;
   * nothing was sent to the token endpoint.
   */
  issuerMismatch: 'AUTH_ISSUER_MISMATCH',
  /**
   * The token endpoint's answer carried an ID token that failed validation (issuer, audience, nonce,
   * expiry, signing algorithm). The code was used up; the tokens of that answer were discarded and
   * nothing was stored: start the authorization again once the cause is fixed.
   */
  idTokenInvalid: 'AUTH_ID_TOKEN_INVALID',
  /** The authorization server's metadata is missing, names another issuer, or lacks an endpoint. */
  discoveryFailed: 'AUTH_DISCOVERY_FAILED',
  /** The callback's `state` is missing or not the one this login started with: a possible CSRF. */
  stateMismatch: 'AUTH_STATE_MISMATCH',
  /**
   * The authorization callback (with the right `state`) cannot be exchanged: it carries no `code`,
   * or `code` or `state` more than once, or parameters of a flow this client does not use.
   * Nothing was sent to the token endpoint.
   */
  invalidCallback: 'AUTH_INVALID_CALLBACK',
  /** The authorization server sent the user back with `?error=` (the user denied, or the request was refused). */
  authorizationDenied: 'AUTH_AUTHORIZATION_DENIED',
  /** The authorization code was refused: expired (codes live seconds), already used, or for another redirect URI. */
  authorizationCodeRejected: 'AUTH_AUTHORIZATION_CODE_REJECTED',
  /** The stored grant can no longer be refreshed (`invalid_grant`, or none stored): the user must connect again. */
  reauthorizationRequired: 'AUTH_REAUTHORIZATION_REQUIRED',
  /** The token store could not be reached or did not answer in time. */
  storeUnavailable: 'AUTH_STORE_UNAVAILABLE',
  /** Another process held the refresh lock for longer than the wait allows. */
  lockTimeout: 'AUTH_LOCK_TIMEOUT',
  /** A stored refresh token could not be decrypted (unknown key id or tampered data). */
  decryptionFailed: 'AUTH_DECRYPTION_FAILED',
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
  /** The OAuth `error` value from the token endpoint's body, when there was one; kept only when code-shaped (`safeCode`). */
  oauthError?: string | undefined;
  /** The server's `error_description`, when it sent one; kept as the hidden `providerMessage`, never in the message. */
  providerMessage?: string | undefined;
  /** The underlying error, already stripped of anything secret or sent by the provider. */
  cause?: unknown;
}

/**
 * An error raised while obtaining a token. Its message, `hint`, `String(error)`,
 * `JSON.stringify(error)`, `util.inspect(error)` and pino's `err` serializer output never contain the
 * client secret, a token or the endpoint's free text (`error_description`, a problem's `title`):
 * only the code, the HTTP status, a code-shaped OAuth error code and our own wording are kept.
 */
export class AuthError extends CoverlinkError {
  /** The stable error code, one of {@link AuthErrorCode}. */
  declare readonly code: AuthErrorCode;
  /** HTTP status of the token endpoint's answer, if any. */
  readonly status: number | undefined;
  /** OAuth `error` code from the token endpoint, if any. */
  readonly oauthError: string | undefined;
  /**
   * The server's `error_description` (from the token endpoint's answer or the callback), if any:
   * free text that may quote personal data, or a forger's words in a callback URL. Non-enumerable,
   * as core's `ApiError.providerMessage`: the message, `toJSON`, `util.inspect` and loggers leave it
   * out. Read it on purpose (to show the user, or while debugging); do not log it.
   */
  declare readonly providerMessage: string | undefined;

  constructor(message: string, options: AuthErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.oauthError = safeCode(options.oauthError);
    Object.defineProperty(this, 'providerMessage', {
      value: options.providerMessage,
      enumerable: false,
      writable: false,
      configurable: true,
    });
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

/**
 * The callback's `state` is missing or differs from the one stored when the login started: the
 * callback may be forged (CSRF). Do not exchange its code; start the login again.
 */
export class AuthorizationStateError extends AuthError {
  constructor(message: string) {
    super(message, {
      code: AuthErrorCode.stateMismatch,
      hint: 'Start the authorization again from your app; if it keeps happening, check the pending state is kept per user session.',
    });
  }
}

/**
 * The user (or the authorization server) refused the authorization: the callback carried `?error=`
 * (after its `iss` and `state` were checked). The message names the `error` code when it is
 * code-shaped; the `error_description` is free text anyone can put in a callback URL, so it is only
 * on the non-enumerable {@link AuthError.providerMessage}.
 */
export class AuthorizationDeniedError extends AuthError {
  constructor(oauthError: string, description: string | undefined) {
    const code = safeCode(oauthError);
    super(`The authorization was refused${code === undefined ? '' : `: ${code}`}.`, {
      code: AuthErrorCode.authorizationDenied,
      oauthError,
      providerMessage: description,
      hint:
        oauthError === 'access_denied'
          ? 'The user declined; offer to connect again.'
          : oauthError === 'consent_required' || oauthError === 'login_required' || oauthError === 'interaction_required'
            ? 'The server needs the user to log in or consent: start the authorization again without `prompt: "none"`.'
            : 'Check the requested scopes, the authorization parameters and the redirect URI registered for this client.',
    });
  }
}

/**
 * The callback's `iss` does not identify the configured authorization server (RFC 9207): a
 * different `iss`, an `iss` while no `issuer` is configured, or none although the server advertises
 * sending it. Nothing was sent to the token endpoint. The `iss` received is on the non-enumerable
 * {@link receivedIssuer} (anyone can put anything in a callback URL).
 */
export class AuthorizationIssuerError extends AuthError {
  /** The `issuer` setting the callback was checked against; undefined when none is configured. */
  readonly expectedIssuer: string | undefined;
  /** The callback's `iss`, if it had one (non-enumerable: it is unverified input). */
  declare readonly receivedIssuer: string | undefined;

  constructor(message: string, details: { expectedIssuer: string | undefined; receivedIssuer: string | undefined; hint: string }) {
    super(message, { code: AuthErrorCode.issuerMismatch, hint: details.hint });
    this.expectedIssuer = details.expectedIssuer;
    Object.defineProperty(this, 'receivedIssuer', {
      value: details.receivedIssuer,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), expectedIssuer: this.expectedIssuer };
  }
}

/**
 * The stored grant cannot be refreshed any more (the provider answered `invalid_grant`, or no grant
 * is stored for this user). It is marked dead and never retried: send the user through the
 * authorization again.
 */
export class ReauthorizationRequiredError extends AuthError {
  constructor(message: string, options: { status?: number | undefined; oauthError?: string | undefined } = {}) {
    super(message, {
      code: AuthErrorCode.reauthorizationRequired,
      status: options.status,
      oauthError: options.oauthError,
      hint: 'Ask the user to connect again (start a new authorization request).',
    });
  }
}
