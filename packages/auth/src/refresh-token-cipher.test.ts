import { inspect } from 'node:util';
import { rejectionOf } from '@coverlink/test-kit';
import { describe, expect, it } from 'vitest';
import { AuthError, AuthErrorCode } from './auth-errors.js';
import { createRefreshTokenCipher } from './refresh-token-cipher.js';

const keyA = { id: 'key-2026-01', key: crypto.getRandomValues(new Uint8Array(32)) };
const keyB = { id: 'key-2026-07', key: crypto.getRandomValues(new Uint8Array(32)) };
const refreshToken = 'rt_9f8e7d6c5b4a-secret-refresh-token';
const grant = { provider: 'acme', clientId: 'platform-client', subject: 'user-1' };

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await rejectionOf(promise, AuthError);
  return error;
}

describe('createRefreshTokenCipher (AES-256-GCM)', () => {
  it('round-trips, never stores the token in clear, and names the key that encrypted it', async () => {
    const cipher = await createRefreshTokenCipher([keyA]);
    const stored = await cipher.encrypt(refreshToken, grant);
    expect(stored).toMatch(/^enc:v2:key-2026-01:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(refreshToken);
    expect(await cipher.decrypt(stored, grant)).toBe(refreshToken);
    expect(await cipher.encrypt(refreshToken, grant)).not.toBe(stored); // a fresh IV each time
  });

  it('rotates: the first key encrypts, older keys still decrypt what they wrote', async () => {
    const before = await (await createRefreshTokenCipher([keyA])).encrypt(refreshToken, grant);
    const rotated = await createRefreshTokenCipher([keyB, keyA]);
    expect(await rotated.decrypt(before, grant)).toBe(refreshToken);
    expect(await rotated.encrypt(refreshToken, grant)).toMatch(/^enc:v2:key-2026-07:/);
  });

  it('refuses a key id it no longer has, a tampered ciphertext and a swapped key id', async () => {
    const stored = await (await createRefreshTokenCipher([keyA])).encrypt(refreshToken, grant);
    const withoutA = await createRefreshTokenCipher([keyB]);
    expect((await failure(withoutA.decrypt(stored, grant))).code).toBe(AuthErrorCode.decryptionFailed);

    const cipher = await createRefreshTokenCipher([keyA, keyB]);
    const parts = stored.split(':');
    const last = parts[4] ?? '';
    const tampered = [...parts.slice(0, 4), `${last.slice(0, -2)}${last.endsWith('AA') ? 'BB' : 'AA'}`].join(':');
    expect((await failure(cipher.decrypt(tampered, grant))).code).toBe(AuthErrorCode.decryptionFailed);
    const swapped = ['enc', 'v2', 'key-2026-07', parts[3], parts[4]].join(':');
    expect((await failure(cipher.decrypt(swapped, grant))).code).toBe(AuthErrorCode.decryptionFailed);
    expect((await failure(cipher.decrypt('enc:v2:not-enough-parts', grant))).code).toBe(AuthErrorCode.decryptionFailed);
  });

  it('binds each ciphertext to its grant: copied into another user’s record, it does not decrypt', async () => {
    const cipher = await createRefreshTokenCipher([keyA]);
    const stored = await cipher.encrypt(refreshToken, grant);
    for (const other of [
      { ...grant, subject: 'user-2' },
      { ...grant, clientId: 'another-client' },
      { ...grant, provider: 'another-provider' },
      // The parts are encoded before they are joined, so moving the separator makes another grant too.
      { ...grant, clientId: 'platform-client|user-1', subject: '' },
    ]) {
      const error = await failure(cipher.decrypt(stored, other));
      expect(error.code).toBe(AuthErrorCode.decryptionFailed);
      expect(error.message).toMatch(/written for another grant/);
    }
    expect(await cipher.decrypt(stored, { ...grant })).toBe(refreshToken);
  });

  it('refuses enc:v1 ciphertexts, which were bound to their key id only', async () => {
    // An enc:v1 ciphertext as the previous version wrote it: additional data `enc:v1:<key id>`.
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const key = await crypto.subtle.importKey('raw', keyA.key, 'AES-GCM', false, ['encrypt']);
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(`enc:v1:${keyA.id}`) },
      key,
      new TextEncoder().encode(refreshToken),
    );
    const base64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
    const v1 = ['enc', 'v1', keyA.id, base64Url(iv), base64Url(new Uint8Array(sealed))].join(':');
    const error = await failure((await createRefreshTokenCipher([keyA])).decrypt(v1, grant));
    expect(error.code).toBe(AuthErrorCode.decryptionFailed);
    expect(error.message).toMatch(/enc:v1/);
  });

  it('passes a refresh token stored in plain text through, for grants stored before the cipher was on; rejectPlaintext refuses it', async () => {
    expect(await (await createRefreshTokenCipher([keyA])).decrypt(refreshToken, grant)).toBe(refreshToken);
    const strict = await createRefreshTokenCipher([keyA], { rejectPlaintext: true });
    const error = await failure(strict.decrypt(refreshToken, grant));
    expect(error.code).toBe(AuthErrorCode.decryptionFailed);
    expect(error.message).toMatch(/plain text/);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(refreshToken);
    expect(await strict.decrypt(await strict.encrypt(refreshToken, grant), grant)).toBe(refreshToken);
  });

  it('refuses unusable key lists with a clear configuration error', async () => {
    expect((await failure(createRefreshTokenCipher([]))).code).toBe(AuthErrorCode.invalidConfiguration);
    expect((await failure(createRefreshTokenCipher([{ id: 'short', key: new Uint8Array(16) }]))).message).toMatch(
      /16 bytes; AES-256-GCM needs 32/,
    );
    expect((await failure(createRefreshTokenCipher([keyA, { ...keyB, id: keyA.id }]))).message).toMatch(/appears twice/);
    expect((await failure(createRefreshTokenCipher([{ id: 'has:colon', key: keyA.key }]))).code).toBe(AuthErrorCode.invalidConfiguration);
  });

  it('keeps the token and the key material out of its errors', async () => {
    const stored = await (await createRefreshTokenCipher([keyA])).encrypt(refreshToken, grant);
    const error = await failure((await createRefreshTokenCipher([keyB])).decrypt(stored, grant));
    const rendering = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
    expect(rendering).not.toContain(refreshToken);
    expect(rendering).not.toContain(Buffer.from(keyA.key).toString('base64'));
  });
});
