import {
  type AuthorizationRequestParameters,
  createAuthorizationCodeClient,
  createClientCredentialsTokenProvider,
  createUserTokenProvider,
  type GrantKey,
  MemoryRateLimiter,
  MemoryTokenStore,
  type PendingAuthorization,
  parseSecureUrl,
  type RateLimiter,
  type RefreshExpiringGrantsResult,
  type RefreshTokenCipher,
  refreshExpiringGrants,
  storeGrant,
  type TokenStore,
  tokenRequestTransport,
} from '@coverlink/auth';
import { type ClientSettings, ConfigurationError, type CoverlinkClient, createApiClient, type TokenProvider } from '@coverlink/core';
import type { paths } from './generated/helloclaims.js';
import { helloClaimsProfile } from './helloclaims-profile.js';

/** Hello Claims' documented staging hosts (production hosts are not public). */
export const helloClaimsEnvironments = {
  staging: {
    authorizationUrl: 'https://uat-login.helloclaims.com.au/login/broker',
    tokenUrl: 'https://uat-login.helloclaims.com.au/login/token',
    baseUrl: 'https://staging.ap-southeast-2.aws.helloclaims.com/integrations/repairer',
  },
} as const;

/** Settings of {@link createHelloClaimsClient}. */
export interface HelloClaimsClientSettings extends ClientSettings {
  /** The client id Hello Claims issued. */
  clientId: string;
  /** The client secret. Server-side only; never logged or put into errors. */
  clientSecret: string;
  /** Where Hello Claims sends users back with the code; must be registered for the client. */
  redirectUri: string;
  /** The repairer API. Default: staging. */
  baseUrl?: string | undefined;
  /** The authorize endpoint (`/login/broker`). Default: staging. */
  authorizationUrl?: string | undefined;
  /** The token endpoint (`/login/token`). Default: staging. */
  tokenUrl?: string | undefined;
  /**
   * The authorization server's issuer identifier, exactly as its metadata spells it (path and
   * trailing slash included), checked against a callback's `iss` (RFC 9207). Hello Claims documents
   * none and sends no `iss`, so the default is none; set it for a server that sends `iss` (a callback
   * carrying `iss` is refused while no issuer is set).
   */
  issuer?: string | undefined;
  /** The server sends `iss` with every callback (`authorization_response_iss_parameter_supported`): refuse one without. Default false. */
  requireIssuerParameter?: boolean | undefined;
  /**
   * Scopes asked for when connecting a user (`connect` may ask for others per call). Required:
   * Hello Claims' scope list is not public, so no default is assumed; ask Hello Claims which scopes
   * your application needs, and request the minimum (the document's advice). The local mock takes
   * any, e.g. its placeholders `['requests', 'quotes']`.
   */
  scopes: readonly string[];
  /** Where users' grants live. Default a `MemoryTokenStore` (one process); use `RedisTokenStore` for a fleet. */
  tokenStore?: TokenStore | undefined;
  /**
   * Encrypts refresh tokens at rest, each bound to its user's grant. Grants stored in plain text before it
   * was set are refreshed as they are and stored encrypted from then on (see `createRefreshTokenCipher`).
   */
  cipher?: RefreshTokenCipher | undefined;
  /**
   * How long Hello Claims' refresh tokens live, in seconds. Default 86 400: the document's "24 hours"
   * ("indicative only"; the token answer does not say). Stored with each grant, so
   * `refreshExpiringGrants` knows when it is due.
   */
  refreshTokenLifetimeSeconds?: number | undefined;
  /**
   * Spaces the token requests of `refreshExpiringGrants`. Default a `MemoryRateLimiter` on
   * `helloClaimsProfile.jobRateLimit` (one process); for a fleet, one `RedisRateLimiter` (from
   * `@coverlink/auth/redis`) with the same name in every process, so all of them together stay under it.
   */
  jobRateLimiter?: RateLimiter | undefined;
}

/** The server-side state of a connection in progress: keep it in the user's session, never in the browser. */
export interface PendingConnection extends PendingAuthorization {
  /** Your platform's user the grant will belong to. */
  userId: string;
}

