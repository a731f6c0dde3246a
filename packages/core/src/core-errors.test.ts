import { acmeProfile, type paths, recordingSleep, useFaultServer } from '@coverlink/test-kit';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CoverlinkError,
  NotFoundError,
  PermissionDeniedError,
  providerApiError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
} from './core-errors.js';
import { unwrap } from './unwrap.js';

const server = useFaultServer();

function acmeClient() {
  return createApiClient<paths>({ baseUrl: server.url, profile: acmeProfile, maxRetries: 0, sleep: recordingSleep().sleep });
}

/** What unwrap() throws for the call's result; fails the test when it returns. */
function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return expect.fail('expected unwrap() to throw');
}

const errorClasses = [
  CoverlinkError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
] as const;

describe('unwrap() turns an error status into the ApiError subclass for it', () => {
  it.each([
    [400, BadRequestError, 'API_BAD_REQUEST'],
    [401, AuthenticationError, 'API_AUTHENTICATION'],
    [403, PermissionDeniedError, 'API_PERMISSION_DENIED'],
    [404, NotFoundError, 'API_NOT_FOUND'],
    [409, ConflictError, 'API_CONFLICT'],
    [422, UnprocessableEntityError, 'API_UNPROCESSABLE_ENTITY'],
    [429, RateLimitError, 'API_RATE_LIMITED'],
    [500, ServerError, 'API_SERVER_ERROR'],
    [503, ServerError, 'API_SERVER_ERROR'],
    [418, ApiError, 'API_ERROR'],
  ])('maps %i to %O', async (status, ErrorClass, code) => {
    server.script({
      status,
      headers: { 'x-acme-request-id': `req-${status}` },
      body: { error: { code: `ACME-${status}`, message: 'Something is off.' }, first_name: 'Ana' },
    });

    const result = await acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } });
    const error = thrownBy(() => unwrap(result)) as ApiError;

    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(ErrorClass.isInstance(error)).toBe(true);
    expect(error.name).toBe(ErrorClass.name);
    expect(error).toMatchObject({
      status,
      code,
      operation: 'GET /things/{id}',
      provider: 'acme',
      providerCode: `ACME-${status}`,
      requestId: `req-${status}`,
      hint: `Acme hint for ${status} on GET /things/{id}.`,
      retryAfterSeconds: undefined,
      // acme's error shape declares error.code and error.message safe; first_name it does not declare, so it is dropped.
      body: { error: { code: `ACME-${status}`, message: 'Something is off.' } },
    });
    // The provider's own sentence is kept apart from the message, which holds our words and the code.
    expect(error.message).toBe(`acme answered ${status} to GET /things/{id}: ACME-${status}.`);
    expect(error.providerMessage).toBe('Something is off.');
    expect(server.requests[0]?.url).toBe('/things/7');
  });

  it('names the path template of a POST, and leaves the code out of the message when the body has none', async () => {
    server.script({ status: 409, body: 'plain text conflict' });

    const result = await acmeClient().POST('/things', { body: { label: 'x' } });
    const error = thrownBy(() => unwrap(result)) as ConflictError;

    expect(error.message).toBe('acme answered 409 to POST /things.');
    expect(error.providerCode).toBeUndefined();
    // The provider sent no request id of its own: the error names the X-Request-Id this call sent.
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.requestId).toBe(server.requests[0]?.headers['x-request-id']);
    // The text of a body that is not JSON is never kept, only its media type and length.
    expect(error.body).toEqual({ contentType: 'text/plain', length: 19 });
  });

  it('reads Retry-After into retryAfterSeconds, rounding up', async () => {
    server.script({ status: 429, headers: { 'retry-after': '120' }, body: { error: { code: 'SLOW', message: 'Slow down.' } } });

    const result = await acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } });
    expect((thrownBy(() => unwrap(result)) as RateLimitError).retryAfterSeconds).toBe(120);

    server.script({ status: 503, headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } });
    const unavailable = await acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } });
    const seconds = (thrownBy(() => unwrap(unavailable)) as ServerError).retryAfterSeconds;
    expect(seconds).toBeGreaterThanOrEqual(29);
    expect(seconds).toBeLessThanOrEqual(30);
  });

  it('keeps the values of safe response headers only, redacting secrets and unknown headers', async () => {
    server.script({
      status: 403,
      headers: { 'set-cookie': 'session=s3cr3t-session', 'x-acme-zone': 'eu', 'x-acme-request-id': 'req-9' },
      body: {},
    });

    const result = await acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } });
    const error = thrownBy(() => unwrap(result)) as PermissionDeniedError;

    expect(error.headers['set-cookie']).toBe('[redacted]');
    expect(error.headers['x-acme-zone']).toBe('[redacted]');
    expect(error.headers['x-acme-request-id']).toBe('req-9');
    expect(error.headers['content-type']).toBe('application/json');
  });

  it('returns the typed data of a success', async () => {
    server.script({ status: 200, body: { id: '7', label: 'seven' } });

    const thing = unwrap(await acmeClient().GET('/things/{id}', { params: { path: { id: '7' } } }));

    expect(thing).toEqual({ id: '7', label: 'seven' });
  });

  it('refuses, with a TypeError saying so, the failed result of a client that is not a Coverlink client', async () => {
    server.script({ status: 404, body: { error: { code: 'GONE', message: 'Gone.' } } });
    const plainClient = createClient<paths>({ baseUrl: server.url });

    const result = await plainClient.GET('/things/{id}', { params: { path: { id: '7' } } });

    expect(() => unwrap(result)).toThrow(new TypeError('unwrap() takes the result of a call made by a Coverlink client.'));
  });
});

