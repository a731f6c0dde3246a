import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An opaque, unguessable token: 256 random bits, base64url (so it needs no escaping in a URL or a form). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares two secrets in constant time. Hashing first gives both sides the same length, so neither the content nor the
 * length of the expected value leaks through timing.
 */
export function secretsEqual(actual: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(actual), digest(expected));
}
