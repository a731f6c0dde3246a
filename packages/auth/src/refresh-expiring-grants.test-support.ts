import { demoClient, logInAt, type RunningHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { type AuthorizationCodeClient, createAuthorizationCodeClient } from './authorization-code.js';
import type { GrantKey, TokenStore } from './token-store.js';
import { storeGrant } from './user-token-provider.js';

/** The mock's refresh-token lifetime in the job's tests: 10 minutes instead of the documented 24 h. */
export const testLifetimeSeconds = 600;
/** The redirect URI of the mock's demo client. */
export const redirectUri = demoClient.redirectUris[0] ?? '';
/** Whose grants the job's tests index. */
export const jobClient = { provider: 'helloclaims', clientId: demoClient.clientId as string };
/** The key of `subject`'s grant, of `clientId` (default the demo client). */
export const grantKey = (subject: string, clientId: string = jobClient.clientId): GrantKey => ({
  provider: jobClient.provider,
  clientId,
  subject,
});

/** The demo client on `server`, authenticating the way Hello Claims documents. */
export function oauthClientOf(
  server: RunningHelloClaimsAuthorizationServer,
  options: { now?: () => number; fetch?: typeof fetch } = {},
): AuthorizationCodeClient {
  return createAuthorizationCodeClient({
    authorizationUrl: server.authorizeUrl,
    tokenUrl: server.tokenUrl,
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret,
    clientAuthentication: 'client_secret_basic_unencoded',
    maxRetries: 0,
    ...options,
  });
}

/**
 * Connects a user through the mock's login page and stores the grant as a platform does, then sets
 * its refresh-token expiry to `expiresAt` (the tests' clock, not the real one storeGrant stamps).
 */
export async function connectUser(
  oauthClient: AuthorizationCodeClient,
  store: TokenStore,
  key: GrantKey,
  expiresAt: number,
): Promise<void> {
  const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
  const tokens = await oauthClient.completeAuthorization(await logInAt(authorizationUrl), pending);
  await storeGrant({ store, key, tokens, refreshTokenLifetimeSeconds: testLifetimeSeconds });
  const stored = await store.get(key);
  if (stored === undefined) throw new Error('the grant was not stored');
  await store.set(key, { ...stored.grant, refreshTokenExpiresAt: expiresAt });
}
