import { inspect } from 'node:util';
import {
  demoClient,
  logInAt,
  type RunningHelloClaimsAuthorizationServer,
  startHelloClaimsAuthorizationServer,
} from '@coverlink/mock-helloclaims';
import { rejectionOf } from '@coverlink/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  AuthErrorCode,
  AuthorizationDeniedError,
  AuthorizationStateError,
  ReauthorizationRequiredError,
} from './auth-errors.js';
import { type AuthorizationCodeClient, createAuthorizationCodeClient } from './authorization-code.js';

const redirectUri = demoClient.redirectUris[0] ?? '';
let server: RunningHelloClaimsAuthorizationServer;
let clock = Date.parse('2026-06-25T10:00:00Z');
const errorsSeen: unknown[] = [];
const secretsSeen = new Set<string>([demoClient.clientSecret]);
const wire: Array<{ url: string; body: string }> = [];

// Records each token request's form body, so assertions can read what crossed the socket. The
// pipeline hands a user's fetch the whole Request (body included) and `{ signal, redirect }`.
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  wire.push({ url: request.url, body: await request.clone().text() });
  return fetch(request);
};

async function start(options: { pkce?: boolean } = {}): Promise<AuthorizationCodeClient> {
  server = await startHelloClaimsAuthorizationServer({ port: 0, now: () => clock });
  return createAuthorizationCodeClient({
    authorizationUrl: server.authorizeUrl,
    tokenUrl: server.tokenUrl,
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret,
    clientAuthentication: 'client_secret_basic_unencoded',
    pkce: options.pkce,
    fetch: recordingFetch,
    now: () => clock,
  });
}

