import { MemoryTokenStore } from '@coverlink/auth';
import { describeRecordedPactChecks, pactFolderOf, printingClientErrors, resetPactFolder } from '@coverlink/contract-testing';
import { unwrap } from '@coverlink/core';
import {
  demoClient,
  logInAt,
  type RunningHelloClaimsAuthorizationServer,
  startHelloClaimsAuthorizationServer,
} from '@coverlink/mock-helloclaims';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHelloClaimsClient, type HelloClaimsClientSettings } from './index.js';

const { eachLike, regex, string, integer, number } = MatchersV3;

const pactFolder = pactFolderOf('helloclaims');
const redirectUri = demoClient.redirectUris[0] ?? '';
const basic = `Basic ${btoa(`${demoClient.clientId}:${demoClient.clientSecret}`)}`;
const formContentType = regex(/^application\/x-www-form-urlencoded(;\s*charset=(UTF|utf)-8)?$/, 'application/x-www-form-urlencoded');
const bearer = { Authorization: regex(/^Bearer \S+$/, 'Bearer 2YotnFZFEjr1zCsicMWpAA') };
const tokenResponse = {
  access_token: string('2YotnFZFEjr1zCsicMWpAA'),
  token_type: string('bearer'),
  expires_in: integer(1800),
  refresh_token: string('tGzv3JOkF0XG5Qx2TlKWIA'),
  '.refresh': string('True'),
  '.expires': string('2026-06-25T10:30:00.0000000+00:00'),
  '.issued': string('2026-06-25T10:00:00.0000000+00:00'),
};

// Resource calls get real tokens from the stateful authorization server; the token endpoint's own
// interactions are recorded separately below.
let authorizationServer: RunningHelloClaimsAuthorizationServer;
const tokenStore = new MemoryTokenStore();
beforeAll(async () => {
  await resetPactFolder(pactFolder);
  authorizationServer = await startHelloClaimsAuthorizationServer({ port: 0 });
});
afterAll(() => authorizationServer.stop());

const pact = new PactV4({ consumer: 'coverlink-helloclaims', provider: 'helloclaims', dir: pactFolder, logLevel: 'warn' });
const settings = (overrides: Partial<HelloClaimsClientSettings>): HelloClaimsClientSettings => ({
  clientId: demoClient.clientId,
  clientSecret: demoClient.clientSecret,
  redirectUri,
  scopes: ['requests', 'quotes'],
  authorizationUrl: authorizationServer.authorizeUrl,
  tokenUrl: authorizationServer.tokenUrl,
  tokenStore,
  maxRetries: 0,
  ...overrides,
});

/** A user connected through the real authorization server, with API calls sent to `baseUrl`. */
async function connectedUser(baseUrl: string) {
  const helloClaims = createHelloClaimsClient(settings({ baseUrl }));
  const { authorizationUrl, pending } = await helloClaims.connect({ userId: 'contract-user' });
  await helloClaims.completeConnect(await logInAt(authorizationUrl), pending);
  return helloClaims.forUser('contract-user');
}

