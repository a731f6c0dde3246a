import { AuthError, AuthErrorCode } from './auth-errors.js';
import { type GrantKey, grantKeyString } from './token-store.js';

/**
 * Encrypts refresh tokens before they reach a store, and decrypts them after. Both take the grant
 * the token belongs to: a ciphertext decrypts only for the grant it was written for.
 */
export interface RefreshTokenCipher {
  /** Encrypts the refresh token of `grant`. */
  encrypt(plaintext: string, grant: GrantKey): Promise<string>;
  /**
   * Decrypts what {@link encrypt} wrote for the same `grant`. A stored value that is not encrypted
   * (no `enc:` prefix, a grant stored before the cipher was turned on) is returned as is, unless
   * the cipher was created with `rejectPlaintext`.
   *
   * @throws {AuthError} `AUTH_DECRYPTION_FAILED` when it cannot: written for another grant, altered, unknown key id, or plain text refused.
   */
  decrypt(stored: string, grant: GrantKey): Promise<string>;
}

/** A key for {@link createRefreshTokenCipher}: an id stored beside each ciphertext, and 32 raw bytes (AES-256). */
export interface CipherKey {
  /** Stored with each ciphertext so that old ciphertexts stay readable after you rotate keys. */
  id: string;
  /** 32 bytes of key material, or an AES-GCM `CryptoKey`. Keep it outside the token store. */
  key: Uint8Array | CryptoKey;
}

/** Options of {@link createRefreshTokenCipher}. */
export interface RefreshTokenCipherOptions {
  /**
   * Refuse stored refresh tokens that are not encrypted (`AUTH_DECRYPTION_FAILED`) instead of using
   * them as they are. Default `false`, so that turning the cipher on does not break the grants
   * stored before; turn it on once every grant has been written encrypted (see
   * {@link createRefreshTokenCipher}), so that a plain token written into the store is never used.
   */
  rejectPlaintext?: boolean | undefined;
}

const prefix = 'enc:v2';
const encoder = new TextEncoder();

// The key id (no colons, see the check below) and the grant are bound to the ciphertext as
// additional data: the same bytes under another key id or in another user's record fail to decrypt.
const additionalData = (id: string, grant: GrantKey) => encoder.encode(`${prefix}:${id}:${grantKeyString(grant)}`);

/**
 * Encryption at rest of refresh tokens with AES-256-GCM on WebCrypto. The first key encrypts; every
 * key decrypts what was written under its id, so rotation is: put the new key first, keep the old
 * ones until every stored grant has been refreshed (grants re-encrypt with the first key on each
 * refresh), then drop them. The format is `enc:v2:<key id>:<iv>:<ciphertext>` (base64url); the
 * version, the key id and the grant key (`provider|clientId|subject`) are bound to the ciphertext
 * as additional data, so a swapped key id, or one user's ciphertext copied into another user's
 * record, fails with `AUTH_DECRYPTION_FAILED`. (`enc:v1`, from before ciphertexts were bound to
 * their grant, is refused.)
 *
 * Turning encryption on for grants stored in plain text: deploy with the cipher (and
 * `rejectPlaintext` left off). A plain refresh token is then used as it is, and the grant is
 * written encrypted on its next refresh. Once every grant has been refreshed since (or after the
 * longest refresh-token lifetime; a grant with no refresh in that time is dead anyway), set
 * `rejectPlaintext: true`, so that a plain token planted in the store is refused.
 *
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for no keys, a repeated id or a key of the wrong size.
 */
export async function createRefreshTokenCipher(
  keys: readonly CipherKey[],
  options: RefreshTokenCipherOptions = {},
): Promise<RefreshTokenCipher> {
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
    async encrypt(plaintext, grant) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: additionalData(current.id, grant) },
        currentKey,
        encoder.encode(plaintext),
      );
      return [prefix, current.id, toBase64Url(iv), toBase64Url(new Uint8Array(ciphertext))].join(':');
    },
    async decrypt(stored, grant) {
      if (!stored.startsWith('enc:')) {
        if (options.rejectPlaintext === true) throw decryptionFailed('it is stored in plain text, and rejectPlaintext is on');
        return stored;
      }
      const parts = stored.split(':');
      if (parts[1] === 'v1') throw decryptionFailed('it is in the enc:v1 format, which was not bound to its grant');
      if (parts.length !== 5 || `${parts[0]}:${parts[1]}` !== prefix) throw decryptionFailed(`it is not in the ${prefix} format`);
      const [, , id = '', iv = '', ciphertext = ''] = parts;
      const key = imported.get(id);
      if (key === undefined) throw decryptionFailed(`no key has the id "${id}" (was it rotated out too early?)`);
      try {
        const plaintext = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: additionalData(id, grant) },
          key,
          fromBase64Url(ciphertext),
        );
        return new TextDecoder().decode(plaintext);
      } catch {
        throw decryptionFailed('it was written for another grant, the ciphertext or its key id was altered, or the key is wrong');
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
