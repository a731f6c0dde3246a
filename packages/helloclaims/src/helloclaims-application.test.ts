import { ConfigurationError, unwrap } from '@coverlink/core';
import { demoClient, type RunningHelloClaimsAuthorizationServer, startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { recordingFetch } from '@coverlink/mocks';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createHelloClaimsClient, type HelloClaimsClientSettings } from './index.js';

const redirectUri = demoClient.redirectUris[0] ?? '';
let authorizationServer: RunningHelloClaimsAuthorizationServer;
let recorder: ReturnType<typeof recordingFetch>;

function settings(overrides: Partial<HelloClaimsClientSettings> = {}): HelloClaimsClientSettings {
  return {
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret,
    redirectUri,
    scopes: ['requests'],
    authorizationUrl: authorizationServer.authorizeUrl,
    tokenUrl: authorizationServer.tokenUrl,
    baseUrl: inject('helloclaimsMockUrl'),
    fetch: recorder.fetch,
    maxRetries: 0,
    ...overrides,
  };
}

beforeEach(async () => {
  authorizationServer = await startHelloClaimsAuthorizationServer({ port: 0 });
  recorder = recordingFetch();
});
afterEach(() => authorizationServer.stop());

describe('the application client (client-credentials grant)', () => {
  it('sends the documented client-credentials request, then calls the API with the issued bearer token', async () => {
    const helloClaims = createHelloClaimsClient(settings());

    const requests = unwrap(await helloClaims.forApplication().GET('/requests'));

    expect(requests.length).toBeGreaterThan(0);
    const tokenRequests = recorder.wire.filter((record) => record.path === '/login/token');
    expect(tokenRequests).toHaveLength(1);
    const [tokenRequest] = tokenRequests;
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.headers.get('authorization')).toBe(`Basic ${btoa(`${demoClient.clientId}:${demoClient.clientSecret}`)}`);
    expect(tokenRequest?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    // Full privilege: no scope, and no secret in the body beside the Basic header.
    expect(new TextDecoder().decode(tokenRequest?.body)).toBe('grant_type=client_credentials');
    expect(authorizationServer.stats().clientCredentialsGrants).toBe(1);
    const bearer = recorder.wire.find((record) => record.path === '/requests')?.headers.get('authorization') ?? '';
    expect(authorizationServer.isAccessTokenValid(bearer.replace(/^Bearer /, ''))).toBe(true);
  });

  it('shares one cached token between every application client and concurrent call, and needs no connected user', async () => {
    const helloClaims = createHelloClaimsClient(settings());

    await Promise.all(Array.from({ length: 5 }, () => helloClaims.forApplication().GET('/requests').then(unwrap)));
    await helloClaims.forApplication().GET('/requests').then(unwrap);

    expect(authorizationServer.stats().clientCredentialsGrants).toBe(1);
    expect(recorder.wire.filter((record) => record.path === '/login/token')).toHaveLength(1);
    expect(authorizationServer.stats().codesIssued).toBe(0);
    expect(authorizationServer.stats().refreshTokensIssued).toBe(0);
  });
});

describe('scopes', () => {
  it('sends the configured scopes, and a connect-time override, never a default of its own', async () => {
    const helloClaims = createHelloClaimsClient(settings({ scopes: ['requests'] }));
    const configured = await helloClaims.connect({ userId: 'repairer-1' });
    expect(configured.authorizationUrl.searchParams.get('scope')).toBe('requests');
    const asked = await helloClaims.connect({ userId: 'repairer-1', scopes: ['quotes', 'requests'] });
    expect(asked.authorizationUrl.searchParams.get('scope')).toBe('quotes requests');
  });

  it.each([
    ['missing', undefined],
    ['empty', []],
    ['holding an empty scope', ['']],
    ['holding a space', ['requests quotes']],
  ])('refuses scopes %s at creation, with a typed error and a hint, before anything is sent', (_case, scopes) => {
    let caught: unknown;
    try {
      createHelloClaimsClient(settings({ scopes: scopes as readonly string[] }));
    } catch (error) {
      caught = error;
    }
    expect(ConfigurationError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'INVALID_CONFIGURATION', hint: expect.stringMatching(/scope list is not public/) });
    expect((caught as Error).message).toMatch(/^scopes must be a non-empty list/);
    expect(recorder.wire).toHaveLength(0);
  });

  it('refuses an unusable per-call scope list the same way', async () => {
    const helloClaims = createHelloClaimsClient(settings());
    await expect(helloClaims.connect({ userId: 'repairer-1', scopes: [] })).rejects.toMatchObject({
      code: 'INVALID_CONFIGURATION',
      message: expect.stringMatching(/^connect\(\{ scopes \}\) must be/),
    });
  });
});
