import { MemoryTokenStore } from '@coverlink/auth';
import { unwrap } from '@coverlink/core';
import {
  demoClient,
  logInAt,
  type RunningHelloClaimsAuthorizationServer,
  startHelloClaimsAuthorizationServer,
} from '@coverlink/mock-helloclaims';
import { recordingFetch } from '@coverlink/mocks';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createHelloClaimsClient, type HelloClaimsClient } from './index.js';

// The mock's refresh tokens live 10 minutes here instead of the documented 24 h.
const lifetimeSeconds = 600;
const redirectUri = demoClient.redirectUris[0] ?? '';
let authorizationServer: RunningHelloClaimsAuthorizationServer;
let recorder: ReturnType<typeof recordingFetch>;
let helloClaims: HelloClaimsClient;
let tokenStore: MemoryTokenStore;

beforeEach(async () => {
  authorizationServer = await startHelloClaimsAuthorizationServer({ port: 0, refreshTokenLifetimeSeconds: lifetimeSeconds });
  recorder = recordingFetch();
  tokenStore = new MemoryTokenStore();
  helloClaims = createHelloClaimsClient({
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret,
    redirectUri,
    scopes: ['requests'],
    authorizationUrl: authorizationServer.authorizeUrl,
    tokenUrl: authorizationServer.tokenUrl,
    baseUrl: inject('helloclaimsMockUrl'),
    fetch: recorder.fetch,
    maxRetries: 0,
    tokenStore,
    refreshTokenLifetimeSeconds: lifetimeSeconds,
  });
});
afterEach(() => authorizationServer.stop());

async function connect(userId: string): Promise<void> {
  const { authorizationUrl, pending } = await helloClaims.connect({ userId });
  await helloClaims.completeConnect(await logInAt(authorizationUrl), pending);
}

const refreshRequests = () =>
  recorder.wire
    .filter((record) => record.path === '/login/token')
    .map((record) => new URLSearchParams(new TextDecoder().decode(record.body)))
    .filter((body) => body.get('grant_type') === 'refresh_token');

describe('refreshExpiringGrants() on the Hello Claims client', () => {
  it('refreshes a connected user’s grant within its refresh-token expiry, with the documented refresh request', async () => {
    await connect('repairer-7');
    const key = { provider: 'helloclaims', clientId: demoClient.clientId, subject: 'repairer-7' };
    const before = (await tokenStore.get(key))?.grant;
    expect(before?.refreshTokenExpiresAt).toBeGreaterThan(Date.now() + (lifetimeSeconds - 60) * 1000);

    const result = await helloClaims.refreshExpiringGrants({ refreshWithinSeconds: lifetimeSeconds });

    expect(result).toEqual({ due: 1, refreshed: 1, skipped: 0, reauthorizationRequired: 0, failed: 0 });
    const [refresh] = refreshRequests();
    expect([...(refresh?.keys() ?? [])].sort()).toEqual(['grant_type', 'redirect_uri', 'refresh_token']);
    expect(refresh?.get('refresh_token')).toBe(before?.refreshToken);
    expect(refresh?.get('redirect_uri')).toBe(redirectUri);
    expect(authorizationServer.refreshTokenState(before?.refreshToken ?? '')).toBe('rotated');
    const after = (await tokenStore.get(key))?.grant;
    expect(authorizationServer.refreshTokenState(after?.refreshToken ?? '')).toBe('active');
    // The user's next call uses the refreshed grant, no consent asked.
    expect(unwrap(await helloClaims.forUser('repairer-7').GET('/requests')).length).toBeGreaterThan(0);
  });

  it('sends nothing for a grant whose refresh token is far from expiry', async () => {
    await connect('repairer-8');
    const tokenRequests = recorder.wire.filter((record) => record.path === '/login/token').length;

    // Default window: half the lifetime; a grant just connected has all of it left.
    const result = await helloClaims.refreshExpiringGrants();

    expect(result).toEqual({ due: 0, refreshed: 0, skipped: 0, reauthorizationRequired: 0, failed: 0 });
    expect(recorder.wire.filter((record) => record.path === '/login/token')).toHaveLength(tokenRequests);
  });
});
