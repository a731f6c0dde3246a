import { MemoryTokenStore } from '@coverlink/auth';
import { type DemoJourney, masked, step, tracingFetch } from '@coverlink/demo';
import { demoClient, logInAt } from '@coverlink/mock-helloclaims';
import { createHelloClaimsClient, unwrap } from './index.js';

/**
 * Hello Claims: connect a user through the authorization code flow (the login is scripted on the
 * mock), list their requests, then let the access token expire and show the refresh rotating the
 * refresh token.
 */
async function helloClaimsJourney(urls: {
  authorizationUrl: string;
  tokenUrl: string;
  baseUrl: string;
  accessTokenSeconds: number;
}): Promise<void> {
  const tokenStore = new MemoryTokenStore();
  const helloClaims = createHelloClaimsClient({
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret,
    redirectUri: demoClient.redirectUris[0] ?? '',
    scopes: ['requests', 'quotes'],
    authorizationUrl: urls.authorizationUrl,
    tokenUrl: urls.tokenUrl,
    baseUrl: urls.baseUrl,
    tokenStore,
    fetch: tracingFetch(),
  });
  const userId = 'repairer-user-7';
  const key = { provider: 'helloclaims', clientId: demoClient.clientId, subject: userId };

  const { authorizationUrl, pending } = await helloClaims.connect({ userId });
  step(`authorize URL built (state and PKCE kept server-side): ${authorizationUrl.origin}${authorizationUrl.pathname}`);
  const callback = await logInAt(authorizationUrl);
  step(`user logged in on the mock login page and came back with a code to ${callback.origin}${callback.pathname}`);
  await helloClaims.completeConnect(callback, pending);
  const connected = await tokenStore.get(key);
  step(`code exchanged; grant stored (refresh token ${masked(connected?.grant.refreshToken)})`);

  const api = helloClaims.forUser(userId);
  const requests = unwrap(await api.GET('/requests'));
  step(`${requests.length} pending quote request(s): ${requests.map((request) => request.claimNumber).join(', ')}`);

  console.log(`    (waiting ${urls.accessTokenSeconds} s for the mock's short-lived access token to expire)`);
  await new Promise((resolve) => setTimeout(resolve, urls.accessTokenSeconds * 1000 + 100));
  unwrap(await api.GET('/requests'));
  const refreshed = await tokenStore.get(key);
  step(
    `access token refreshed; refresh token rotated ${masked(connected?.grant.refreshToken)} → ${masked(refreshed?.grant.refreshToken)}, stored before use`,
  );
}

/** The demo's Hello Claims journey, against the mock authorization server and Prism serving the API. */
export default {
  title: 'Hello Claims connection journey',
  run({ baseUrl, authorizationServer }) {
    if (authorizationServer === undefined) throw new Error('The Hello Claims journey needs the mock authorization server.');
    return helloClaimsJourney({ ...authorizationServer, baseUrl });
  },
} satisfies DemoJourney;
