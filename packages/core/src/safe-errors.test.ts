// Errors that are safe by construction: what a provider sends (its sentence, its body, its headers,
// a page that is not JSON, a token that no header can carry) never reaches an error's text, and
// every rejection of a client call is a CoverlinkError.
import { inspect } from 'node:util';
import {
  acmeProfile,
  countingTokenProvider,
  type paths,
  recordingSleep,
  rejectionOf,
  renderingsOf,
  useFaultServer,
} from '@coverlink/test-kit';
import { describe, expect, it } from 'vitest';
import { type ApiClientOptions, createApiClient } from './api-client.js';
import {
  AbortError,
  ApiError,
  type CoverlinkError,
  InvalidAccessTokenError,
  InvalidResponseError,
  safeCode,
  UnexpectedError,
  UnprocessableEntityError,
} from './core-errors.js';
import type { TokenProvider } from './token-provider.js';
import { unwrap } from './unwrap.js';

const server = useFaultServer();

function acmeClient(options: Partial<ApiClientOptions> = {}) {
  return createApiClient<paths>({ baseUrl: server.url, profile: acmeProfile, maxRetries: 0, sleep: recordingSleep().sleep, ...options });
}

const patient = 'Beneficiary MARIA GONZALEZ (CC 123456789) has no coverage for R51';

/** Every text an error shows, with the default inspect as well as renderingsOf's deep one. */
function allTextOf(error: unknown): string {
  return [...Object.values(renderingsOf(error)), inspect(error), (error as Error).stack ?? ''].join('\n');
}

async function unwrapRejection(call: Promise<Parameters<typeof unwrap>[0]>): Promise<unknown> {
  const result = await call;
  try {
    unwrap(result);
  } catch (error) {
    return error;
  }
  return expect.fail('expected unwrap() to throw');
}

describe('ApiError keeps the provider text out of its message and its safe view', () => {
  it("names provider, operation, status and code; the provider's sentence is on providerMessage only", async () => {
    server.script({
      status: 422,
      headers: { 'x-acme-request-id': 'req-422', 'x-echo-auth': 'Bearer leaked-token' },
      body: { error: { code: 'ACME-071', message: patient }, debug: { received_authorization: 'Bearer leaked-token' } },
    });

    const error = (await unwrapRejection(acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } }))) as ApiError;

    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.message).toBe('acme answered 422 to GET /things/{id}: ACME-071.');
    expect(error.providerMessage).toBe(patient);
    expect(error.headers['x-acme-request-id']).toBe('req-422');
    for (const text of ['MARIA', '123456789', 'leaked-token']) expect(allTextOf(error)).not.toContain(text);
    expect(Object.keys(error)).not.toEqual(expect.arrayContaining(['body']));
    expect(Object.keys(error).filter((key) => ['body', 'headers', 'providerMessage'].includes(key))).toEqual([]);
  });

  it('shows the same safe view in util.inspect as in toJSON, with the stack', () => {
    const error = ApiError.create({
      status: 404,
      operation: 'GET /things/{id}',
      provider: 'acme',
      body: { first_name: 'MARIA' },
      headers: { 'x-echo': 'MARIA' },
      providerCode: 'GONE',
      providerMessage: patient,
      requestId: 'req-1',
      hint: 'Check the id.',
    });

    const shown = inspect(error, { depth: 10 });

    expect(shown.startsWith('NotFoundError: acme answered 404 to GET /things/{id}: GONE.\n    at ')).toBe(true);
    for (const [key, value] of Object.entries(error.toJSON())) {
      if (value !== undefined) expect(shown, key).toContain(String(value));
    }
    expect(shown).not.toContain('MARIA');
    expect(inspect(error, { showHidden: true })).not.toContain('MARIA');
  });

  it('leaves out a provider code or request id that is not shaped like one', () => {
    const error = ApiError.create({
      status: 400,
      operation: 'POST /things',
      provider: 'acme',
      body: {},
      headers: {},
      providerCode: 'MARIA GONZALEZ',
      requestId: 'maria@example.test',
    });

    expect(error.message).toBe('acme answered 400 to POST /things.');
    expect(error.providerCode).toBeUndefined();
    expect(error.requestId).toBeUndefined();
  });

  it.each([
    ['071-104', '071-104'],
    ['A4001', 'A4001'],
    ['invalid_grant', 'invalid_grant'],
    ['urn:x:error.v1', 'urn:x:error.v1'],
    ['Not Found', undefined],
    ['a\nb', undefined],
    ['x'.repeat(65), undefined],
    ['', undefined],
    [42, undefined],
  ])('safeCode(%j) is %j', (value, expected) => {
    expect(safeCode(value)).toBe(expected);
  });
});

describe('error bodies that are not JSON keep only their content type and length', () => {
  it.each([
    ['an HTML 404', 404, { 'content-type': 'text/html; charset=utf-8' }, `<html><body>No page for ${patient}</body></html>`, 'text/html'],
    ['a plain-text 500 stack dump', 500, { 'content-type': 'text/plain' }, `Error: ${patient}\n    at handler (app.js:1:1)`, 'text/plain'],
    ['an octet stream', 502, {}, patient, 'application/octet-stream'],
    ['a malformed content type', 503, { 'content-type': 'text/MARIA GONZALEZ' }, patient, undefined],
  ])('%s', async (_name, status, headers, text, contentType) => {
    server.script({ status, headers, body: Buffer.from(text) });

    const error = (await unwrapRejection(acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } }))) as ApiError;

    expect(error.status).toBe(status);
    expect(error.body).toEqual({ contentType, length: Buffer.byteLength(text) });
    expect(allTextOf(error)).not.toContain('MARIA');
  });
});

