/** What replaces a redacted value. */
export const redacted = '[redacted]';

/**
 * Header, query and body keys whose values are secret for every provider: credentials, tokens,
 * cookies, session tokens. Compared case-insensitively, ignoring `-` and `_`. Query parameters
 * with these names are redacted in URLs; a response header is never kept under one of these
 * names, even when a profile lists it as safe.
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

/**
 * Response headers whose values are kept on errors: they describe the response (type, length,
 * date, caching), the rate limit, or the request id to quote to support, and carry nothing a
 * provider could have echoed from the request. Every other header keeps its name with its value
 * redacted, so a token echoed in `x-echo-auth` or a cookie never survives.
 */
export const safeHeaders: readonly string[] = [
  'content-type',
  'content-length',
  'content-language',
  'content-encoding',
  'date',
  'age',
  'cache-control',
  'expires',
  'last-modified',
  'vary',
  'retry-after',
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'request-id',
  'x-request-id',
  'correlation-id',
  'x-correlation-id',
  'traceparent',
  'x-amzn-requestid',
  'x-amz-request-id',
  'cf-ray',
];

/**
 * What an API description declares at one position of a body. `@coverlink/codegen` emits the
 * shape of each provider's error bodies from its spec (`packages/<provider>/src/generated/
 * <provider>-redaction.ts`); {@link redactByShape} keeps only what it declares.
 *
 * `{}` declares nothing: whatever sits there is redacted, like `{ sensitive: true }`.
 */
export interface BodyShape {
  /** Marked `x-coverlink-sensitive: true` in the spec: the value becomes `[redacted]`, whatever it is. */
  readonly sensitive?: true;
  /** A string, number or boolean may sit here and is kept. */
  readonly scalar?: true;
  /** An object may sit here; these are its declared keys, each with its own shape. */
  readonly properties?: { readonly [key: string]: BodyShape };
  /** An object here may hold keys beyond `properties` (a map, `additionalProperties`): kept, values redacted. */
  readonly map?: true;
  /**
   * When set, a map keeps only the keys that name fields: each segment of the key (split at `.`
   * and `[…]`, so `items[0].price` and `$.referenceId` count) is one of these names or an index.
   * Codegen sets it to every property name of the spec, so a key made of provider data is dropped.
   */
  readonly mapKeys?: readonly string[];
  /** An array may sit here; every item has this shape. */
  readonly items?: BodyShape;
}

/** Past this depth nothing is walked, so nothing can be vouched for: the value is redacted. */
const maximumDepth = 32;

/**
 * A copy of a parsed body that keeps only what `shape` declares, failing closed:
 *
 * - a key the shape does not declare is **dropped**, at any depth; a map keeps its keys (only
 *   those naming fields, when the shape lists `mapKeys`) and redacts their values;
 * - a key marked sensitive keeps its name and gets `[redacted]` as its value;
 * - a value of another kind than the shape declares there (a string where an object is declared,
 *   an object or array where a string is) is redacted, and so is anything nested deeper than 32
 *   levels;
 * - `null` and `undefined` stay as they are: they carry nothing.
 *
 * The input is left untouched. Copies are built with `Object.defineProperty`, so a `__proto__`
 * key in a provider's JSON is an ordinary key of the copy and never its prototype.
 */
export function redactByShape(value: unknown, shape: BodyShape): unknown {
  return redactAt(value, shape, 0);
}

function redactAt(value: unknown, shape: BodyShape, depth: number): unknown {
  if (value === null || value === undefined) return value;
  if (shape.sensitive || depth > maximumDepth) return redacted;
  if (Array.isArray(value)) {
    const { items } = shape;
    return items === undefined ? redacted : value.map((item) => redactAt(item, items, depth + 1));
  }
  if (typeof value !== 'object') return shape.scalar ? value : redacted;
  const { properties, map } = shape;
  if (properties === undefined && !map) return redacted;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const declared = properties !== undefined && Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (declared === undefined && !(map && namesAField(key, shape.mapKeys))) continue;
    const kept = declared === undefined ? redacted : redactAt(item, declared, depth + 1);
    Object.defineProperty(copy, key, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Whether a map key may be kept: always without `mapKeys`, else when every segment of it is a known field name or an index. */
function namesAField(key: string, mapKeys: readonly string[] | undefined): boolean {
  if (mapKeys === undefined) return true;
  const segments = key.split(/[.[\]]+/).filter((segment) => segment !== '' && segment !== '$');
  return segments.length > 0 && segments.every((segment) => /^\d+$/.test(segment) || mapKeys.includes(segment));
}

/** Keys are matched case-insensitively and without `-`/`_`, so `Client-Secret` matches `client_secret`. */
function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** What a {@link Redactor} knows of a provider, from its generated redaction module. */
export interface RedactionRules {
  /** Property names the provider's spec marks `x-coverlink-sensitive`, redacted in URLs like {@link secretKeys}. */
  sensitiveFields?: readonly string[] | undefined;
  /** The shape of the provider's error bodies. Without one nothing in a body is vouched for: a whole body is redacted. */
  errorShape?: BodyShape | undefined;
  /** Header names kept besides {@link safeHeaders}, e.g. the provider's request id header. */
  safeHeaders?: readonly string[] | undefined;
}

/** A redactor for secret keys, a provider's sensitive fields, its error shape and safe headers. */
export function createRedactor(rules: RedactionRules = {}): Redactor {
  const sensitive = new Set([...secretKeys, ...(rules.sensitiveFields ?? [])].map(normalise));
  const isSensitive = (key: string) => sensitive.has(normalise(key));
  const keptHeaders = new Set([...safeHeaders, ...(rules.safeHeaders ?? [])].map((name) => name.toLowerCase()));
  const secretHeaders = new Set(secretKeys.map(normalise));
  const errorShape = rules.errorShape ?? {};

  return {
    isSensitive,
    errorBody: (body) => redactByShape(body, errorShape),
    headers(headers) {
      const result: Record<string, string> = {};
      headers.forEach((value, key) => {
        const kept = keptHeaders.has(key.toLowerCase()) && !secretHeaders.has(normalise(key));
        Object.defineProperty(result, key, { value: kept ? value : redacted, enumerable: true, writable: true, configurable: true });
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

/**
 * The redactor of a provider: its generated sensitive fields and error shape, and its request id
 * header as a safe header.
 */
export function redactorFor(profile: {
  sensitiveFields: readonly string[];
  errorShape: BodyShape;
  requestIdHeader?: string | undefined;
}): Redactor {
  return createRedactor({
    sensitiveFields: profile.sensitiveFields,
    errorShape: profile.errorShape,
    safeHeaders: profile.requestIdHeader === undefined ? [] : [profile.requestIdHeader],
  });
}

/** Redacts secrets and personal data out of what is kept on errors. */
export interface Redactor {
  /** Whether a query or body key is a secret key or one of the provider's sensitive fields. */
  isSensitive(key: string): boolean;
  /** A copy of a parsed error body keeping only what the error shape declares ({@link redactByShape}). */
  errorBody(body: unknown): unknown;
  /** Headers as a plain object: safe headers' values kept, every other value `[redacted]`. */
  headers(headers: Headers): Record<string, string>;
  /** The URL with sensitive query parameters redacted (user info and fragment dropped). */
  url(url: string): string;
}
