import { AuthError, AuthErrorCode } from './auth-errors.js';

/** Encrypts refresh tokens before they reach a store, and decrypts them after. */
export interface RefreshTokenCipher {
  encrypt(plaintext: string): Promise<string>;
  decrypt(stored: string): Promise<string>;
}

/** A key for {@link createRefreshTokenCipher}: an id stored beside each ciphertext, and 32 raw bytes (AES-256). */
export interface CipherKey {
  /** Stored with each ciphertext so that old ciphertexts stay readable after you rotate keys. */
  id: string;
  /** 32 bytes of key material, or an AES-GCM `CryptoKey`. Keep it outside the token store. */
  key: Uint8Array | CryptoKey;
}

const prefix = 'enc:v1';
const encoder = new TextEncoder();

/**
 * Encryption at rest of refresh tokens with AES-256-GCM on WebCrypto. The first key encrypts; every
 * key decrypts what was written under its id, so rotation is: put the new key first, keep the old
 * ones until every stored grant has been refreshed (grants re-encrypt with the first key on each
 * refresh), then drop them. The format is `enc:v1:<key id>:<iv>:<ciphertext>` (base64url), and the
 * key id and version are bound to the ciphertext as additional data, so a swapped id fails.
 *
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for no keys, a repeated id or a key of the wrong size.
 */
export async function createRefreshTokenCipher(keys: readonly CipherKey[]): Promise<RefreshTokenCipher> {
  const [current] = keys;
  if (current === undefined) throw configuration('createRefreshTokenCipher needs at least one key.');
  const imported = new Map<string, CryptoKey>();
  for (const { id, key } of keys) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw configuration('Key ids must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -.');
    if (imported.has(id)) throw configuration(`The key id "${id}" appears twice.`);
    if (key instanceof Uint8Array && key.length !== 32) throw configuration(`Key "${id}" has ${key.length} bytes; AES-256-GCM needs 32.`);
    imported.set(
      id,
      key instanceof Uint8Array ? await crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, ['encrypt', 'decrypt']) : key,
    );
  }
  const currentKey = imported.get(current.id) as CryptoKey;

  return {
    async encrypt(plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const additionalData = encoder.encode(`${prefix}:${current.id}`);
      const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, currentKey, encoder.encode(plaintext));
      return [prefix, current.id, toBase64Url(iv), toBase64Url(new Uint8Array(ciphertext))].join(':');
    },
    async decrypt(stored) {
      const parts = stored.split(':');
      if (parts.length !== 5 || `${parts[0]}:${parts[1]}` !== prefix) throw decryptionFailed('it is not in the enc:v1 format');
      const [, , id = '', iv = '', ciphertext = ''] = parts;
      const key = imported.get(id);
      if (key === undefined) throw decryptionFailed(`no key has the id "${id}" (was it rotated out too early?)`);
      try {
        const plaintext = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: encoder.encode(`${prefix}:${id}`) },
          key,
          fromBase64Url(ciphertext),
        );
        return new TextDecoder().decode(plaintext);
      } catch {
        throw decryptionFailed('the ciphertext or its key id was altered, or the key is wrong');
      }
    },
  };
}

function configuration(message: string): AuthError {
  return new AuthError(message, {
    code: AuthErrorCode.invalidConfiguration,
    hint: 'Generate keys with crypto.getRandomValues(new Uint8Array(32)).',
  });
}

function decryptionFailed(why: string): AuthError {
  return new AuthError(`A stored refresh token could not be decrypted: ${why}.`, {
    code: AuthErrorCode.decryptionFailed,
    hint: 'Keep every key that may still have encrypted a stored grant in the key list; the user may need to connect again.',
  });
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
