import {
  type AuthorizationRequestParameters,
  createAuthorizationCodeClient,
  createUserTokenProvider,
  type GrantKey,
  MemoryTokenStore,
  type PendingAuthorization,
  parseSecureUrl,
  type RefreshTokenCipher,
  storeGrant,
  type TokenStore,
  tokenRequestTransport,
} from '@coverlink/auth';
import { type ClientSettings, type CoverlinkClient, createApiClient } from '@coverlink/core';
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
  /** Scopes asked for when connecting a user. Default `['requests', 'quotes']`. */
  scopes?: readonly string[] | undefined;
  /** Where users' grants live. Default a `MemoryTokenStore` (one process); use `RedisTokenStore` for a fleet. */
  tokenStore?: TokenStore | undefined;
  /**
   * Encrypts refresh tokens at rest, each bound to its user's grant. Grants stored in plain text before it
   * was set are refreshed as they are and stored encrypted from then on (see `createRefreshTokenCipher`).
   */
  cipher?: RefreshTokenCipher | undefined;
}

/** The server-side state of a connection in progress: keep it in the user's session, never in the browser. */
export interface PendingConnection extends PendingAuthorization {
  /** Your platform's user the grant will belong to. */
  userId: string;
}

/** A typed openapi-fetch client for the Hello Claims repairer API, acting as one user. */
export type HelloClaimsUserClient = CoverlinkClient<paths>;

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
  /** Forgets the user's grant (they disconnected). */
  disconnect(userId: string): Promise<void>;
}

/**
 * Creates the Hello Claims client: the authorization-code flow with state and PKCE for connecting
 * users, and per-user typed API clients whose access tokens are refreshed before expiry, with the
 * rotated refresh token stored first, one refresh per expiry window across every process sharing
 * the store.
 *
 * @example
 * ```ts
 * const helloClaims = createHelloClaimsClient({ clientId, clientSecret, redirectUri, tokenStore: new RedisTokenStore(redis) });
 * const { authorizationUrl, pending } = await helloClaims.connect({ userId: user.id });   // redirect; keep pending
 * await helloClaims.completeConnect(request.url, session.pending);                        // on the callback
 * const requests = unwrap(await helloClaims.forUser(user.id).GET('/requests'));
 * ```
 */
export function createHelloClaimsClient(settings: HelloClaimsClientSettings): HelloClaimsClient {
  const hosts = helloClaimsEnvironments.staging;
  const baseUrl = parseSecureUrl(settings.baseUrl ?? hosts.baseUrl, 'baseUrl').url.href.replace(/\/$/, '');
  const store = settings.tokenStore ?? new MemoryTokenStore();
  const oauthClient = createAuthorizationCodeClient({
    authorizationUrl: settings.authorizationUrl ?? hosts.authorizationUrl,
    tokenUrl: settings.tokenUrl ?? hosts.tokenUrl,
    issuer: settings.issuer,
    requireIssuerParameter: settings.requireIssuerParameter,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // Hello Claims documents Basic over base64(client_id + ":" + client_secret), without form-encoding.
    clientAuthentication: 'client_secret_basic_unencoded',
    ...tokenRequestTransport(settings, helloClaimsProfile.name),
  });
  const keyOf = (userId: string): GrantKey => ({ provider: 'helloclaims', clientId: settings.clientId, subject: userId });

  return {
    async connect({ userId, scopes, parameters }) {
      const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
        scopes: scopes ?? settings.scopes ?? ['requests', 'quotes'],
        redirectUri: settings.redirectUri,
        parameters,
      });
      return { authorizationUrl, pending: { ...pending, userId } };
    },
    async completeConnect(callbackUrl, pending) {
      const tokens = await oauthClient.completeAuthorization(callbackUrl, pending);
      await storeGrant({ store, key: keyOf(pending.userId), tokens, cipher: settings.cipher });
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
        }),
      });
    },
    disconnect(userId) {
      return store.delete(keyOf(userId));
    },
  };
}
