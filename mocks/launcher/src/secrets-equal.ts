import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time, for a mock's client authentication. Hashing first gives both sides the same
 * length, so neither the content nor the length of the expected value leaks through timing.
 */
export function secretsEqual(actual: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(actual), digest(expected));
}
