import { inspect } from 'node:util';
import { AuthorizationStateError, ReauthorizationRequiredError } from '@coverlink/auth';
import { ConflictError, type Logger, unwrap } from '@coverlink/core';
import {
  demoClient,
  logInAt,
  type RunningHelloClaimsAuthorizationServer,
  startHelloClaimsAuthorizationServer,
} from '@coverlink/mock-helloclaims';
import { recordingFetch } from '@coverlink/mocks';
import { rejectionOf } from '@coverlink/test-kit';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createHelloClaimsClient, HelloClaimsApiError, type HelloClaimsClient, type HelloClaimsClientSettings } from './index.js';

const redirectUri = demoClient.redirectUris[0] ?? '';
let authorizationServer: RunningHelloClaimsAuthorizationServer;
let recorder: ReturnType<typeof recordingFetch>;
let helloClaims: HelloClaimsClient;

async function startWith(
  options: { accessTokenLifetimeSeconds?: number } = {},
  prefer?: Parameters<typeof recordingFetch>[0],
  settings: Partial<HelloClaimsClientSettings> = {},
) {
  authorizationServer = await startHelloClaimsAuthorizationServer({ port: 0, ...options });
  recorder = recordingFetch(prefer);
  helloClaims = createHelloClaimsClient({
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret,
    redirectUri,
    scopes: ['requests', 'quotes'],
    authorizationUrl: authorizationServer.authorizeUrl,
    tokenUrl: authorizationServer.tokenUrl,
    baseUrl: inject('helloclaimsMockUrl'),
    fetch: recorder.fetch,
    maxRetries: 0,
    ...settings,
  });
}

/** Connects `userId` the way a platform does: redirect, the user logs in on the mock, the callback. */
async function connect(userId: string): Promise<void> {
  const { authorizationUrl, pending } = await helloClaims.connect({ userId });
  await helloClaims.completeConnect(await logInAt(authorizationUrl), pending);
}

afterEach(() => authorizationServer.stop());

