import { inspect } from 'node:util';
import {
  acmeErrorShape,
  acmeProfile,
  acmeSensitiveFields,
  countingTokenProvider,
  type FaultServer,
  type LogCall,
  type paths,
  recordingLogger,
  recordingSleep,
  rejectionOf,
  renderingsOf,
  startFaultServer,
} from '@coverlink/test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client.js';
import {
  AbortError,
  type ApiError,
  AuthenticationError,
  ConnectionError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
} from './core-errors.js';
import { type BodyShape, createRedactor, redactByShape, redacted, secretKeys } from './redaction.js';
import { unwrap } from './unwrap.js';

describe('redactByShape(): keeps only what the error shape declares', () => {
  const shape: BodyShape = {
    properties: {
      code: { scalar: true },
      message: { sensitive: true },
      details: {
        properties: {
          field: { scalar: true },
          received: { sensitive: true },
          nested: { properties: { reason: { scalar: true } } },
        },
      },
      violations: { items: { properties: { field: { scalar: true }, value: { sensitive: true } } } },
      errors: { properties: {}, map: true },
    },
  };

  it('keeps a declared safe key, replaces a sensitive one and drops an undeclared one', () => {
    expect(redactByShape({ code: 'E1', message: 'Ana Soto has no cover', full_name: 'Ana Soto' }, shape)).toEqual({
      code: 'E1',
      message: redacted,
    });
  });

  it('drops undeclared keys at every depth, in objects and in array items', () => {
    const body = {
      code: 'E1',
      debug: { received_authorization: 'Bearer tok' },
      details: { field: 'dob', rejected_value: '1990-01-01', received: { email_address: 'a@b.c' }, nested: { reason: 'r', value: 'x' } },
      violations: [
        { field: 'name', value: 'Ana', echo: 'Ana' },
        { field: 'dob', extra: { deeper: 'secret' } },
      ],
    };

    expect(redactByShape(body, shape)).toEqual({
      code: 'E1',
      details: { field: 'dob', received: redacted, nested: { reason: 'r' } },
      violations: [{ field: 'name', value: redacted }, { field: 'dob' }],
    });
  });

  it("keeps a map's keys and redacts its values, whatever they hold", () => {
    expect(redactByShape({ errors: { referenceId: ["'RPR-1' is taken"], email: { nested: 'x' } } }, shape)).toEqual({
      errors: { referenceId: redacted, email: redacted },
    });
  });

  it('keeps only the map keys naming known fields when the shape lists them', () => {
    const fields: BodyShape = { properties: { errors: { properties: {}, map: true, mapKeys: ['items', 'price', 'referenceId'] } } };

    expect(
      redactByShape(
        { errors: { referenceId: ['taken'], 'items[0].price': ['< 0'], '$.referenceId': ['x'], 'ana@example.com': ['taken'], '': ['x'] } },
        fields,
      ),
    ).toEqual({ errors: { referenceId: redacted, 'items[0].price': redacted, '$.referenceId': redacted } });
  });

  it('redacts a value of another kind than the shape declares there', () => {
    expect(redactByShape({ code: { leaked: 'x' }, details: 'Ana Soto', violations: { field: 'x' } }, shape)).toEqual({
      code: redacted,
      details: redacted,
      violations: redacted,
    });
    expect(redactByShape({ code: ['x'] }, shape)).toEqual({ code: redacted });
    // A non-JSON error body arrives as a string where an object is declared.
    expect(redactByShape('<html>Ana Soto, CC 123</html>', shape)).toBe(redacted);
    expect(redactByShape(['Ana'], shape)).toBe(redacted);
  });

  it('redacts everything when the shape declares nothing, and keeps null and undefined', () => {
    expect(redactByShape({ code: 'E1' }, {})).toBe(redacted);
    expect(redactByShape('text', {})).toBe(redacted);
    for (const value of [null, undefined]) expect(redactByShape(value, {})).toBe(value);
    expect(redactByShape({ code: null, details: null }, shape)).toEqual({ code: null, details: null });
  });

  it('never lets a __proto__ key set the prototype of the copy, and never matches keys inherited by the shape', () => {
    const body = JSON.parse(
      '{"code":"E1","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"x":1}},"details":{"__proto__":{"field":"f"}}}',
    );
    const copy = redactByShape(body, shape) as Record<string, unknown>;

    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['code', 'details']);
    expect(Object.getPrototypeOf(copy.details)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();

    // A map keeps every key, __proto__ too, as an ordinary own key with a redacted value.
    const mapped = redactByShape(JSON.parse('{"errors":{"__proto__":{"polluted":"yes"}}}'), shape) as { errors: object };
    expect(Object.getPrototypeOf(mapped.errors)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(mapped.errors, '__proto__')?.value).toBe(redacted);
    expect(JSON.stringify(mapped)).toBe('{"errors":{"__proto__":"[redacted]"}}');
  });

  it('redacts what is nested deeper than it walks', () => {
    const recursive: { properties: Record<string, BodyShape>; scalar?: true } = { properties: {}, scalar: true };
    recursive.properties.level = recursive;
    let body: Record<string, unknown> = { level: 'deep-secret' };
    for (let level = 0; level < 40; level++) body = { level: body };

    const text = JSON.stringify(redactByShape(body, recursive));

    expect(text).not.toContain('deep-secret');
    expect(text).toContain(redacted);
  });

  it('leaves the input untouched', () => {
    const body = { code: 'E1', message: 'Ana', details: { received: 'x' } };
    redactByShape(body, shape);
    expect(body).toEqual({ code: 'E1', message: 'Ana', details: { received: 'x' } });
  });
});

