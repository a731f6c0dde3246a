/** What replaces a redacted value. */
export const redacted = '[redacted]';

/**
 * Header, query and body keys whose values are secret for every provider: credentials, tokens,
 * cookies, session tokens. Compared case-insensitively, ignoring `-` and `_`.
 */
export const secretKeys: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'session-token',
  'client_secret',
  'password',
  'code',
  'code_verifier',
  'otp_verification_token',
  'pin',
];

/** Keys are matched case-insensitively and without `-`/`_`, so `Client-Secret` matches `client_secret`. */
function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** A matcher for secret keys plus a provider's personal fields (names, document numbers, …). */
export function createRedactor(personalFields: readonly string[] = []): Redactor {
  const sensitive = new Set([...secretKeys, ...personalFields].map(normalise));
  const isSensitive = (key: string) => sensitive.has(normalise(key));

  function redactValue(value: unknown, depth = 0): unknown {
    if (value === null || typeof value !== 'object') return value;
    // Past the depth guard nothing is walked, so nothing can be vouched for: fail closed.
    if (depth > 32) return redacted;
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = isSensitive(key) ? redacted : redactValue(item, depth + 1);
    return copy;
  }

  return {
    isSensitive,
    value: redactValue,
    headers(headers) {
      const result: Record<string, string> = {};
      headers.forEach((value, key) => {
        result[key] = isSensitive(key) ? redacted : value;
      });
      return result;
    },
    url(url) {
      const parsed = new URL(url);
      for (const key of [...parsed.searchParams.keys()]) if (isSensitive(key)) parsed.searchParams.set(key, redacted);
      return `${parsed.origin}${parsed.pathname}${parsed.search}`;
    },
  };
}

/** Redacts secrets and personal fields out of what is logged or kept on errors. */
export interface Redactor {
  /** Whether a header, query or body key is secret or personal. */
  isSensitive(key: string): boolean;
  /** A deep copy of a parsed body with sensitive keys' values replaced by `[redacted]`. */
  value(value: unknown): unknown;
  /** Headers as a plain object, sensitive ones redacted. */
  headers(headers: Headers): Record<string, string>;
  /** The URL with sensitive query parameters redacted (user info dropped). */
  url(url: string): string;
}