describe('isInstance() recognises a class and its ancestors, from any copy of the package', () => {
  const details = { status: 404, operation: 'GET /things/{id}', provider: 'acme', body: {}, headers: {} };
  const notFound = ApiError.create(details);

  it('is true for the class and each ancestor', () => {
    expect(NotFoundError.isInstance(notFound)).toBe(true);
    expect(ApiError.isInstance(notFound)).toBe(true);
    expect(CoverlinkError.isInstance(notFound)).toBe(true);
  });

  it('is false for siblings and for the classes below', () => {
    for (const ErrorClass of errorClasses) {
      const expected = ErrorClass === NotFoundError || ErrorClass === ApiError || ErrorClass === CoverlinkError;
      expect(ErrorClass.isInstance(notFound), ErrorClass.name).toBe(expected);
    }
    expect(NotFoundError.isInstance(new ApiError('generic', 'API_ERROR', details))).toBe(false);
    expect(ConnectionError.isInstance(new TimeoutError('slow', { code: 'TIMEOUT' }))).toBe(false);
  });

  it('is false for plain errors and non-errors', () => {
    for (const value of [
      new Error('plain'),
      new TypeError('type'),
      Object.assign(new Error('x'), { name: 'NotFoundError' }),
      null,
      undefined,
      'NotFoundError',
      404,
      {},
    ]) {
      for (const ErrorClass of errorClasses) expect(ErrorClass.isInstance(value)).toBe(false);
    }
  });

  it('is true for an error from another copy of the package, which instanceof misses', () => {
    const foreign = Object.assign(new Error('acme answered 404'), {
      [Symbol.for('@coverlink/core.errorNames')]: ['NotFoundError', 'ApiError', 'CoverlinkError'],
    });

    expect(foreign).not.toBeInstanceOf(NotFoundError);
    expect(NotFoundError.isInstance(foreign)).toBe(true);
    expect(ApiError.isInstance(foreign)).toBe(true);
    expect(CoverlinkError.isInstance(foreign)).toBe(true);
    expect(ConflictError.isInstance(foreign)).toBe(false);
    expect(ServerError.isInstance(foreign)).toBe(false);
  });

  it('records the names under the shared symbol, most specific first', () => {
    expect((notFound as unknown as Record<symbol, unknown>)[Symbol.for('@coverlink/core.errorNames')]).toEqual([
      'NotFoundError',
      'ApiError',
      'CoverlinkError',
    ]);
  });

  it('works for transport errors too', () => {
    const timeout = new TimeoutError('slow', { code: 'TIMEOUT' });
    expect(TimeoutError.isInstance(timeout)).toBe(true);
    expect(CoverlinkError.isInstance(timeout)).toBe(true);
    expect(ApiError.isInstance(timeout)).toBe(false);
  });
});

describe('ApiError.create() and the error shapes', () => {
  it('maps other 5xx statuses to ServerError and other 4xx to a plain ApiError', () => {
    const base = { operation: 'GET /x', provider: 'acme', body: {}, headers: {} };
    expect(ApiError.create({ ...base, status: 502 }).constructor).toBe(ServerError);
    expect(ApiError.create({ ...base, status: 599 }).code).toBe('API_SERVER_ERROR');
    expect(ApiError.create({ ...base, status: 410 }).constructor).toBe(ApiError);
    expect(ApiError.create({ ...base, status: 410 }).code).toBe('API_ERROR');
  });

  it('serialises to JSON without body or headers', () => {
    const error = ApiError.create({
      status: 404,
      operation: 'GET /things/{id}',
      provider: 'acme',
      body: { detail: 'kept out of JSON' },
      headers: { 'x-acme-zone': 'eu' },
      requestId: 'req-1',
      providerCode: 'GONE',
      providerMessage: 'Gone.',
      retryAfterSeconds: 3,
      hint: 'Check the id.',
    });

    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NotFoundError',
      code: 'API_NOT_FOUND',
      message: 'acme answered 404 to GET /things/{id}: GONE.',
      hint: 'Check the id.',
      status: 404,
      operation: 'GET /things/{id}',
      provider: 'acme',
      providerCode: 'GONE',
      requestId: 'req-1',
      retryAfterSeconds: 3,
    });
    expect(String(error)).toBe('NotFoundError: acme answered 404 to GET /things/{id}: GONE.');
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('socket hang up');
    expect(new ConnectionError('could not connect', { code: 'CONNECTION_FAILED', cause }).cause).toBe(cause);
    expect('cause' in new ConnectionError('could not connect', { code: 'CONNECTION_FAILED' })).toBe(false);
  });
});

describe('providerApiError', () => {
  it("recognises one provider's HTTP errors of every status class, and nothing else", () => {
    const details = { status: 404, operation: 'GET /things/{id}', body: {}, headers: {} };
    const acme = providerApiError('acme');
    expect(acme.isInstance(ApiError.create({ ...details, provider: 'acme' }))).toBe(true);
    expect(acme.isInstance(ApiError.create({ ...details, status: 503, provider: 'acme' }))).toBe(true);
    expect(acme.isInstance(ApiError.create({ ...details, provider: 'other' }))).toBe(false);
    expect(acme.isInstance(new Error('acme'))).toBe(false);
  });
});
