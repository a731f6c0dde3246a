// Test support, never built into dist: a tiny hand-written openapi-typescript `paths` type and the
// ProviderProfile of an imaginary provider, "acme", plus a fake TokenProvider that counts its calls.
import type { ProviderProfile } from './provider-profile.js';
import type { BodyShape } from './redaction.js';
import type { TokenProvider } from './token-provider.js';

export interface Thing {
  id: string;
  label: string;
}

/** Acme's error envelope: `{ "error": { "code": "THING_MISSING", "message": "No thing here." } }`. */
export interface AcmeError {
  error: { code: string; message: string };
}

export interface ThingPage {
  items: Thing[];
  end_cursor?: string | null;
  page?: { number: number; total_pages?: number };
}

interface JsonResponse<Body> {
  headers: { [name: string]: unknown };
  content: { 'application/json': Body };
}

interface NoParameters {
  query?: never;
  header?: never;
  path?: never;
  cookie?: never;
}

interface Untouched {
  put?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
}

/** The shape openapi-typescript generates, written by hand for three operations. */
export interface paths {
  '/things': Untouched & {
    parameters: NoParameters;
    get: {
      parameters: {
        query?: { cursor?: string; page?: number; access_token?: string; client_secret?: string };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: JsonResponse<ThingPage>; default: JsonResponse<AcmeError> };
    };
    post: {
      parameters: { query?: { access_token?: string }; header?: { 'Idempotency-Key'?: string }; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': Record<string, unknown> } };
      responses: { 201: JsonResponse<Thing>; default: JsonResponse<AcmeError> };
    };
  };
  '/things/{id}': Untouched & {
    parameters: NoParameters;
    get: {
      parameters: {
        query?: { access_token?: string; client_secret?: string };
        header?: never;
        path: { id: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: JsonResponse<Thing>; default: JsonResponse<AcmeError> };
    };
    post?: never;
  };
  '/uploads': Untouched & {
    parameters: NoParameters;
    get?: never;
    post: {
      parameters: { query?: never; header?: { 'Idempotency-Key'?: string }; path?: never; cookie?: never };
      requestBody: { content: { 'multipart/form-data': FormData } };
      responses: { 201: JsonResponse<{ stored: number }>; default: JsonResponse<AcmeError> };
    };
  };
}

/** Acme's sensitive fields, as codegen would list them from an acme spec marking them `x-coverlink-sensitive`. */
export const acmeSensitiveFields = ['first_name', 'last_name', 'document_number', 'birthdate', 'phone', 'email'] as const;

const sensitive: BodyShape = { sensitive: true };
const scalar: BodyShape = { scalar: true };

/**
 * Acme's error shape, as codegen would emit it: the `error` envelope with a safe code and message,
 * and a `received` echo of the person sent, whose personal fields are sensitive. Anything else in
 * an acme error body is dropped.
 */
export const acmeErrorShape: BodyShape = {
  properties: {
    error: { properties: { code: scalar, message: scalar } },
    received: {
      properties: {
        first_name: sensitive,
        last_name: sensitive,
        document_number: sensitive,
        birthdate: sensitive,
        phone: sensitive,
        email: sensitive,
        plan: scalar,
        contacts: { items: { properties: { email: sensitive, phone: sensitive, kind: scalar } } },
      },
    },
  },
};

export const acmeProfile: ProviderProfile = {
  name: 'acme',
  packageName: '@coverlink/x',
  packageVersion: '1.2.3',
  sensitiveFields: acmeSensitiveFields,
  errorShape: acmeErrorShape,
  requestIdHeader: 'x-acme-request-id',
  readError(body) {
    const error = (body as Partial<AcmeError> | null | undefined)?.error;
    return { code: error?.code, message: error?.message };
  },
  hint(status, operation) {
    return `Acme hint for ${status} on ${operation}.`;
  },
};

/** A TokenProvider handing out `token-1`, `token-2`, … (a new one after each invalidate), counting calls. */
export function countingTokenProvider(prefix = 'token') {
  let issued = 1;
  const calls = { getToken: 0, invalidated: [] as (string | undefined)[] };
  const tokens: TokenProvider = {
    async getToken() {
      calls.getToken++;
      return `${prefix}-${issued}`;
    },
    invalidate(rejectedToken) {
      calls.invalidated.push(rejectedToken);
      if (rejectedToken === undefined || rejectedToken === `${prefix}-${issued}`) issued++;
    },
  };
  return { tokens, calls };
}