describe('createRedactor()', () => {
  const redactor = createRedactor({ sensitiveFields: acmeSensitiveFields, errorShape: acmeErrorShape });

  it('redacts an error body by its error shape, and a whole body when it has none', () => {
    expect(redactor.errorBody({ error: { code: 'E1', message: 'm' }, first_name: 'Ana', received: { email: 'a@b.c' } })).toEqual({
      error: { code: 'E1', message: 'm' },
      received: { email: redacted },
    });
    expect(createRedactor().errorBody({ error: { code: 'E1' } })).toBe(redacted);
  });

  it('says which keys are sensitive, ignoring case, `-` and `_`', () => {
    expect(redactor.isSensitive('Client-Secret')).toBe(true);
    expect(redactor.isSensitive('DOCUMENT_NUMBER')).toBe(true);
    expect(redactor.isSensitive('documentNumber')).toBe(true);
    expect(redactor.isSensitive('document_type')).toBe(false);
    for (const key of secretKeys) expect(createRedactor().isSensitive(key.toUpperCase())).toBe(true);
  });
});

describe('createRedactor().url and .headers', () => {
  const redactor = createRedactor({ sensitiveFields: acmeSensitiveFields, safeHeaders: ['X-Acme-Request-Id'] });

  it('redacts sensitive query parameters, drops user info and fragment, keeps the rest', () => {
    const url = redactor.url(
      'https://user:pass@api.acme.test/v1/things?access_token=abc&Client-Secret=def&document_number=123&page=2#frag',
    );

    expect(url).toBe(
      'https://api.acme.test/v1/things?access_token=%5Bredacted%5D&Client-Secret=%5Bredacted%5D&document_number=%5Bredacted%5D&page=2',
    );
    for (const value of ['abc', 'def', '123', 'user', 'pass', 'frag']) expect(url).not.toContain(value);
  });

  it('leaves a URL without sensitive parameters as it was', () =>
    expect(redactor.url('http://127.0.0.1:4010/things?page=1&size=20')).toBe('http://127.0.0.1:4010/things?page=1&size=20'));

  it('keeps the values of safe headers only, the profile-named request id among them, and redacts every other', () => {
    const headers = new Headers({
      Authorization: 'Bearer abc',
      'Proxy-Authorization': 'Basic def',
      Cookie: 'session=ghi',
      'X-Api-Key': 'jkl',
      'X-Echo-Auth': 'Bearer echoed',
      'X-Debug-Patient': 'Ana Soto',
      'WWW-Authenticate': 'Bearer error="invalid_token", error_description="token tok_1 expired"',
      'Content-Type': 'application/json',
      'Content-Length': '42',
      'Retry-After': '30',
      'RateLimit-Remaining': '0',
      'X-Request-Id': 'req-1',
      'X-Acme-Request-Id': 'acme-1',
    });

    expect(redactor.headers(headers)).toEqual({
      authorization: redacted,
      'proxy-authorization': redacted,
      cookie: redacted,
      'x-api-key': redacted,
      'x-echo-auth': redacted,
      'x-debug-patient': redacted,
      'www-authenticate': redacted,
      'content-type': 'application/json',
      'content-length': '42',
      'retry-after': '30',
      'ratelimit-remaining': '0',
      'x-request-id': 'req-1',
      'x-acme-request-id': 'acme-1',
    });
    expect(createRedactor().headers(new Headers({ 'X-Acme-Request-Id': 'acme-1' }))).toEqual({ 'x-acme-request-id': redacted });
  });

  it('never keeps a secret header, even one a profile calls safe', () =>
    expect(
      createRedactor({ safeHeaders: ['Authorization', 'x-api-key'] }).headers(new Headers({ Authorization: 'Bearer a', 'X-Api-Key': 'k' })),
    ).toEqual({
      authorization: redacted,
      'x-api-key': redacted,
    }));
});
// End to end: a client whose requests carry a bearer token, secrets in the query and personal fields
// in the body, against a server that echoes tokens and personal data in its error bodies.
describe('nothing secret or personal reaches a log call or an error', () => {
  const tokenPrefix = 'tok_live_51Hx';
  const queryAccessToken = 'qs-access-9c1d2e';
  const queryClientSecret = 'qs-secret-7b3a4f';
  const bodyToken = 'body-token-5e6f70';
  const sessionCookie = 'cookie-3d4c5b';
  const person = {
    first_name: 'Valentina',
    last_name: 'Quispe-Mamani',
    document_number: '80012345678',
    birthdate: '1987-03-14',
    phone: '+51 987 654 321',
    email: 'valentina.q@example.pe',
  };
  const sensitiveValues = [tokenPrefix, queryAccessToken, queryClientSecret, bodyToken, sessionCookie, ...Object.values(person)];

  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  function setup(options: { timeout?: number } = {}) {
    const { logger, calls, entries } = recordingLogger();
    const { tokens } = countingTokenProvider(tokenPrefix);
    const client = createApiClient<paths>({
      baseUrl: server.url,
      profile: acmeProfile,
      tokens,
      logger,
      sleep: recordingSleep().sleep,
      ...options,
    });
    return { client, calls, entries };
  }

  const query = { access_token: queryAccessToken, client_secret: queryClientSecret };
  const errorBody = (code: string) => ({
    error: { code, message: 'Request refused.' },
    access_token: bodyToken,
    refresh_token: bodyToken,
    received: { ...person, contacts: [{ email: person.email, phone: person.phone }] },
  });

  function expectNothingSensitiveIn(errors: unknown[], calls: LogCall[]) {
    expect(errors.length).toBeGreaterThan(0);
    expect(calls.length).toBeGreaterThan(0);
    const texts: [string, string][] = [
      ...errors.flatMap((error, index) =>
        Object.entries(renderingsOf(error)).map(([how, text]): [string, string] => [`error ${index} ${how}`, text]),
      ),
      ...calls.map((call, index): [string, string] => [
        `log call ${index}`,
        `${inspect(call.args, { depth: 10, showHidden: true })} ${JSON.stringify(call.args)}`,
      ]),
    ];
    for (const [where, text] of texts) for (const value of sensitiveValues) expect(text, `${where} holds ${value}`).not.toContain(value);
  }

  /** The secrets did cross the socket: the test is about what the client keeps, not what it never had. */
  function expectSentOnTheWire(...values: string[]) {
    const wire = server.requests
      .map((request) => `${request.url} ${JSON.stringify(request.headers)} ${request.body.toString()}`)
      .join('\n');
    for (const value of values) expect(wire).toContain(value);
  }

  it('on a 401 after the fresh-token retry, with tokens in the query and the error body', async () => {
    const { client, calls } = setup();
    server.script({ status: 401, body: errorBody('TOKEN_EXPIRED') }, { status: 401, body: errorBody('TOKEN_REJECTED') });

    const result = await client.GET('/things/{id}', { params: { path: { id: person.document_number }, query } });
    const error = await rejectionOf(Promise.resolve(result).then(unwrap));

    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as AuthenticationError).operation).toBe('GET /things/{id}');
    // The tokens sit under keys acme's error shape does not declare: dropped, not just redacted.
    expect((error as AuthenticationError).body).toEqual({
      error: { code: 'TOKEN_REJECTED', message: 'Request refused.' },
      received: {
        first_name: redacted,
        last_name: redacted,
        document_number: redacted,
        birthdate: redacted,
        phone: redacted,
        email: redacted,
        contacts: [{ email: redacted, phone: redacted }],
      },
    });
    expectSentOnTheWire(`Bearer ${tokenPrefix}-1`, `Bearer ${tokenPrefix}-2`, queryAccessToken, queryClientSecret, person.document_number);
    expectNothingSensitiveIn([error], calls);
  });

  it('on a 422 to a POST of personal data, echoed back in the error body', async () => {
    const { client, calls } = setup();
    server.script({ status: 422, headers: { 'set-cookie': `session=${sessionCookie}` }, body: errorBody('INVALID_PERSON') });

    const result = await client.POST('/things', {
      body: { ...person, plan: 'gold' },
      params: { query: { access_token: queryAccessToken } },
    });
    const error = await rejectionOf(Promise.resolve(result).then(unwrap));

    expect(UnprocessableEntityError.isInstance(error)).toBe(true);
    expect((error as ApiError).body).toMatchObject({
      received: { first_name: redacted, contacts: [{ email: redacted, phone: redacted }] },
    });
    expect((error as ApiError).headers['set-cookie']).toBe(redacted);
    expectSentOnTheWire(person.first_name, person.email, person.birthdate);
    expectNothingSensitiveIn([error], calls);
  });

  it('on 503s retried to the end, logging each attempt without the filled-in path or query', async () => {
    const { client, calls, entries } = setup();
    const unavailable = { status: 503, headers: { 'set-cookie': `session=${sessionCookie}` }, body: errorBody('DOWN') };
    server.script(unavailable, unavailable, unavailable);

    const result = await client.GET('/things/{id}', { params: { path: { id: person.document_number }, query } });
    const error = await rejectionOf(Promise.resolve(result).then(unwrap));

    expect(ServerError.isInstance(error)).toBe(true);
    expect(entries()).toEqual(
      [1, 2, 3].map((attempt) => ({
        provider: 'acme',
        method: 'GET',
        path: '/things/{id}',
        attempt,
        status: 503,
        durationMs: expect.any(Number),
        retryInMs: attempt < 3 ? expect.any(Number) : undefined,
      })),
    );
    expectSentOnTheWire(queryAccessToken, person.document_number);
    expectNothingSensitiveIn([error], calls);
  });

  it('on a reset connection, a timeout and an abort', async () => {
    const { client, calls, entries } = setup();
    // Only the timeout phase has a short timeout: on a loaded machine 100 ms can pass before a reset or an abort arrives.
    const call = (options: { signal?: AbortSignal; timeout?: number } = {}) =>
      client.POST('/things', { body: person, params: { query: { access_token: queryAccessToken } }, ...options });

    server.script({ reset: 'before-headers' });
    const connectionError = await rejectionOf(call());
    server.script({ status: 201, body: {}, delayMs: 1_000 });
    const timeoutError = await rejectionOf(call({ timeout: 100 }));
    // Each phase starts from an empty script: on a loaded machine a timed-out request may never
    // have reached the server, and its unused step must not answer the next phase.
    server.reset();
    server.script({ status: 201, body: {}, delayMs: 1_000 });
    const controller = new AbortController();
    const aborted = rejectionOf(call({ signal: controller.signal }));
    // Abort once the request is in the server's hands, not after a timer a busy machine may outrun.
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const abortError = await aborted;

    expect(ConnectionError.isInstance(connectionError)).toBe(true);
    expect(TimeoutError.isInstance(timeoutError)).toBe(true);
    expect(AbortError.isInstance(abortError)).toBe(true);
    expect(entries().map((entry) => [entry.path, entry.attempt, entry.failure])).toEqual([
      ['/things', 1, 'connection'],
      ['/things', 1, 'timeout'],
      ['/things', 1, 'abort'],
    ]);
    expectSentOnTheWire(queryAccessToken, person.first_name, `Bearer ${tokenPrefix}-1`);
    expectNothingSensitiveIn([connectionError, timeoutError, abortError], calls);
  });
});
