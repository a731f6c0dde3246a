import { inspect } from 'node:util';
import { AbortError } from '@coverlink/core';
import {
  demoClient,
  logInAt,
  type RunningHelloClaimsAuthorizationServer,
  startHelloClaimsAuthorizationServer,
} from '@coverlink/mock-helloclaims';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, AuthErrorCode, ReauthorizationRequiredError } from './auth-errors.js';
import { type AuthorizationCodeClient, createAuthorizationCodeClient } from './authorization-code.js';
import { MemoryTokenStore } from './memory-token-store.js';
import { createRefreshTokenCipher, type RefreshTokenCipher } from './refresh-token-cipher.js';
import type { GrantKey } from './token-store.js';
import { createUserTokenProvider, storeGrant } from './user-token-provider.js';

const redirectUri = demoClient.redirectUris[0] ?? '';
const key: GrantKey = { provider: 'helloclaims', clientId: demoClient.clientId, subject: 'user-42' };
let clock: number;
let server: RunningHelloClaimsAuthorizationServer;
let oauthClient: AuthorizationCodeClient;
let store: MemoryTokenStore;

beforeEach(async () => {
  clock = Date.parse('2026-06-25T10:00:00Z');
  server = await startHelloClaimsAuthorizationServer({ port: 0, now: () => clock });
  oauthClient = createAuthorizationCodeClient({
    authorizationUrl: server.authorizeUrl,
    tokenUrl: server.tokenUrl,
    clientId: demoClient.clientId,
    clientSecret: demoClient.clientSecret,
    now: () => clock,
  });
  store = new MemoryTokenStore();
});
afterEach(() => server.stop());

/** Connects the demo user as a platform would: login on the mock, then store the grant. */
async function connect(cipher?: RefreshTokenCipher) {
  const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['requests'], redirectUri });
  const tokens = await oauthClient.completeAuthorization(await logInAt(authorizationUrl), pending);
  secretsSeen.add(tokens.accessToken).add(tokens.refreshToken ?? '');
  await storeGrant({ store, key, tokens, cipher });
  return tokens;
}

const provider = (cipher?: RefreshTokenCipher) =>
  createUserTokenProvider({ oauthClient, store, key, redirectUri, cipher, now: () => clock });

const errorsSeen: unknown[] = [];
const secretsSeen = new Set<string>([demoClient.clientSecret]);

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  errorsSeen.push(error);
  expect(AuthError.isInstance(error)).toBe(true);
  return error as AuthError;
}

