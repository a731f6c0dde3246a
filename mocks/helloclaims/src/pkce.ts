import { createHash } from 'node:crypto';
import { secretsEqual } from '@coverlink/mocks';

/** The PKCE transformations of RFC 7636 §4.2. */
export type CodeChallengeMethod = 'S256' | 'plain';

/** A code challenge as sent to the authorize endpoint. */
export interface CodeChallenge {
  value: string;
  method: CodeChallengeMethod;
}

// RFC 7636 §4.1/§4.2: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~", for verifiers and challenges alike.
const pkceValuePattern = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Whether `method` is one the mock supports. */
export function isCodeChallengeMethod(method: string): method is CodeChallengeMethod {
  return method === 'S256' || method === 'plain';
}

/** Whether `value` has the syntax RFC 7636 requires of a code verifier or a code challenge. */
export function isPkceValue(value: string): boolean {
  return pkceValuePattern.test(value);
}

/** Whether `verifier` is the one `challenge` was derived from (RFC 7636 §4.6). */
export function verifierMatches(verifier: string, challenge: CodeChallenge): boolean {
  if (!isPkceValue(verifier)) return false;
  const derived = challenge.method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  return secretsEqual(derived, challenge.value);
}