/** A typed openapi-fetch client for the Hello Claims repairer API, acting as one user. */
export type HelloClaimsUserClient = CoverlinkClient<paths>;

/** A typed openapi-fetch client for the Hello Claims repairer API, acting as the application itself (client credentials). */
export type HelloClaimsApplicationClient = CoverlinkClient<paths>;

/** The Hello Claims client: connects users and acts on their behalf. */
export interface HelloClaimsClient {
  /** Starts connecting `userId`: where to send their browser, and the state to keep server-side. */
  connect(options: {
    userId: string;
    scopes?: readonly string[] | undefined;
    /** Extra authorization parameters, e.g. `{ prompt: 'login', login_hint: email }`; the flow's own are refused. */
    parameters?: AuthorizationRequestParameters | undefined;
  }): Promise<{ authorizationUrl: URL; pending: PendingConnection }>;
  /**
   * Finishes the connection on the callback: checks `iss`, state and `?error=` (in that order),
   * exchanges the code and stores the user's grant (replacing an earlier one). Nothing is stored
   * unless the whole answer was accepted.
   *
   * @throws {AuthorizationIssuerError | AuthorizationStateError | AuthorizationDeniedError | AuthError} See `@coverlink/auth`.
   */
  completeConnect(callbackUrl: string | URL, pending: PendingConnection): Promise<void>;
  /** A typed API client acting as `userId`, whose tokens refresh and rotate through the store. */
  forUser(userId: string): HelloClaimsUserClient;
  /**
   * A typed API client acting as the application itself, on the client-credentials grant (HC-cc):
   * for server-to-server calls that are not made on behalf of a user, such as a scheduled job
   * listing pending quote requests. Hello Claims documents this grant as a full-privilege user with
   * no granular permissions and no user context, so resources restricted to a user are not reachable
   * through it (use {@link forUser} for those), and it has no refresh token: a new access token is
   * requested shortly before the cached one expires, one request for concurrent callers. Every
   * client this returns shares that one cached token.
   */
  forApplication(): HelloClaimsApplicationClient;
  /** Forgets the user's grant (they disconnected). */
  disconnect(userId: string): Promise<void>;
  /**
   * Keeps every stored grant of this client alive: refreshes each grant whose refresh token has at
   * most `refreshWithinSeconds` left (default half its lifetime, 12 h), as the document asks
   * ("regularly exchange the provided refresh_token within the expiry interval"), so a user who makes
   * no call for a day need not consent again. Run it on a schedule more often than that (hourly, say),
   * from one process or many. Due grants come from the store's expiry index (its cost follows the
   * grants due, not the grants held); each is refreshed under its lock, as `forUser` would, and
   * token requests are spaced by `jobRateLimiter`. See `refreshExpiringGrants` in `@coverlink/auth`.
   *
   * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for a token store without the index (`MemoryTokenStore` and `RedisTokenStore` have it).
   */
  refreshExpiringGrants(options?: {
    refreshWithinSeconds?: number | undefined;
    signal?: AbortSignal | undefined;
  }): Promise<RefreshExpiringGrantsResult>;
}

/**
 * Creates the Hello Claims client: the authorization-code flow with state and PKCE for connecting
 * users, and per-user typed API clients whose access tokens are refreshed before expiry, with the
 * rotated refresh token stored first, one refresh per expiry window across every process sharing
 * the store.
 *
 * @example
 * ```ts
 * const helloClaims = createHelloClaimsClient({ clientId, clientSecret, redirectUri, scopes: ['requests'], tokenStore: new RedisTokenStore(redis) });
 * const { authorizationUrl, pending } = await helloClaims.connect({ userId: user.id });   // redirect; keep pending
 * await helloClaims.completeConnect(request.url, session.pending);                        // on the callback
 * const requests = unwrap(await helloClaims.forUser(user.id).GET('/requests'));
 * ```
 */