describe('createUserTokenProvider', () => {
  it('hands out the stored access token while it is fresh, without refreshing', async () => {
    const tokens = await connect();
    const user = provider();
    expect(await user.getToken()).toBe(tokens.accessToken);
    clock += 1_739_000; // 30 min less the 60 s skew, less a second
    expect(await user.getToken()).toBe(tokens.accessToken);
    expect(server.stats().refreshesPerformed).toBe(0);
  });

  it('refreshes before expiry, storing the rotated refresh token before handing out the new access token', async () => {
    const tokens = await connect();
    const user = provider();
    clock += 1_740_000;
    const fresh = await user.getToken();

    expect(fresh).not.toBe(tokens.accessToken);
    expect(server.isAccessTokenValid(fresh)).toBe(true);
    const stored = await store.get(key);
    expect(stored?.grant.accessToken).toBe(fresh);
    expect(stored?.grant.refreshToken).not.toBe(tokens.refreshToken);
    expect(stored?.grant.accessTokenExpiresAt).toBe(clock + 1_800_000);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('refreshes a token that lives less than twice the skew at half its lifetime', async () => {
    await server.stop();
    server = await startHelloClaimsAuthorizationServer({ port: 0, now: () => clock, accessTokenLifetimeSeconds: 60 });
    oauthClient = createAuthorizationCodeClient({
      authorizationUrl: server.authorizeUrl,
      tokenUrl: server.tokenUrl,
      clientId: demoClient.clientId,
      clientSecret: demoClient.clientSecret,
      now: () => clock,
    });
    const tokens = await connect();
    const user = provider();
    clock += 29_000;
    expect(await user.getToken()).toBe(tokens.accessToken);
    clock += 1_000;
    expect(await user.getToken()).not.toBe(tokens.accessToken);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('lets 25 concurrent callers after expiry share one refresh', async () => {
    await connect();
    const user = provider();
    clock += 1_800_000;
    const results = await Promise.all(Array.from({ length: 25 }, () => user.getToken()));
    expect(new Set(results).size).toBe(1);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it("ends a caller's wait when its signal aborts, while the shared refresh runs on and stores the rotated refresh token", async () => {
    const tokens = await connect();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The real refresh against the mock, held back until the caller has given up.
    const slowClient: AuthorizationCodeClient = {
      ...oauthClient,
      refresh: async (...args) => {
        await held;
        return oauthClient.refresh(...args);
      },
    };
    const user = createUserTokenProvider({ oauthClient: slowClient, store, key, redirectUri, now: () => clock });
    clock += 1_800_000;
    const controller = new AbortController();

    const abandoned = user.getToken({ signal: controller.signal }).catch((caught: unknown) => caught);
    const patient = user.getToken();
    controller.abort(new Error('the user closed the page'));
    const error = await abandoned;

    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toEqual(new Error('the user closed the page'));
    release();
    const fresh = await patient;
    expect(fresh).not.toBe(tokens.accessToken);
    expect(server.isAccessTokenValid(fresh)).toBe(true);
    expect((await store.get(key))?.grant.refreshToken).not.toBe(tokens.refreshToken);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('picks up a refresh another provider instance (another process) made, instead of refreshing again', async () => {
    await connect();
    clock += 1_800_000;
    const fromA = await provider().getToken();
    const fromB = await provider().getToken();
    expect(fromB).toBe(fromA);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('refreshes once after an API rejected the token (invalidate), even before its expiry', async () => {
    const tokens = await connect();
    const user = provider();
    user.invalidate(tokens.accessToken);
    const fresh = await user.getToken();
    expect(fresh).not.toBe(tokens.accessToken);
    expect(await user.getToken()).toBe(fresh);
    expect(server.stats().refreshesPerformed).toBe(1);
  });

  it('marks the grant dead on invalid_grant and never asks the provider again', async () => {
    const tokens = await connect();
    // Someone outside this store used the refresh token: the stored one is dead at the provider.
    await oauthClient.refresh(tokens.refreshToken ?? '', { redirectUri });
    const user = provider();
    clock += 1_800_000;

    expect(await failure(user.getToken())).toBeInstanceOf(ReauthorizationRequiredError);
    expect((await store.get(key))?.grant.status).toBe('dead');
    const before = server.stats().invalidGrant.refresh_token_reused;
    const again = await failure(user.getToken());
    expect(again.code).toBe(AuthErrorCode.reauthorizationRequired);
    expect(server.stats().invalidGrant.refresh_token_reused).toBe(before);
  });

  it('asks the user to connect when no grant is stored', async () => {
    const error = await failure(provider().getToken());
    expect(error).toBeInstanceOf(ReauthorizationRequiredError);
    expect(error.message).toMatch(/connect first/);
  });

  it('keeps refresh tokens encrypted at rest and still refreshes through them', async () => {
    const cipher = await createRefreshTokenCipher([{ id: 'k1', key: crypto.getRandomValues(new Uint8Array(32)) }]);
    const tokens = await connect(cipher);
    const stored = await store.get(key);
    expect(stored?.grant.refreshToken).toMatch(/^enc:v2:k1:/);
    expect(stored?.grant.refreshToken).not.toContain(tokens.refreshToken ?? '');

    clock += 1_800_000;
    const fresh = await provider(cipher).getToken();
    expect(server.isAccessTokenValid(fresh)).toBe(true);
    expect((await store.get(key))?.grant.refreshToken).toMatch(/^enc:v2:k1:/);
  });

  it('keeps tokens and the client secret out of every error above', () => {
    expect(errorsSeen.length).toBeGreaterThanOrEqual(3);
    for (const error of errorsSeen) {
      const rendering = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
      for (const secret of secretsSeen) if (secret !== '') expect(rendering).not.toContain(secret);
    }
  });
});
