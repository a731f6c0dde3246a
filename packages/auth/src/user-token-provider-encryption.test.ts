// Refresh tokens encrypted at rest, through the user token provider, against the real Hello Claims mock:
// turning the cipher on for grants stored in plain text, and ciphertexts bound to their grant.
import { inspect } from 'node:util';
import {
  type DemoAuthorizationServer,
  demoClientSettings,
  demoGrantKey,
  demoRedirectUri,
  logInDemoUser,
  rejectionOf,
  startDemoAuthorizationServer,
} from '@coverlink/test-kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, AuthErrorCode } from './auth-errors.js';
import { type AuthorizationCodeClient, createAuthorizationCodeClient, type ReceivedTokens } from './authorization-code.js';
import { MemoryTokenStore } from './memory-token-store.js';
import { createRefreshTokenCipher, type RefreshTokenCipher } from './refresh-token-cipher.js';
import type { GrantKey } from './token-store.js';
import { createUserTokenProvider, storeGrant } from './user-token-provider.js';

const redirectUri = demoRedirectUri;
const alice: GrantKey = demoGrantKey('alice');
const mallory: GrantKey = demoGrantKey('mallory');
const cipherKey = { id: 'k1', key: crypto.getRandomValues(new Uint8Array(32)) };
let clock: number;
let server: DemoAuthorizationServer;
let oauthClient: AuthorizationCodeClient;
let store: MemoryTokenStore;

beforeEach(async () => {
  clock = Date.parse('2026-06-25T10:00:00Z');
  server = await startDemoAuthorizationServer({ now: () => clock });
  oauthClient = createAuthorizationCodeClient({
    ...demoClientSettings(server),
    now: () => clock,
  });
  store = new MemoryTokenStore();
});
afterEach(() => server.stop());

/** Logs the demo user in on the mock and stores the grant under `key`, encrypted when a cipher is given. */
async function connect(key: GrantKey, cipher?: RefreshTokenCipher): Promise<ReceivedTokens> {
  const tokens = await logInDemoUser(oauthClient);
  await storeGrant({ store, key, tokens, cipher });
  return tokens;
}

const provider = (key: GrantKey, cipher: RefreshTokenCipher) =>
  createUserTokenProvider({ oauthClient, store, key, redirectUri, cipher, now: () => clock });

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await rejectionOf(promise, AuthError);
  return error;
}

describe('turning refresh-token encryption on for grants stored in plain text', () => {
  it('refreshes a plain grant with its plain token, and stores it encrypted afterwards', async () => {
    const tokens = await connect(alice); // stored before the cipher was turned on
    expect((await store.get(alice))?.grant.refreshToken).toBe(tokens.refreshToken);

    const cipher = await createRefreshTokenCipher([cipherKey]);
    clock += 1_800_000;
    const fresh = await provider(alice, cipher).getToken();
    expect(server.isAccessTokenValid(fresh)).toBe(true);
    expect(server.stats().refreshesPerformed).toBe(1);
    expect(server.stats().invalidGrant.refresh_token_unknown).toBe(0);

    const stored = (await store.get(alice))?.grant.refreshToken ?? '';
    expect(stored).toMatch(/^enc:v2:k1:/);
    // The encrypted token is the rotated one, and it refreshes again under the strict cipher.
    const rotated = await cipher.decrypt(stored, alice);
    expect(rotated).not.toBe(tokens.refreshToken);
    clock += 1_800_000;
    const strict = await createRefreshTokenCipher([cipherKey], { rejectPlaintext: true });
    expect(server.isAccessTokenValid(await provider(alice, strict).getToken())).toBe(true);
    expect(server.stats().refreshesPerformed).toBe(2);
  });

  it('with rejectPlaintext, refuses a plain grant with AUTH_DECRYPTION_FAILED, without refreshing or marking it dead', async () => {
    const tokens = await connect(alice);
    const strict = await createRefreshTokenCipher([cipherKey], { rejectPlaintext: true });
    clock += 1_800_000;
    const error = await failure(provider(alice, strict).getToken());
    expect(error.code).toBe(AuthErrorCode.decryptionFailed);
    expect(server.stats().refreshesPerformed).toBe(0);
    expect((await store.get(alice))?.grant).toMatchObject({ status: 'active', refreshToken: tokens.refreshToken });
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(tokens.refreshToken);
  });
});

describe('encrypted refresh tokens are bound to their grant', () => {
  it('fails with AUTH_DECRYPTION_FAILED when one user’s encrypted refresh token is copied into another user’s record', async () => {
    const cipher = await createRefreshTokenCipher([cipherKey]);
    const aliceTokens = await connect(alice, cipher);
    await connect(mallory, cipher);
    // Someone with write access to the store copies Alice's record over Mallory's.
    const aliceRecord = (await store.get(alice))?.grant;
    if (aliceRecord === undefined) throw new Error('Alice has no grant');
    await store.set(mallory, aliceRecord);

    clock += 1_800_000;
    const error = await failure(provider(mallory, cipher).getToken());
    expect(error.code).toBe(AuthErrorCode.decryptionFailed);
    // Alice's refresh token was never sent on Mallory's behalf; her grant still refreshes.
    expect(server.stats().refreshesPerformed).toBe(0);
    expect(server.isAccessTokenValid(await provider(alice, cipher).getToken())).toBe(true);
    const rendering = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
    expect(rendering).not.toContain(aliceTokens.refreshToken);
    expect(rendering).not.toContain(aliceRecord.refreshToken);
  });
});
