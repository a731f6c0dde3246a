// The one check of every URL that carries credentials or personal data (base URLs, token and
// authorization endpoints, redirect URIs): https anywhere, plain http only to this machine.
import { ConfigurationError } from './core-errors.js';

/**
 * Whether `hostname` (as `URL#hostname` gives it) names this machine's loopback interface: exactly
 * `localhost`, an address in 127.0.0.0/8, or `[::1]`.
 *
 * Subdomains of `localhost` (`evil.localhost`) are refused: only some resolvers pin them to
 * loopback (RFC 6761 asks them to, and many send the name to DNS instead), so a plain-HTTP secret
 * could leave the machine. `localhost.` (trailing dot, the absolute DNS name) is refused for the
 * same reason: whether it is answered from the hosts file or sent to the DNS server depends on the
 * resolver, and no local mock needs it.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false;
}

/**
 * Parses `value` and checks it may carry credentials: `https:` anywhere, `http:` only to a loopback
 * host (the local mocks), so a typo cannot send a client secret or token over plain HTTP.
 *
 * @param value The URL to check.
 * @param setting The name of the setting it came from, used in the error message.
 * @returns The parsed URL and whether plain HTTP must be allowed for it.
 * @throws {ConfigurationError} With code `INVALID_CONFIGURATION` for a malformed or insecure URL.
 */
export function parseSecureUrl(value: string | URL, setting: string): { url: URL; insecureLoopback: boolean } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`${setting} is not an absolute URL.`, {
      code: 'INVALID_CONFIGURATION',
      hint: `Pass a full URL such as https://sandbox.example.com for ${setting}.`,
    });
  }
  if (url.protocol === 'https:') return { url, insecureLoopback: false };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { url, insecureLoopback: true };
  throw new ConfigurationError(`${setting} must use https:// (plain http:// is accepted only for 127.0.0.1, ::1 and localhost).`, {
    code: 'INVALID_CONFIGURATION',
    hint: `Change ${setting} to its https:// address, or run the local mock on a loopback address.`,
  });
}
