import { type CallObserver, CoverlinkError, createCallPipeline, type Logger, parseSecureUrl } from '@coverlink/core';
import * as oauth from 'oauth4webapi';
import { AuthError, AuthErrorCode } from './auth-errors.js';

/** Settings of {@link discoverAuthorizationServer}. */
export interface AuthorizationServerDiscoverySettings {
  /** The issuer identifier, e.g. `https://login.example.com/realms/acme`. `http://` only on loopback. */
  issuer: string;
  /**
   * Which metadata document to read: `openid-configuration` (OpenID Connect Discovery: the issuer,
   * then `/.well-known/openid-configuration`) or `oauth-authorization-server` (RFC 8414: the
   * well-known segment goes before the issuer's path). Default `openid-configuration`.
   */
  wellKnown?: 'openid-configuration' | 'oauth-authorization-server' | undefined;
  /** Your own fetch. Default: the runtime's transport, as for token requests. */
  fetch?: typeof fetch | undefined;
  /** Per-attempt timeout in milliseconds; the same default as token requests. */
  timeout?: number | undefined;
  /** Retries of a failed request (connection failure, 408, 429, 5xx); default 2. */
  maxRetries?: number | undefined;
  /** Receives one entry per attempt (pino-compatible). */
  logger?: Logger | undefined;
  /** Watch the request; see `CallObserver` in @coverlink/core. */
  observers?: readonly CallObserver[] | undefined;
  /** The provider's name, for messages and observers. Default: the issuer's host. */
  provider?: string | undefined;
}

/**
 * What the authorization server's metadata says, named as `AuthorizationCodeSettings` names it:
 * spread it into `createAuthorizationCodeClient`.
 */
export interface DiscoveredAuthorizationServer {
  /** The metadata's `issuer`, exactly as the server spells it (what its `iss` values carry). */
  issuer: string;
  /** The metadata's `authorization_endpoint`. */
  authorizationUrl: string;
  /** The metadata's `token_endpoint`. */
  tokenUrl: string;
  /** The metadata's `authorization_response_iss_parameter_supported` (RFC 9207). */
  requireIssuerParameter: boolean;
  /** The metadata's `id_token_signing_alg_values_supported`, when it lists any. */
  idTokenSigningAlgorithms: readonly string[] | undefined;
}

/**
 * Reads the authorization server's metadata (OpenID Connect Discovery or RFC 8414) with
 * oauth4webapi, which checks that it names the issuer it was fetched for.
 *
 * @example
 * ```ts
 * const server = await discoverAuthorizationServer({ issuer: 'https://login.example.com/realms/acme' });
 * const oauthClient = createAuthorizationCodeClient({ ...server, clientId, clientSecret });
 * ```
 * @throws {ConfigurationError} `INVALID_CONFIGURATION` for a malformed or insecure issuer URL.
 * @throws {AuthError} `AUTH_DISCOVERY_FAILED` when the metadata is missing, not for this issuer, or lacks an endpoint; `AUTH_REQUEST_FAILED` when it could not be fetched.
 */
export async function discoverAuthorizationServer(settings: AuthorizationServerDiscoverySettings): Promise<DiscoveredAuthorizationServer> {
  const { url: issuerUrl, insecureLoopback } = parseSecureUrl(settings.issuer, 'issuer');
  const pipeline = createCallPipeline({
    provider: settings.provider ?? issuerUrl.host,
    fetch: settings.fetch,
    timeout: settings.timeout,
    retry: settings.maxRetries === undefined ? undefined : { maxRetries: settings.maxRetries },
    logger: settings.logger,
    observers: settings.observers,
  });
  const send: typeof fetch = (target, init) =>
    pipeline.send(new Request(target, { method: init?.method, headers: init?.headers }), { kind: 'token', repeat: 'always' });
  let metadata: oauth.AuthorizationServer;
  try {
    const response = await oauth.discoveryRequest(issuerUrl, {
      algorithm: settings.wellKnown === 'oauth-authorization-server' ? 'oauth2' : 'oidc',
      [oauth.customFetch]: send,
      [oauth.allowInsecureRequests]: insecureLoopback,
    });
    metadata = await oauth.processDiscoveryResponse(issuerUrl, response);
  } catch (error) {
    if (CoverlinkError.isInstance(error)) {
      throw new AuthError(`Could not fetch the authorization server metadata of ${issuerUrl.origin}.`, {
        code: AuthErrorCode.requestFailed,
        hint: 'Check the issuer URL and the network.',
        cause: error,
      });
    }
    throw discoveryFailed(
      error instanceof oauth.OperationProcessingError && error.code === oauth.JSON_ATTRIBUTE_COMPARISON
        ? 'it names another issuer'
        : 'it is missing or not metadata',
    );
  }
  const { authorization_endpoint: authorizationUrl, token_endpoint: tokenUrl } = metadata;
  if (typeof authorizationUrl !== 'string' || typeof tokenUrl !== 'string')
    throw discoveryFailed('it lacks the authorization or token endpoint');
  const algorithms = metadata.id_token_signing_alg_values_supported;
  return {
    issuer: metadata.issuer,
    authorizationUrl,
    tokenUrl,
    requireIssuerParameter: metadata.authorization_response_iss_parameter_supported === true,
    idTokenSigningAlgorithms: Array.isArray(algorithms) && algorithms.length > 0 ? algorithms : undefined,
  };
}

function discoveryFailed(why: string): AuthError {
  return new AuthError(`The authorization server metadata cannot be used: ${why}.`, {
    code: AuthErrorCode.discoveryFailed,
    hint: 'Check the issuer (exactly as the server spells it, path included) and the wellKnown setting: OpenID providers serve openid-configuration, plain OAuth servers oauth-authorization-server.',
  });
}
