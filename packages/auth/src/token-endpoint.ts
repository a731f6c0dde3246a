import {
  type CallObserver,
  ConnectionError,
  createCallPipeline,
  type Logger,
  parseSecureUrl,
  type RepeatRule,
  safeCode,
  TimeoutError,
} from '@coverlink/core';
import * as oauth from 'oauth4webapi';
import { AuthError, AuthErrorCode } from './auth-errors.js';
import { type ClientAuthenticationMethod, clientAuthentication, clientAuthenticationMethods } from './client-authentication.js';

/** Where and how a client talks to a token endpoint. */
export interface TokenEndpointSettings {
  /** The token endpoint. `http://` only on loopback. */
  tokenUrl: string | URL;
  /** The OAuth client id. */
  clientId: string;
  /** The OAuth client secret. Kept in a closure; never put into errors or logs. */
  clientSecret: string;
  /** How to authenticate the client; see {@link ClientAuthenticationMethod}. Default `client_secret_basic`. */
  clientAuthentication?: ClientAuthenticationMethod | undefined;
  /**
   * Your own fetch for token requests. Default: the runtime's transport, the one API calls use
   * (undici on Node, global `fetch` elsewhere); redirects are never followed either way.
   */
  fetch?: typeof fetch | undefined;
  /** Extra headers sent with token requests. */
  headers?: Record<string, string> | undefined;
  /** Per-attempt timeout of a token request in milliseconds; the same default as API calls (60 000). `Infinity` turns it off. */
  timeout?: number | undefined;
  /**
   * Retries of a token request that failed (connection failure, 408, 429, 5xx), as for API calls.
   * Default 2. A refresh-token or authorization-code request is repeated only when it was never
   * sent, whatever this says: the server may have used up the code or rotated the refresh token.
   */
  maxRetries?: number | undefined;
  /** The largest token response read, in bytes. Default 10 MiB. */
  maxResponseBytes?: number | undefined;
  /** Receives one entry per token request attempt (pino-compatible). */
  logger?: Logger | undefined;
  /** Watch every token request; see `CallObserver` in @coverlink/core. */
  observers?: readonly CallObserver[] | undefined;
  /** The provider's name, for messages and observers. Default: the token endpoint's host. */
  provider?: string | undefined;
  /** Waits between attempts; for tests. */
  sleep?: ((milliseconds: number, signal: AbortSignal | null) => Promise<void>) | undefined;
}

/** The settings a provider client's token requests share with its API calls. */
export type SharedTransportSettings = Pick<
  TokenEndpointSettings,
  'fetch' | 'timeout' | 'maxRetries' | 'maxResponseBytes' | 'logger' | 'observers'
>;

/**
 * A provider client's transport settings for its token requests: the same fetch, timeout, retries,
 * response limit, logger and observers as its API calls, and the provider's name (not the token
 * endpoint's host) in log lines, errors and observers.
 *
 * @param settings The client's settings; only the transport ones are read.
 * @param provider The provider's name, as its API calls report it.
 */
export function tokenRequestTransport(
  settings: SharedTransportSettings,
  provider: string,
): SharedTransportSettings & Pick<TokenEndpointSettings, 'provider'> {
  return {
    fetch: settings.fetch,
    timeout: settings.timeout,
    maxRetries: settings.maxRetries,
    maxResponseBytes: settings.maxResponseBytes,
    logger: settings.logger,
    observers: settings.observers,
    provider,
  };
}

/** What one grant request needs beyond the endpoint: its repeat rule and the caller's signal. */
export interface GrantRequestOptions {
  /** `always` for a client-credentials request; `unsent-only` for refresh-token and authorization-code requests. */
  repeat: RepeatRule;
  /** Ends the request when the caller gives up. */
  signal?: AbortSignal | undefined;
}

/** The oauth4webapi pieces for one token endpoint, built and checked once. */
export interface TokenEndpoint {
  readonly url: URL;
  readonly authorizationServer: oauth.AuthorizationServer;
  readonly client: oauth.Client;
  readonly authenticate: oauth.ClientAuth;
  /** The `clientAuthentication` setting in effect, for hints that name it. */
  readonly clientAuthentication: ClientAuthenticationMethod;
  /** Per-attempt timeout of a token request, in milliseconds. */
  readonly timeoutMs: number;
  /**
   * The oauth4webapi options of one grant request: its I/O goes through the core request pipeline
   * (the API calls' transport, timeout and retry loop) under the grant's repeat rule.
   */
  requestOptions(grant: GrantRequestOptions): oauth.TokenEndpointRequestOptions;
  /**
   * Sends one grant request; a failure to reach the endpoint (the pipeline's `ConnectionError` or
   * `TimeoutError`) becomes an {@link AuthError} with code `AUTH_REQUEST_FAILED` naming the host and
   * the system error code only, with the pipeline's error as its cause. An argument oauth4webapi
   * refuses before sending (an empty refresh token or verifier) becomes `AUTH_INVALID_ARGUMENT`.
   */
  send(request: () => Promise<Response>): Promise<Response>;
}

/**
 * Checks the settings and prepares the oauth4webapi objects every grant of this package uses.
 *
 * @param authorizationUrl The authorization endpoint, for the authorization-code grant.
 * @param adaptFetch Wraps the pipeline's fetch for an endpoint that is not plain OAuth (one that takes JSON, say).
 * @throws {ConfigurationError} `INVALID_CONFIGURATION` for a malformed or insecure URL.
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for missing credentials, an unknown
 * `clientAuthentication` or a header no HTTP request can carry.
 */