describe('connecting a user and acting on their behalf', () => {
  beforeEach(() => startWith());

  it('connect → login → callback → list the user’s pending requests with their access token', async () => {
    const { authorizationUrl, pending } = await helloClaims.connect({ userId: 'repairer-7' });
    expect(authorizationUrl.searchParams.get('scope')).toBe('requests quotes');
    expect(pending).toMatchObject({ userId: 'repairer-7', redirectUri, state: authorizationUrl.searchParams.get('state') });

    await helloClaims.completeConnect(await logInAt(authorizationUrl), pending);
    const requests = unwrap(await helloClaims.forUser('repairer-7').GET('/requests'));

    expect(requests.length).toBeGreaterThan(0);
    expect(requests[0]).toMatchObject({ id: expect.any(String), claimNumber: expect.any(String) });
    const exchange = recorder.wire.find((record) => record.path === '/login/token');
    expect(exchange?.headers.get('authorization')).toBe(`Basic ${btoa(`${demoClient.clientId}:${demoClient.clientSecret}`)}`);
    const apiCall = recorder.wire.find((record) => record.path === '/requests');
    const bearer = apiCall?.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    expect(authorizationServer.isAccessTokenValid(bearer)).toBe(true);
  });

  it('accepts a request as a job, drafts a quote and submits it', async () => {
    await connect('repairer-7');
    const api = helloClaims.forUser('repairer-7');
    const accepted = await api.POST('/requests/{id}', { params: { path: { id: 'REQ-1' } }, body: { referenceId: 'RPR-24-00815' } });
    expect(accepted.response.status).toBe(201);
    expect(accepted.response.headers.get('location')).toMatch(/\/jobs\//);
    const job = unwrap(accepted);
    const quote = unwrap(
      await api.POST('/jobs/{jobId}/quotes', {
        params: { path: { jobId: job.id } },
        body: { items: [{ type: 'RepairLabour', description: 'Repair front bumper', quantity: 2.5, price: 95 }] },
      }),
    );
    expect(quote.items.length).toBeGreaterThan(0);
    const submitted = unwrap(
      await api.POST('/jobs/{jobId}/quotes/status/{status}', { params: { path: { jobId: job.id, status: 'Submitted' } } }),
    );
    expect(submitted.status).toBe('Submitted');
  });

  it('refuses a callback whose state was tampered with, and stores nothing', async () => {
    const { authorizationUrl, pending } = await helloClaims.connect({ userId: 'repairer-8' });
    const callback = await logInAt(authorizationUrl);
    callback.searchParams.set('state', 'forged');
    await expect(helloClaims.completeConnect(callback, pending)).rejects.toBeInstanceOf(AuthorizationStateError);
    await expect(helloClaims.forUser('repairer-8').GET('/requests')).rejects.toBeInstanceOf(ReauthorizationRequiredError);
  });

  it('asks to connect again after disconnect', async () => {
    await connect('repairer-9');
    await helloClaims.disconnect('repairer-9');
    await expect(helloClaims.forUser('repairer-9').GET('/requests')).rejects.toBeInstanceOf(ReauthorizationRequiredError);
  });
});

describe('token refresh and errors', () => {
  it('refreshes an expired access token and rotates the refresh token, one refresh for concurrent calls', async () => {
    await startWith({ accessTokenLifetimeSeconds: 1 });
    await connect('repairer-7');
    const api = helloClaims.forUser('repairer-7');
    const first = recorder.wire.length;
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    await Promise.all(Array.from({ length: 10 }, () => api.GET('/requests').then(unwrap)));

    expect(authorizationServer.stats().refreshesPerformed).toBe(1);
    const refresh = recorder.wire.slice(first).filter((record) => record.path === '/login/token');
    expect(refresh).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(new TextDecoder().decode(refresh[0]?.body)))).toMatchObject({
      grant_type: 'refresh_token',
      redirect_uri: redirectUri,
    });
    const bearers = new Set(
      recorder.wire
        .slice(first)
        .filter((record) => record.path === '/requests')
        .map((record) => record.headers.get('authorization')),
    );
    expect(bearers.size).toBe(1);
  });

  it('a duplicate referenceId is a ConflictError with a hint', async () => {
    await startWith({}, (path) => (path.startsWith('/requests/') ? 'code=409' : undefined));
    await connect('repairer-7');
    const error = await rejectionOf(
      helloClaims
        .forUser('repairer-7')
        .POST('/requests/{id}', { params: { path: { id: 'REQ-1' } }, body: { referenceId: 'RPR-24-00815' } })
        .then(unwrap),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    expect(HelloClaimsApiError.isInstance(error)).toBe(true);
    expect((error as ConflictError).hint).toMatch(/referenceId must be unique/);
  });
});

describe('logging', () => {
  it('logs the code exchange and the refresh as Hello Claims token requests, through the client logger, without tokens', async () => {
    const entries: unknown[][] = [];
    const logger: Logger = Object.fromEntries(
      (['debug', 'info', 'warn', 'error'] as const).map((level) => [level, (...parameters: unknown[]) => entries.push(parameters)]),
    );
    await startWith({ accessTokenLifetimeSeconds: 1 }, undefined, { logger });
    await connect('repairer-7');
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    unwrap(await helloClaims.forUser('repairer-7').GET('/requests'));

    const tokenRequest = [
      { provider: 'Hello Claims', method: 'POST', path: '/login/token', attempt: 1, status: 200, durationMs: expect.any(Number) },
      'Hello Claims POST /login/token',
    ];
    expect(entries).toEqual([
      tokenRequest,
      tokenRequest,
      [expect.objectContaining({ provider: 'Hello Claims', method: 'GET', path: '/requests', status: 200 }), 'Hello Claims GET /requests'],
    ]);
    // The secrets that crossed the wire: the code and refresh token sent, the access token used.
    const secrets = recorder.wire.flatMap((record) => {
      const form = new URLSearchParams(new TextDecoder().decode(record.body));
      return [form.get('code'), form.get('refresh_token'), record.headers.get('authorization')?.replace(/^Bearer /, '')];
    });
    const sent = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length > 8);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    const rendering = inspect(entries, { depth: 10 }) + JSON.stringify(entries);
    for (const secret of [demoClient.clientSecret, ...sent]) expect(rendering).not.toContain(secret);
  });
});
