// The Hello Claims client is the authorization-code template: here it runs against an
// authorization server nobody here wrote (oauth2-mock-server, in-process on 127.0.0.1), with a
// path issuer that sends RFC 9207 `iss`, an ID token in every answer and rotating refresh tokens.
import { AuthorizationIssuerError, ReauthorizationRequiredError } from '@coverlink/auth';
import { unwrap } from '@coverlink/core';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createHelloClaimsClient, type HelloClaimsClient } from './index.js';

let server: OAuth2Server;
let helloClaims: HelloClaimsClient;
let callbackIssuer: string | undefined;
const tokenRequests: URLSearchParams[] = [];
const issuedRefreshTokens: string[] = [];

beforeEach(async () => {
  server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${server.address().port}`;
  server.issuer.url = `${origin}/oauth2/default`;
  callbackIssuer = server.issuer.url;
  tokenRequests.length = 0;
  issuedRefreshTokens.length = 0;
  // The mock's documented hooks: send `iss` with the callback, record the token requests, and
  // issue access tokens that expire at once so that every API call refreshes.
  server.service.on('beforeAuthorizeRedirect', (redirect: { url: URL }) => {
    if (callbackIssuer !== undefined) redirect.url.searchParams.set('iss', callbackIssuer);
  });
  server.service.on('beforeResponse', (response: { body: Record<string, unknown> }, request: { body: Record<string, string> }) => {
    tokenRequests.push(new URLSearchParams(request.body));
    response.body.expires_in = 0;
    if (typeof response.body.refresh_token === 'string') issuedRefreshTokens.push(response.body.refresh_token);
  });
  helloClaims = createHelloClaimsClient({
    clientId: 'repairer-app',
    clientSecret: 'repairer-secret',
    redirectUri: `${origin}/callback`,
    scopes: ['requests', 'quotes'],
    authorizationUrl: `${origin}/authorize`,
    tokenUrl: `${origin}/token`,
    issuer: server.issuer.url,
    requireIssuerParameter: true,
    baseUrl: inject('helloclaimsMockUrl'),
    maxRetries: 0,
  });
});

afterEach(() => server.stop());

async function logIn(authorizationUrl: URL): Promise<URL> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  await response.body?.cancel();
  return new URL(response.headers.get('location') ?? '', authorizationUrl);
}

describe('the Hello Claims client against oauth2-mock-server', () => {
  it('connects through a path issuer with extra parameters, calls the API and rotates the refresh token', async () => {
    const { authorizationUrl, pending } = await helloClaims.connect({
      userId: 'repairer-7',
      parameters: { prompt: 'consent', login_hint: 'jo@example.com' },
    });
    expect(authorizationUrl.searchParams.get('prompt')).toBe('consent');
    expect(authorizationUrl.searchParams.get('login_hint')).toBe('jo@example.com');

    await helloClaims.completeConnect(await logIn(authorizationUrl), pending);
    const api = helloClaims.forUser('repairer-7');
    expect(unwrap(await api.GET('/requests')).length).toBeGreaterThan(0);
    expect(unwrap(await api.GET('/requests')).length).toBeGreaterThan(0);

    expect(tokenRequests.map((request) => request.get('grant_type'))).toEqual(['authorization_code', 'refresh_token', 'refresh_token']);
    // Each refresh presents the token the previous answer rotated in.
    expect(tokenRequests[1]?.get('refresh_token')).toBe(issuedRefreshTokens[0]);
    expect(tokenRequests[2]?.get('refresh_token')).toBe(issuedRefreshTokens[1]);
  });

  it.each([
    ['another issuer', 'https://attacker.example/oauth2/default'],
    ['no iss', undefined],
  ])('a callback with %s is AuthorizationIssuerError: nothing is exchanged or stored', async (_case, iss) => {
    callbackIssuer = iss;
    const { authorizationUrl, pending } = await helloClaims.connect({ userId: 'repairer-8' });

    await expect(helloClaims.completeConnect(await logIn(authorizationUrl), pending)).rejects.toBeInstanceOf(AuthorizationIssuerError);

    expect(tokenRequests).toHaveLength(0);
    await expect(helloClaims.forUser('repairer-8').GET('/requests')).rejects.toBeInstanceOf(ReauthorizationRequiredError);
  });
});