export function createTokenEndpoint(
  settings: TokenEndpointSettings,
  authorizationUrl?: URL,
  adaptFetch: (next: typeof fetch) => typeof fetch = (next) => next,
): TokenEndpoint {
  const { url, insecureLoopback } = parseSecureUrl(settings.tokenUrl, 'tokenUrl');
  requireText(settings.clientId, 'clientId');
  requireText(settings.clientSecret, 'clientSecret');
  const method = settings.clientAuthentication ?? 'client_secret_basic';
  if (!clientAuthenticationMethods.includes(method)) {
    throw new AuthError('clientAuthentication is not a supported method.', {
      code: AuthErrorCode.invalidConfiguration,
      hint: `Set clientAuthentication to one of ${clientAuthenticationMethods.map((name) => `'${name}'`).join(', ')}.`,
    });
  }
  requireValidHeaders(settings.headers);
  const pipeline = createCallPipeline({
    provider: settings.provider ?? url.host,
    fetch: settings.fetch,
    maxResponseBytes: settings.maxResponseBytes,
    timeout: settings.timeout,
    retry: settings.maxRetries === undefined ? undefined : { maxRetries: settings.maxRetries },
    logger: settings.logger,
    observers: settings.observers,
    sleep: settings.sleep,
  });
  const { timeout } = pipeline.settings;

  const requestOptions = (grant: GrantRequestOptions): oauth.TokenEndpointRequestOptions => {
    // oauth4webapi hands over (url, { method, headers, body, redirect, signal }); the pipeline takes a Request.
    const send: typeof fetch = (target, init) =>
      pipeline.send(new Request(target, { method: init?.method, headers: init?.headers, body: init?.body }), {
        kind: 'token',
        pathTemplate: url.pathname,
        repeat: grant.repeat,
        signal: grant.signal ?? null,
      });
    const adapted = adaptFetch(send);
    return {
      headers: settings.headers,
      [oauth.customFetch]: (target, init) => adapted(target, init),
      [oauth.allowInsecureRequests]: insecureLoopback,
    };
  };

  return {
    url,
    // oauth4webapi needs an issuer identifier; without discovery the token endpoint's origin stands in.
    authorizationServer: { issuer: url.origin, token_endpoint: url.href, authorization_endpoint: authorizationUrl?.href },
    client: { client_id: settings.clientId },
    authenticate: clientAuthentication(method, settings.clientSecret),
    clientAuthentication: method,
    timeoutMs: timeout,
    requestOptions,
    async send(request) {
      try {
        return await request();
      } catch (error) {
        // The pipeline's own mapping decided what failed; the auth contract names it AUTH_REQUEST_FAILED.
        if (TimeoutError.isInstance(error)) {
          throw new AuthError(`The token endpoint at ${url.origin} did not answer within ${timeout} ms.`, {
            code: AuthErrorCode.requestFailed,
            hint: 'Check the provider status; raise `timeout` if its token endpoint is slow.',
            cause: error,
          });
        }
        if (ConnectionError.isInstance(error)) {
          const systemCode = /\(([A-Za-z0-9_]+)\) \(attempt \d+\)\.$/.exec(error.message)?.[1];
          throw new AuthError(`Could not reach the token endpoint at ${url.origin}${systemCode === undefined ? '' : ` (${systemCode})`}.`, {
            code: AuthErrorCode.requestFailed,
            hint: 'Check the token URL and the network; for the local mocks, check they are running.',
            cause: error,
          });
        }
        const argument = refusedArgument(error);
        if (argument !== undefined) {
          throw new AuthError(`${argument} is missing, empty or of the wrong type; nothing was sent to the token endpoint.`, {
            code: AuthErrorCode.invalidArgument,
            hint: 'Pass the value exactly as it was received (the refresh token from the stored grant, the pending authorization as createAuthorizationRequest returned it).',
          });
        }
        throw error;
      }
    },
  };
}

/**
 * The name of the argument oauth4webapi refused before sending (its `ERR_INVALID_ARG_*` TypeErrors
 * name it in quotes first, e.g. `"refreshToken" must not be empty`), or undefined for any other error.
 */
function refusedArgument(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_INVALID_ARG')) return undefined;
  return safeCode(/^"([^"]+)"/.exec(error.message)?.[1]) ?? 'An argument';
}

function requireValidHeaders(headers: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    try {
      new Headers([[name, value]]);
    } catch {
      // The runtime's TypeError quotes the value, which may be a key: only the name is repeated.
      const shownName = safeCode(name);
      throw new AuthError(
        `The header ${shownName === undefined ? 'with an invalid name' : `"${shownName}"`} in \`headers\` cannot be sent in an HTTP request.`,
        {
          code: AuthErrorCode.invalidConfiguration,
          hint: 'Remove line breaks and control characters from the header name and value.',
        },
      );
    }
  }
}

function requireText(value: unknown, setting: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AuthError(`${setting} is missing or empty.`, {
      code: AuthErrorCode.invalidConfiguration,
      hint: `Pass ${setting} from your provider credentials (for instance from an environment variable).`,
    });
  }
}
