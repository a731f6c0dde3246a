import { AbortError, createAttemptSignal, safeCode } from '@coverlink/core';
import * as oauth from 'oauth4webapi';
import { AuthError, AuthErrorCode } from './auth-errors.js';
import { type ClientAuthenticationMethod, clientAuthentication } from './client-authentication.js';
import { parseSecureUrl } from './secure-url.js';

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
  /** The fetch implementation for token requests. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Extra headers sent with token requests. */
  headers?: Record<string, string> | undefined;
  /** How long one token request may take, in milliseconds. Default 30 000. */
  timeout?: number | undefined;
}

/** The oauth4webapi pieces for one token endpoint, built and checked once. */
export interface TokenEndpoint {
  readonly url: URL;
  readonly authorizationServer: oauth.AuthorizationServer;
  readonly client: oauth.Client;
  readonly authenticate: oauth.ClientAuth;
  /** How long one token request may take, in milliseconds (the `timeout` setting, default 30 000). */
  readonly timeoutMs: number;
  /** Transport options for every oauth4webapi request to this endpoint, with the request timeout. */
  readonly requestOptions: oauth.TokenEndpointRequestOptions;
  /** {@link requestOptions} whose signal also ends the request when `signal` aborts. */
  requestOptionsWith(signal: AbortSignal | undefined): oauth.TokenEndpointRequestOptions;
  /**
   * Sends one grant request through oauth4webapi; a failure to reach the endpoint becomes an
   * {@link AuthError} with code `AUTH_REQUEST_FAILED` that names the host and the system error code
   * only (the original message may quote a header value or a token, so it is not kept, not even as cause).
   */
  send(request: () => Promise<Response>, signal?: AbortSignal | undefined): Promise<Response>;
}

/**
 * Checks the settings and prepares the oauth4webapi objects every grant of this package uses.
 *
 * @param authorizationUrl The authorization endpoint, for the authorization-code grant.
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for a malformed or insecure URL, or missing credentials.
 */
export function createTokenEndpoint(settings: TokenEndpointSettings, authorizationUrl?: URL): TokenEndpoint {
  const { url, insecureLoopback } = parseSecureUrl(settings.tokenUrl, 'tokenUrl');
  requireText(settings.clientId, 'clientId');
  requireText(settings.clientSecret, 'clientSecret');
  const fetchImplementation = settings.fetch ?? globalThis.fetch;
  const timeout = settings.timeout ?? 30_000;
  // A token endpoint that never answers must not hang every API call waiting on it. The attempt is
  // never released: oauth4webapi reads the body after send() returns, and the timeout must cover it.
  const requestSignal = (caller?: AbortSignal) => createAttemptSignal(timeout, caller).signal;
  const requestOptions: oauth.TokenEndpointRequestOptions = {
    headers: settings.headers,
    signal: () => requestSignal(),
    [oauth.customFetch]: (target, init) => fetchImplementation(target, init),
    [oauth.allowInsecureRequests]: insecureLoopback,
  };
  return {
    url,
    // oauth4webapi needs an issuer identifier; without discovery the token endpoint's origin stands in.
    authorizationServer: { issuer: url.origin, token_endpoint: url.href, authorization_endpoint: authorizationUrl?.href },
    client: { client_id: settings.clientId },
    authenticate: clientAuthentication(settings.clientAuthentication ?? 'client_secret_basic', settings.clientSecret),
    timeoutMs: timeout,
    requestOptions,
    requestOptionsWith(signal) {
      return signal === undefined ? requestOptions : { ...requestOptions, signal: () => requestSignal(signal) };
    },
    async send(request, signal) {
      try {
        return await request();
      } catch (error) {
        if (signal?.aborted)
          throw new AbortError('The token request was aborted by the caller.', { code: 'ABORTED', cause: signal.reason });
        // A fetch adapter for a non-conformant endpoint reports the provider's errors itself.
        if (AuthError.isInstance(error)) throw error;
        if (error instanceof DOMException && error.name === 'AbortError') {
          throw new AbortError('The token request was aborted by the caller.', { code: 'ABORTED', cause: error });
        }
        if (error instanceof DOMException && error.name === 'TimeoutError') {
          throw new AuthError(`The token endpoint at ${url.origin} did not answer within ${timeout} ms.`, {
            code: AuthErrorCode.requestFailed,
            hint: 'Check the provider status; raise `timeout` if its token endpoint is slow.',
          });
        }
        const cause = describeNetworkError(error);
        throw new AuthError(`Could not reach the token endpoint at ${url.origin} (${cause.message}).`, {
          code: AuthErrorCode.requestFailed,
          hint: 'Check the token URL and the network; for the local mocks, check they are running.',
          cause,
        });
      }
    },
  };
}

function requireText(value: unknown, setting: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AuthError(`${setting} is missing or empty.`, {
      code: AuthErrorCode.invalidConfiguration,
      hint: `Pass ${setting} from your provider credentials (for instance from an environment variable).`,
    });
  }
}

/**
 * The network failure reduced to its class name and system error code (`TypeError ECONNREFUSED`):
 * its message may quote what it refused (undici's `Headers` TypeError quotes the header value, a
 * fetch adapter may quote a body), so no message is kept.
 */
function describeNetworkError(error: unknown): Error {
  const name = safeCode(error instanceof Error ? error.name : undefined) ?? 'Error';
  let systemCode: string | undefined;
  for (let current: unknown = error, depth = 0; current !== null && typeof current === 'object' && depth < 4; depth++) {
    systemCode = safeCode((current as { code?: unknown }).code);
    if (systemCode !== undefined) break;
    current = (current as { cause?: unknown }).cause;
  }
  const described = new Error(systemCode === undefined ? name : `${name} ${systemCode}`);
  described.name = name;
  return described;
}