describe('consumer contract: what @coverlink/helloclaims sends and relies on', () => {
  it('createToken (authorization_code): the code exchange with HTTP Basic, redirect_uri and the PKCE verifier', async () => {
    const code = 'SplxlOBeZQQYbYS6WxSbIA';
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    await pact
      .addInteraction()
      .given('the authorization code SplxlOBeZQQYbYS6WxSbIA was just issued for the demo client')
      .uponReceiving('an authorization code exchange')
      .withRequest('POST', '/login/token', (builder) => {
        // Form bodies are recorded as text with the header set explicitly (pact-js issue 767).
        builder
          .body(
            'text/plain',
            Buffer.from(
              new URLSearchParams({
                redirect_uri: redirectUri,
                code,
                code_verifier: verifier,
                grant_type: 'authorization_code',
              }).toString(),
            ),
          )
          .headers({ 'Content-Type': formContentType, Authorization: basic });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody(tokenResponse);
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const helloClaims = createHelloClaimsClient(settings({ tokenUrl: `${mockServer.url}/login/token` }));
          const { pending } = await helloClaims.connect({ userId: 'exchange-user' });
          const callback = new URL(redirectUri);
          callback.search = new URLSearchParams({ code, state: pending.state }).toString();
          // The verifier is random per login; the recorded interaction pins one.
          await helloClaims.completeConnect(callback, { ...pending, codeVerifier: verifier });
          expect(
            (await tokenStore.get({ provider: 'helloclaims', clientId: demoClient.clientId, subject: 'exchange-user' }))?.grant.status,
          ).toBe('active');
        }),
      );
  });

  it('createToken (refresh_token): refreshes with redirect_uri and stores the rotated refresh token', async () => {
    const key = { provider: 'helloclaims', clientId: demoClient.clientId, subject: 'refresh-user' };
    await tokenStore.set(key, {
      accessToken: 'expired',
      accessTokenExpiresAt: 0,
      refreshToken: '8xLOxBtZp8',
      scope: 'requests',
      status: 'active',
    });
    await pact
      .addInteraction()
      .given('the refresh token 8xLOxBtZp8 is valid for the demo client')
      .uponReceiving('a refresh token grant')
      .withRequest('POST', '/login/token', (builder) => {
        builder
          .body(
            'text/plain',
            Buffer.from(
              new URLSearchParams({ redirect_uri: redirectUri, refresh_token: '8xLOxBtZp8', grant_type: 'refresh_token' }).toString(),
            ),
          )
          .headers({ 'Content-Type': formContentType, Authorization: basic });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody(tokenResponse);
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          // The API call behind the refresh goes to Prism; only the token request reaches this mock.
          const helloClaims = createHelloClaimsClient(
            settings({ tokenUrl: `${mockServer.url}/login/token`, baseUrl: inject('helloclaimsMockUrl') }),
          );
          unwrap(await helloClaims.forUser('refresh-user').GET('/requests'));
          expect((await tokenStore.get(key))?.grant.refreshToken).toBe('tGzv3JOkF0XG5Qx2TlKWIA');
        }),
      );
  });

  it('listRequests: the pending quote requests', async () => {
    await pact
      .addInteraction()
      .given('the repairer has one pending quote request')
      .uponReceiving('a request for pending quote requests')
      .withRequest('GET', '/requests', (builder) => {
        builder.headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody(eachLike({ id: string('REQ-1'), expiry: string('2026-06-30T06:00:00Z'), claimNumber: string('CLM-0042') }));
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const requests = unwrap(await (await connectedUser(mockServer.url)).GET('/requests'));
          expect(requests[0]?.claimNumber).toBe('CLM-0042');
        }),
      );
  });

  it('acceptRequest: 201 with the new job', async () => {
    await pact
      .addInteraction()
      .given('quote request REQ-1 is pending')
      .uponReceiving('a request to accept quote request REQ-1')
      .withRequest('POST', '/requests/REQ-1', (builder) => {
        builder.headers(bearer).jsonBody({ referenceId: 'RPR-24-00815' });
      })
      .willRespondWith(201, (builder) => {
        builder.jsonBody({ id: string('RPR-24-00815'), status: 'Open' });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const job = unwrap(
            await (await connectedUser(mockServer.url)).POST('/requests/{id}', {
              params: { path: { id: 'REQ-1' } },
              body: { referenceId: 'RPR-24-00815' },
            }),
          );
          expect(job.id).toBe('RPR-24-00815');
        }),
      );
  });

  it('createQuote: a draft quote for the job', async () => {
    const item = { type: 'RepairLabour', description: 'Repair front bumper', quantity: 2.5, price: 95 };
    await pact
      .addInteraction()
      .given('job RPR-24-00815 is open')
      .uponReceiving('a draft quote for job RPR-24-00815')
      .withRequest('POST', '/jobs/RPR-24-00815/quotes', (builder) => {
        builder.headers(bearer).jsonBody({ items: [item] });
      })
      .willRespondWith(201, (builder) => {
        builder.jsonBody({
          status: 'Draft',
          items: eachLike({ description: string('Repair front bumper'), quantity: number(2.5), price: number(95) }),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const quote = unwrap(
            await (await connectedUser(mockServer.url)).POST('/jobs/{jobId}/quotes', {
              params: { path: { jobId: 'RPR-24-00815' } },
              body: { items: [{ type: 'RepairLabour', description: 'Repair front bumper', quantity: 2.5, price: 95 }] },
            }),
          );
          expect(quote.status).toBe('Draft');
        }),
      );
  });

  it('submitQuote: the draft becomes Submitted', async () => {
    await pact
      .addInteraction()
      .given('job RPR-24-00815 has a draft quote')
      .uponReceiving('a request to submit the quote of job RPR-24-00815')
      .withRequest('POST', '/jobs/RPR-24-00815/quotes/status/Submitted', (builder) => {
        builder.headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({ status: 'Submitted', items: eachLike({ description: string('Repair front bumper') }) });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const quote = unwrap(
            await (await connectedUser(mockServer.url)).POST('/jobs/{jobId}/quotes/status/{status}', {
              params: { path: { jobId: 'RPR-24-00815', status: 'Submitted' } },
            }),
          );
          expect(quote.status).toBe('Submitted');
        }),
      );
  });
});

describeRecordedPactChecks('helloclaims');