afterEach(async () => {
  await server?.stop();
  wire.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await rejectionOf(promise, AuthError);
  errorsSeen.push(error);
  return error;
}

// A fetch in front of the mock that, for refresh-token requests only, fails in a chosen way.
function failingRefreshFetch(mode: 'after-sending' | 'before-sending-once'): typeof fetch {
  let refused = false;
  return async (input, init) => {
    const request = new Request(input, init);
    const body = await request.clone().text();
    if (!body.includes('grant_type=refresh_token')) return recordingFetch(request);
    if (mode === 'before-sending-once' && !refused) {
      refused = true;
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    }
    const answer = await recordingFetch(request);
    if (mode === 'before-sending-once') return answer;
    // The server got the request and acted on it (rotated the refresh token); the answer is lost.
    await answer.body?.cancel();
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
  };
}

describe('a refresh-token request is repeated only when it was never sent', () => {
  async function connectedClient(mode: 'after-sending' | 'before-sending-once') {
    server = await startHelloClaimsAuthorizationServer({ port: 0, now: () => clock });
    const oauthClient = createAuthorizationCodeClient({
      authorizationUrl: server.authorizeUrl,
      tokenUrl: server.tokenUrl,
      clientId: demoClient.clientId,
      clientSecret: demoClient.clientSecret,
      clientAuthentication: 'client_secret_basic_unencoded',
      fetch: failingRefreshFetch(mode),
      sleep: async () => {},
      now: () => clock,
    });
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const tokens = await oauthClient.completeAuthorization(await logInAt(authorizationUrl), pending);
    secretsSeen.add(tokens.accessToken).add(tokens.refreshToken ?? '');
    return { oauthClient, tokens };
  }
  const refreshesOnTheWire = () => wire.filter((request) => request.body.includes('grant_type=refresh_token')).length;

  it('a refresh that failed after reaching the rotating mock is not sent again', async () => {
    const { oauthClient, tokens } = await connectedClient('after-sending');

    const error = await failure(oauthClient.refresh(tokens.refreshToken ?? '', { redirectUri }));

    expect(error.code).toBe(AuthErrorCode.requestFailed);
    expect(error.message).toMatch(/\(ECONNRESET\)\.$/);
    // Exactly one refresh reached the server, though two retries were allowed.
    expect(refreshesOnTheWire()).toBe(1);
  });

  it('a refresh refused before sending (ECONNREFUSED) is sent again and succeeds', async () => {
    const { oauthClient, tokens } = await connectedClient('before-sending-once');

    const refreshed = await oauthClient.refresh(tokens.refreshToken ?? '', { redirectUri });
    secretsSeen.add(refreshed.accessToken).add(refreshed.refreshToken ?? '');

    expect(server.isAccessTokenValid(refreshed.accessToken)).toBe(true);
    expect(refreshesOnTheWire()).toBe(1);
  });
});

describe('the authorization-code flow against the Hello Claims mock', () => {
  it('authorize URL → login → callback → exchange → use → refresh → rotation', async () => {
    const oauthClient = await start();
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests', 'quotes'], redirectUri });

    expect(`${authorizationUrl.origin}${authorizationUrl.pathname}`).toBe(server.authorizeUrl);
    expect(Object.fromEntries(authorizationUrl.searchParams)).toEqual({
      response_type: 'code',
      client_id: demoClient.clientId,
      redirect_uri: redirectUri,
      scope: 'requests quotes',
      state: pending.state,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(pending.state.length).toBeGreaterThanOrEqual(32);

    const callback = await logInAt(authorizationUrl);
    const code = callback.searchParams.get('code') ?? '';
    secretsSeen.add(code).add(pending.codeVerifier ?? '');
    const tokens = await oauthClient.completeAuthorization(callback, pending);
    secretsSeen.add(tokens.accessToken).add(tokens.refreshToken ?? '');

    expect(tokens.expiresAt).toBe(clock + 1_800_000);
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(server.isAccessTokenValid(tokens.accessToken)).toBe(true);
    const exchange = new URLSearchParams(wire[0]?.body);
    expect(Object.fromEntries(exchange)).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: pending.codeVerifier,
    });

    clock += 1_700_000;
    const refreshed = await oauthClient.refresh(tokens.refreshToken ?? '', { redirectUri });
    secretsSeen.add(refreshed.accessToken).add(refreshed.refreshToken ?? '');
    expect(Object.fromEntries(new URLSearchParams(wire[1]?.body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: tokens.refreshToken,
      redirect_uri: redirectUri,
    });
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect(server.isAccessTokenValid(refreshed.accessToken)).toBe(true);

    // The rotated-away refresh token is dead: using it again means the user must connect again.
    const reuse = await failure(oauthClient.refresh(tokens.refreshToken ?? '', { redirectUri }));
    expect(reuse).toBeInstanceOf(ReauthorizationRequiredError);
    expect(reuse.oauthError).toBe('invalid_grant');
    await expect(oauthClient.refresh(refreshed.refreshToken ?? '', { redirectUri })).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
  });

  it('keeps the refresh token when a refresh answer carries none (RFC 6749 §6)', async () => {
    server = await startHelloClaimsAuthorizationServer({ port: 0, now: () => clock });
    const withoutRotation: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const { refresh_token: _dropped, ...body } = (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const settings = {
      authorizationUrl: server.authorizeUrl,
      tokenUrl: server.tokenUrl,
      clientId: demoClient.clientId,
      clientSecret: demoClient.clientSecret,
    };
    const normal = createAuthorizationCodeClient(settings);
    const { authorizationUrl, pending } = await normal.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const tokens = await normal.completeAuthorization(await logInAt(authorizationUrl), pending);
    const refreshed = await createAuthorizationCodeClient({ ...settings, fetch: withoutRotation }).refresh(tokens.refreshToken ?? '', {
      redirectUri,
    });
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
  });

  it('sends no PKCE challenge or verifier when PKCE is turned off', async () => {
    const oauthClient = await start({ pkce: false });
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    expect(authorizationUrl.searchParams.has('code_challenge')).toBe(false);
    expect(pending.codeVerifier).toBeUndefined();
    await oauthClient.completeAuthorization(await logInAt(authorizationUrl), pending);
    expect(new URLSearchParams(wire[0]?.body).has('code_verifier')).toBe(false);
  });
});

describe('settings and arguments refused before anything is sent', () => {
  const base = {
    authorizationUrl: 'http://127.0.0.1:9/authorize',
    tokenUrl: 'http://127.0.0.1:9/token',
    clientId: 'id',
    clientSecret: 'the-secret',
  };
  const refusal = (make: () => unknown) => {
    try {
      make();
    } catch (caught) {
      errorsSeen.push(caught);
      return caught as AuthError;
    }
    return expect.fail('expected the settings to be refused');
  };

  it.each([
    ['an issuer with a query', { issuer: 'https://login.example.com/realms/x?tenant=1' }, AuthErrorCode.invalidConfiguration],
    ['an issuer that is not a URL', { issuer: 'login.example.com' }, AuthErrorCode.invalidConfiguration],
    ['a plain-http issuer off this machine', { issuer: 'http://login.example.com/' }, 'INVALID_CONFIGURATION'],
    ['requireIssuerParameter without an issuer', { requireIssuerParameter: true }, AuthErrorCode.invalidConfiguration],
    ['an unknown clientAuthentication', { clientAuthentication: 'client_secret_jwt' as never }, AuthErrorCode.invalidConfiguration],
    ['a header value with a line break', { headers: { 'x-api-key': 'key\r\nthe-secret' } }, AuthErrorCode.invalidConfiguration],
  ])('%s is refused when the client is created', (_case, overrides, code) => {
    const error = refusal(() => createAuthorizationCodeClient({ ...base, ...overrides }));
    expect(error.code).toBe(code);
    expect(String(error) + JSON.stringify(error)).not.toContain('the-secret');
  });

  it('a pending authorization without its verifier, or a callback that is not a URL, is AUTH_INVALID_ARGUMENT; the code is not spent', async () => {
    const oauthClient = await start();
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const callback = await logInAt(authorizationUrl);
    secretsSeen.add(callback.searchParams.get('code') ?? '').add(pending.codeVerifier ?? '');

    const withoutVerifier = await failure(oauthClient.completeAuthorization(callback, { ...pending, codeVerifier: undefined }));
    const notUrl = await failure(oauthClient.completeAuthorization('/callback?code=x', pending));

    expect(withoutVerifier.code).toBe(AuthErrorCode.invalidArgument);
    expect(withoutVerifier.message).toMatch(/^pending\.codeVerifier /);
    expect(notUrl.code).toBe(AuthErrorCode.invalidArgument);
    expect(wire).toHaveLength(0);
    expect(server.stats().codesRedeemed).toBe(0);
  });

  it('a refresh with a redirect URI that is not a string, or a parameter that is not one, is AUTH_INVALID_ARGUMENT, not an unreachable endpoint', async () => {
    const oauthClient = await start();
    const refresh = await failure(oauthClient.refresh('a-refresh-token', { redirectUri: 42 as never }));
    const parameter = await failure(
      oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri, parameters: { max_age: 300 as never } }),
    );
    expect([refresh.code, parameter.code]).toEqual([AuthErrorCode.invalidArgument, AuthErrorCode.invalidArgument]);
    expect(refresh.message).not.toMatch(/reach/);
    expect(wire).toHaveLength(0);
  });
});

describe('callbacks that must not be exchanged', () => {
  it('a different state is a CSRF error, and the code is never sent', async () => {
    const oauthClient = await start();
    const first = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const second = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const callback = await logInAt(first.authorizationUrl);
    const error = await failure(oauthClient.completeAuthorization(callback, second.pending));
    expect(error).toBeInstanceOf(AuthorizationStateError);
    expect(error.code).toBe(AuthErrorCode.stateMismatch);
    expect(wire).toHaveLength(0);
    expect(server.stats().codesRedeemed).toBe(0);
  });

  it('a missing state is a CSRF error', async () => {
    const oauthClient = await start();
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const callback = await logInAt(authorizationUrl);
    callback.searchParams.delete('state');
    expect(await failure(oauthClient.completeAuthorization(callback, pending))).toBeInstanceOf(AuthorizationStateError);
    expect(wire).toHaveLength(0);
  });

  it('?error= from a user who pressed Deny is an AuthorizationDeniedError', async () => {
    const oauthClient = await start();
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const callback = await logInAt(authorizationUrl, { decision: 'deny' });
    const error = await failure(oauthClient.completeAuthorization(callback, pending));
    expect(error).toBeInstanceOf(AuthorizationDeniedError);
    expect(error.oauthError).toBe('access_denied');
    expect(error.hint).toMatch(/declined/);
  });

  it("keeps a callback's error_description and a free-text error off the message and the logged view", async () => {
    const oauthClient = await start();
    const { pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const callback = new URL(redirectUri);
    callback.searchParams.set('state', pending.state);
    callback.searchParams.set('error', 'refused for MARIA GONZALEZ');
    callback.searchParams.set('error_description', 'MARIA GONZALEZ (CC 123456789) is not insured');

    const error = (await failure(oauthClient.completeAuthorization(callback, pending))) as AuthorizationDeniedError;

    expect(error).toBeInstanceOf(AuthorizationDeniedError);
    expect(error.message).toBe('The authorization was refused.');
    expect(error.oauthError).toBeUndefined();
    expect(error.providerMessage).toBe('MARIA GONZALEZ (CC 123456789) is not insured');
    expect(Object.keys(error)).not.toContain('providerMessage');
    expect(JSON.stringify(error) + inspect(error, { depth: 10 })).not.toContain('MARIA');
    expect(wire).toHaveLength(0);
  });

  it('an expired code (codes live 60 s) tells the user to start again', async () => {
    const oauthClient = await start();
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const callback = await logInAt(authorizationUrl);
    clock += 61_000;
    const error = await failure(oauthClient.completeAuthorization(callback, pending));
    expect(error.code).toBe(AuthErrorCode.authorizationCodeRejected);
    expect(error.hint).toMatch(/start the authorization again/);
    expect(server.stats().invalidGrant.code_expired).toBe(1);
  });

  it('a code used twice is refused the second time', async () => {
    const oauthClient = await start();
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const callback = await logInAt(authorizationUrl);
    const tokens = await oauthClient.completeAuthorization(callback, pending);
    secretsSeen.add(tokens.accessToken).add(tokens.refreshToken ?? '');
    const error = await failure(oauthClient.completeAuthorization(callback, pending));
    expect(error.code).toBe(AuthErrorCode.authorizationCodeRejected);
    // The server revokes what the reused code had produced (RFC 6749 §4.1.2).
    expect(server.isAccessTokenValid(tokens.accessToken)).toBe(false);
  });

  it('a wrong client secret is a credentials error', async () => {
    server = await startHelloClaimsAuthorizationServer({ port: 0, now: () => clock });
    const wrong = createAuthorizationCodeClient({
      authorizationUrl: server.authorizeUrl,
      tokenUrl: server.tokenUrl,
      clientId: demoClient.clientId,
      clientSecret: 'not-the-secret',
    });
    secretsSeen.add('not-the-secret');
    const { authorizationUrl, pending } = await wrong.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const error = await failure(wrong.completeAuthorization(await logInAt(authorizationUrl), pending));
    expect(error.code).toBe(AuthErrorCode.invalidClient);
  });

  it.each([
    ['two code values', (callback: URL) => callback.searchParams.append('code', 'a-second-code'), '"code" appears 2 times'],
    [
      'the same code twice',
      (callback: URL) => callback.searchParams.append('code', callback.searchParams.get('code') ?? ''),
      '"code" appears 2 times',
    ],
    [
      'two state values',
      (callback: URL) => callback.searchParams.append('state', callback.searchParams.get('state') ?? ''),
      '"state" appears 2 times',
    ],
    ['no code', (callback: URL) => callback.searchParams.delete('code'), 'it carries no code'],
    ['an empty code', (callback: URL) => callback.searchParams.set('code', ''), 'it carries no code'],
  ])('a callback with %s is AUTH_INVALID_CALLBACK, and nothing is exchanged', async (_case, tamper, why) => {
    const oauthClient = await start();
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
    const callback = await logInAt(authorizationUrl);
    secretsSeen.add(callback.searchParams.get('code') ?? '').add(pending.codeVerifier ?? '');
    tamper(callback);
    const error = await failure(oauthClient.completeAuthorization(callback, pending));
    expect(error.code).toBe(AuthErrorCode.invalidCallback);
    expect(error.message).toBe(`The authorization callback is malformed: ${why}. Nothing was sent to the token endpoint.`);
    expect(error.message).not.toMatch(/reach/);
    expect(error.hint).toMatch(/start the authorization again/);
    expect(wire).toHaveLength(0);
    expect(server.stats().codesRedeemed).toBe(0);
  });

  it('never shows a secret, code, verifier or token in any of these errors', () => {
    expect(errorsSeen.length).toBeGreaterThanOrEqual(7);
    for (const error of errorsSeen) {
      const renderings = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
      for (const secret of secretsSeen) if (secret.length > 0) expect(renderings).not.toContain(secret);
    }
  });
});