describe('a success answer that is not JSON is an InvalidResponseError, never a SyntaxError quoting it', () => {
  it.each([
    ['typed JSON', { 'content-type': 'application/json' }, 'MARIA GONZALEZ, CC 123456789'],
    ['JSON cut short', { 'content-type': 'application/json' }, '{"first_name": "MARIA GONZ'],
    ['without a content type', {}, 'MARIA GONZALEZ'],
    ['typed HTML', { 'content-type': 'text/html' }, '<p>MARIA GONZALEZ</p>'],
  ])('%s', async (_name, headers, text) => {
    server.script({ status: 200, headers, body: Buffer.from(text) });

    const error = await rejectionOf(acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } }));

    expect(InvalidResponseError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ code: 'API_INVALID_RESPONSE', status: 200, operation: 'GET /things/{id}', provider: 'acme' });
    expect((error as Error).cause).toBeUndefined();
    expect(allTextOf(error)).not.toContain('MARIA');
  });

  it('still hands out a JSON answer, and an empty one as undefined', async () => {
    server.script({ status: 200, body: { id: '7', label: 'seven' } }, { status: 200, headers: { 'content-type': 'application/json' } });

    expect(unwrap(await acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } }))).toEqual({ id: '7', label: 'seven' });
    expect(unwrap(await acmeClient().GET('/things/{id}', { params: { path: { id: '8' } } }))).toBeUndefined();
  });
});

describe('a token no header can carry is refused before it is sent, without quoting it', () => {
  const constant = (token: string): TokenProvider => ({ getToken: async () => token, invalidate() {} });

  it.each([
    ['a line break', 'abc\r\nx-injected: MARIA'],
    ['a control character', 'abc\u0000MARIA'],
    ['a space', 'abc MARIA'],
    ['a character beyond ASCII', 'abcMARÍA'],
    ['nothing', ''],
  ])('%s', async (_name, token) => {
    server.script({ status: 200, body: {} });

    const error = await rejectionOf(acmeClient({ tokens: constant(token) }).GET('/things/{id}', { params: { path: { id: '7' } } }));

    expect(InvalidAccessTokenError.isInstance(error), String(error)).toBe(true);
    expect((error as CoverlinkError).code).toBe('INVALID_ACCESS_TOKEN');
    expect(allTextOf(error)).not.toContain('MARIA');
    expect(server.requests).toHaveLength(0);
  });

  it('also on the fresh-token repeat after a 401', async () => {
    server.script({ status: 401, body: {} }, { status: 200, body: {} });
    const { tokens } = countingTokenProvider();
    let calls = 0;
    const secondIsBroken: TokenProvider = {
      getToken: async (options) => (++calls === 1 ? tokens.getToken(options) : 'MARIA\nGONZALEZ'),
      invalidate: (token) => tokens.invalidate(token),
    };

    const error = await rejectionOf(acmeClient({ tokens: secondIsBroken }).GET('/things/{id}', { params: { path: { id: '7' } } }));

    expect(InvalidAccessTokenError.isInstance(error), String(error)).toBe(true);
    expect(allTextOf(error)).not.toContain('MARIA');
    expect(server.requests).toHaveLength(1);
  });
});

describe('every rejection of a client call is a CoverlinkError', () => {
  it('turns an error Coverlink did not raise into an UnexpectedError naming only its class, with no cause', async () => {
    const error = await rejectionOf(
      // A header value with a line break: undici's TypeError quotes it.
      acmeClient().GET('/things/{id}', { params: { path: { id: '7' } }, headers: { 'x-patient': 'MARIA\nGONZALEZ' } }),
    );

    expect(UnexpectedError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ code: 'UNEXPECTED_ERROR', provider: 'acme', operation: 'GET /things/{id}', originalName: 'TypeError' });
    expect((error as Error).message).toBe('The acme call GET /things/{id} failed unexpectedly (TypeError).');
    expect((error as Error).cause).toBeUndefined();
    expect(allTextOf(error)).not.toContain('MARIA');
  });

  it('wraps client.request() and a throwing middleware the same way', async () => {
    const client = acmeClient();
    client.use({
      onRequest() {
        throw new RangeError(`middleware bug for ${patient}`);
      },
    });

    const viaMethod = await rejectionOf(client.GET('/things/{id}', { params: { path: { id: '7' } } }));
    const viaRequest = await rejectionOf(client.request('post', '/things', { body: { label: 'x' } }));

    expect(viaMethod).toMatchObject({ code: 'UNEXPECTED_ERROR', operation: 'GET /things/{id}', originalName: 'RangeError' });
    expect(viaRequest).toMatchObject({ code: 'UNEXPECTED_ERROR', operation: 'POST /things', originalName: 'RangeError' });
    for (const error of [viaMethod, viaRequest]) expect(allTextOf(error)).not.toContain('MARIA');
  });

  it("passes Coverlink's own errors through, and reports the caller's abort as an AbortError", async () => {
    const controller = new AbortController();
    const client = acmeClient();
    client.use({
      onRequest() {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      },
    });

    const error = await rejectionOf(client.GET('/things/{id}', { params: { path: { id: '7' } }, signal: controller.signal }));

    expect(AbortError.isInstance(error), String(error)).toBe(true);
    expect((error as AbortError).code).toBe('ABORTED');
  });
});
