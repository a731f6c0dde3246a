import { randomBytes } from 'node:crypto';

/** An opaque, unguessable token: 256 random bits, base64url (so it needs no escaping in a URL or a form). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
