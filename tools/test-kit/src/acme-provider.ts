// acme, an imaginary provider for the tests of the shared runtime: a tiny hand-written
// openapi-typescript `paths` type and its provider profile, written by shape (core's
// `ProviderProfile`) so this kit does not depend on core, whose tests use it.

/** One thing of acme's API. */
export interface Thing {
  id: string;
  label: string;
}

/** Acme's error envelope: `{ "error": { "code": "THING_MISSING", "message": "No thing here." } }`. */
export interface AcmeError {
  error: { code: string; message: string };
}

/** One page of things, paged by cursor or by page number. */
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

const sensitive = { sensitive: true } as const;
const scalar = { scalar: true } as const;

/**
 * Acme's error shape, as codegen would emit it: the `error` envelope with a safe code and message,
 * and a `received` echo of the person sent, whose personal fields are sensitive. Anything else in
 * an acme error body is dropped.
 */
export const acmeErrorShape = {
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
} as const;

/** The profile (core's `ProviderProfile` shape) of acme, an imaginary provider. */
export const acmeProfile = {
  name: 'acme',
  packageName: '@coverlink/x',
  packageVersion: '1.2.3',
  sensitiveFields: acmeSensitiveFields,
  errorShape: acmeErrorShape,
  requestIdHeader: 'x-acme-request-id',
  readError(body: unknown): { code?: string | undefined; message?: string | undefined } {
    const error = (body as Partial<AcmeError> | null | undefined)?.error;
    return { code: error?.code, message: error?.message };
  },
  hint(status: number, operation: string): string | undefined {
    return `Acme hint for ${status} on ${operation}.`;
  },
};
