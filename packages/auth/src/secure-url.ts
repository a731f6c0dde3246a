import { AuthError, AuthErrorCode } from './auth-errors.js';

/** Whether `hostname` (as `URL#hostname` gives it) names this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Parses `value` and checks it may carry credentials: `https:` anywhere, `http:` only to a loopback
 * host (the local mocks), so a typo cannot send a client secret or token over plain HTTP.
 *
 * @param value The URL to check.
 * @param setting The name of the setting it came from, used in the error message.
 * @returns The parsed URL and whether plain HTTP must be allowed for it.
 * @throws {AuthError} With code `AUTH_INVALID_CONFIGURATION` for a malformed or insecure URL.
 */
export function parseSecureUrl(value: string | URL, setting: string): { url: URL; insecureLoopback: boolean } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthError(`${setting} is not an absolute URL.`, {
      code: AuthErrorCode.invalidConfiguration,
      hint: `Pass a full URL such as https://sandbox.example.com for ${setting}.`,
    });
  }
  if (url.protocol === 'https:') return { url, insecureLoopback: false };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { url, insecureLoopback: true };
  throw new AuthError(`${setting} must use https:// (plain http:// is accepted only for 127.0.0.1, ::1 and localhost).`, {
    code: AuthErrorCode.invalidConfiguration,
    hint: `Change ${setting} to its https:// address, or run the local mock on a loopback address.`,
  });
}