export function createHelloClaimsClient(settings: HelloClaimsClientSettings): HelloClaimsClient {
  checkScopes(settings.scopes, 'scopes');
  const hosts = helloClaimsEnvironments.staging;
  const baseUrl = parseSecureUrl(settings.baseUrl ?? hosts.baseUrl, 'baseUrl').url.href.replace(/\/$/, '');
  const store = settings.tokenStore ?? new MemoryTokenStore();
  const tokenEndpoint = {
    tokenUrl: settings.tokenUrl ?? hosts.tokenUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // Hello Claims documents Basic over base64(client_id + ":" + client_secret), without form-encoding.
    clientAuthentication: 'client_secret_basic_unencoded',
    ...tokenRequestTransport(settings, helloClaimsProfile.name),
  } as const;
  const oauthClient = createAuthorizationCodeClient({
    ...tokenEndpoint,
    authorizationUrl: settings.authorizationUrl ?? hosts.authorizationUrl,
    issuer: settings.issuer,
    requireIssuerParameter: settings.requireIssuerParameter,
  });
  // No scope is sent: HC-cc names none for this grant, which is full privilege. The redirect_uri
  // HC-cc lists has no meaning without a browser, and the spec leaves it optional.
  const applicationTokens: TokenProvider = createClientCredentialsTokenProvider(tokenEndpoint);
  const keyOf = (userId: string): GrantKey => ({ provider: 'helloclaims', clientId: settings.clientId, subject: userId });
  const refreshTokenLifetimeSeconds = settings.refreshTokenLifetimeSeconds ?? 86_400;
  const jobRateLimiter = settings.jobRateLimiter ?? new MemoryRateLimiter(helloClaimsProfile.jobRateLimit);

  return {
    async connect({ userId, scopes, parameters }) {
      const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
        scopes: scopes === undefined ? settings.scopes : checkScopes(scopes, 'connect({ scopes })'),
        redirectUri: settings.redirectUri,
        parameters,
      });
      return { authorizationUrl, pending: { ...pending, userId } };
    },
    async completeConnect(callbackUrl, pending) {
      const tokens = await oauthClient.completeAuthorization(callbackUrl, pending);
      await storeGrant({ store, key: keyOf(pending.userId), tokens, cipher: settings.cipher, refreshTokenLifetimeSeconds });
    },
    forUser(userId) {
      return createApiClient<paths>({
        ...settings,
        baseUrl,
        profile: helloClaimsProfile,
        tokens: createUserTokenProvider({
          oauthClient,
          store,
          key: keyOf(userId),
          redirectUri: settings.redirectUri,
          cipher: settings.cipher,
          refreshTokenLifetimeSeconds,
        }),
      });
    },
    forApplication() {
      return createApiClient<paths>({ ...settings, baseUrl, profile: helloClaimsProfile, tokens: applicationTokens });
    },
    disconnect(userId) {
      return store.delete(keyOf(userId));
    },
    refreshExpiringGrants(options = {}) {
      return refreshExpiringGrants({
        oauthClient,
        store,
        client: { provider: 'helloclaims', clientId: settings.clientId },
        redirectUri: settings.redirectUri,
        cipher: settings.cipher,
        refreshTokenLifetimeSeconds,
        refreshWithinSeconds: options.refreshWithinSeconds,
        rateLimiter: jobRateLimiter,
        signal: options.signal,
      });
    },
  };
}

/**
 * Refuses a missing or empty scope list, or a scope that is empty or holds a space (the list is
 * sent space-separated, so such a scope would turn into others), before anything is sent.
 *
 * @throws {ConfigurationError} `INVALID_CONFIGURATION`.
 */
function checkScopes(scopes: readonly string[] | undefined, setting: string): readonly string[] {
  const usable =
    // RFC 6749 §3.3's scope-token: printable ASCII but space, double quote and backslash.
    Array.isArray(scopes) &&
    scopes.length > 0 &&
    scopes.every((scope) => typeof scope === 'string' && /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope));
  if (usable) return scopes;
  throw new ConfigurationError(`${setting} must be a non-empty list of OAuth scopes, each without spaces.`, {
    code: 'INVALID_CONFIGURATION',
    hint: "Hello Claims' scope list is not public and no default is assumed: pass the scopes Hello Claims enabled for your application, the fewest the user's task needs, e.g. scopes: ['requests'].",
  });
}
