import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthError, AuthErrorCode } from './auth-errors.js';
import { createRefreshTokenCipher } from './refresh-token-cipher.js';

const keyA = { id: 'key-2026-01', key: crypto.getRandomValues(new Uint8Array(32)) };
const keyB = { id: 'key-2026-07', key: crypto.getRandomValues(new Uint8Array(32)) };
const refreshToken = 'rt_9f8e7d6c5b4a-secret-refresh-token';

async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(AuthError.isInstance(error)).toBe(true);
  return error as AuthError;
}

describe('createRefreshTokenCipher (AES-256-GCM)', () => {
  it('round-trips, never stores the token in clear, and names the key that encrypted it', async () => {
    const cipher = await createRefreshTokenCipher([keyA]);
    const stored = await cipher.encrypt(refreshToken);
    expect(stored).toMatch(/^enc:v1:key-2026-01:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(refreshToken);
    expect(await cipher.decrypt(stored)).toBe(refreshToken);
    expect(await cipher.encrypt(refreshToken)).not.toBe(stored); // a fresh IV each time
  });

  it('rotates: the first key encrypts, older keys still decrypt what they wrote', async () => {
    const before = await (await createRefreshTokenCipher([keyA])).encrypt(refreshToken);
    const rotated = await createRefreshTokenCipher([keyB, keyA]);
    expect(await rotated.decrypt(before)).toBe(refreshToken);
    expect(await rotated.encrypt(refreshToken)).toMatch(/^enc:v1:key-2026-07:/);
  });

  it('refuses a key id it no longer has, a tampered ciphertext and a swapped key id', async () => {
    const stored = await (await createRefreshTokenCipher([keyA])).encrypt(refreshToken);
    const withoutA = await createRefreshTokenCipher([keyB]);
    expect((await failure(withoutA.decrypt(stored))).code).toBe(AuthErrorCode.decryptionFailed);

    const cipher = await createRefreshTokenCipher([keyA, keyB]);
    const parts = stored.split(':');
    const last = parts[4] ?? '';
    const tampered = [...parts.slice(0, 4), `${last.slice(0, -2)}${last.endsWith('AA') ? 'BB' : 'AA'}`].join(':');
    expect((await failure(cipher.decrypt(tampered))).code).toBe(AuthErrorCode.decryptionFailed);
    const swapped = ['enc', 'v1', 'key-2026-07', parts[3], parts[4]].join(':');
    expect((await failure(cipher.decrypt(swapped))).code).toBe(AuthErrorCode.decryptionFailed);
    expect((await failure(cipher.decrypt('plain-token'))).code).toBe(AuthErrorCode.decryptionFailed);
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
    const stored = await (await createRefreshTokenCipher([keyA])).encrypt(refreshToken);
    const error = await failure((await createRefreshTokenCipher([keyB])).decrypt(stored));
    const rendering = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join('\n');
    expect(rendering).not.toContain(refreshToken);
    expect(rendering).not.toContain(Buffer.from(keyA.key).toString('base64'));
  });
});
