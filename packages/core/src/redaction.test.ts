import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acmePersonalFields, acmeProfile, countingTokenProvider, type paths } from './acme-api.test-support.js';
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
import {
  type FaultServer,
  type LogCall,
  recordingLogger,
  recordingSleep,
  rejectionOf,
  renderingsOf,
  startFaultServer,
} from './fault-server.test-support.js';
import { createRedactor, redacted, secretKeys } from './redaction.js';
import { unwrap } from './unwrap.js';

describe('createRedactor().value: a deep copy with sensitive keys redacted', () => {
  const redactor = createRedactor(acmePersonalFields);

  it('matches secret keys ignoring case, `-` and `_`', () => {
    expect(
      redactor.value({
        Authorization: 'Bearer a',
        'ACCESS-TOKEN': 'b',
        accessToken: 'c',
        Client_Secret: 'd',
        clientSecret: 'e',
        REFRESH_TOKEN: 'f',
        'Set-Cookie': 'g',
        password: 'h',
        'x-api-key': 'i',
        label: 'kept',
      }),
    ).toEqual({
      Authorization: redacted,
      'ACCESS-TOKEN': redacted,
      accessToken: redacted,
      Client_Secret: redacted,
      clientSecret: redacted,
      REFRESH_TOKEN: redacted,
      'Set-Cookie': redacted,
      password: redacted,
      'x-api-key': redacted,
      label: 'kept',
    });
  });

  it("matches the provider's personal fields the same way", () => {
    expect(
      redactor.value({ 'First-Name': 'Ana', firstName: 'Ana', LAST_NAME: 'Soto', documentNumber: '123', birthdate: '1990-01-01', age: 34 }),
    ).toEqual({
      'First-Name': redacted,
      firstName: redacted,
      LAST_NAME: redacted,
      documentNumber: redacted,
      birthdate: redacted,
      age: 34,
    });
  });

  it('walks nested objects and arrays, and redacts a sensitive key holding an object whole', () => {
    const body = {
      beneficiaries: [
        { first_name: 'Ana', plan: 'gold', contacts: [{ email: 'ana@example.com', kind: 'home' }] },
        { first_name: 'Luis', plan: 'silver', contacts: [] },
      ],
      auth: { token: { value: 'tok', expires: 3600 } },
      matrix: [[{ phone: '+1 555' }]],
    };

    expect(redactor.value(body)).toEqual({
      beneficiaries: [
        { first_name: redacted, plan: 'gold', contacts: [{ email: redacted, kind: 'home' }] },
        { first_name: redacted, plan: 'silver', contacts: [] },
      ],
      auth: { token: redacted },
      matrix: [[{ phone: redacted }]],
    });
  });

  it('leaves the input untouched and primitives as they are', () => {
    const body = { first_name: 'Ana', nested: { email: 'ana@example.com' } };
    redactor.value(body);
    expect(body).toEqual({ first_name: 'Ana', nested: { email: 'ana@example.com' } });
    for (const value of ['text', 7, true, null, undefined]) expect(redactor.value(value)).toBe(value);
  });

  it('leaves nothing sensitive in a body nested deeper than it walks', () => {
    let body: Record<string, unknown> = { password: 'deep-secret', first_name: 'Deep Ana' };
    for (let level = 0; level < 40; level++) body = { level: body };

    const text = JSON.stringify(redactor.value(body));

    expect(text).not.toContain('deep-secret');
    expect(text).not.toContain('Deep Ana');
  });

  it('redacts only secrets without personal fields', () => {
    expect(createRedactor().value({ first_name: 'Ana', token: 't' })).toEqual({ first_name: 'Ana', token: redacted });
  });

  it('says which keys are sensitive', () => {
    expect(redactor.isSensitive('Client-Secret')).toBe(true);
    expect(redactor.isSensitive('DOCUMENT_NUMBER')).toBe(true);
    expect(redactor.isSensitive('document_type')).toBe(false);
    for (const key of secretKeys) expect(createRedactor().isSensitive(key.toUpperCase())).toBe(true);
  });
});

describe('createRedactor().url and .headers', () => {
  const redactor = createRedactor(acmePersonalFields);

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

  it('turns Headers into a plain object with secret headers redacted', () => {
    const headers = new Headers({
      Authorization: 'Bearer abc',
      'Proxy-Authorization': 'Basic def',
      Cookie: 'session=ghi',
      'X-Api-Key': 'jkl',
      'Content-Type': 'application/json',
      'X-Request-Id': 'req-1',
    });

    expect(redactor.headers(headers)).toEqual({
      authorization: redacted,
      'proxy-authorization': redacted,
      cookie: redacted,
      'x-api-key': redacted,
      'content-type': 'application/json',
      'x-request-id': 'req-1',
    });
  });
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
    expect((error as AuthenticationError).body).toMatchObject({
      access_token: redacted,
      refresh_token: redacted,
      received: { first_name: redacted },
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
    const { client, calls, entries } = setup({ timeout: 100 });
    const call = (signal?: AbortSignal) =>
      client.POST('/things', { body: person, params: { query: { access_token: queryAccessToken } }, ...(signal ? { signal } : {}) });

    server.script({ reset: 'before-headers' });
    const connectionError = await rejectionOf(call());
    server.script({ status: 201, body: {}, delayMs: 1_000 });
    const timeoutError = await rejectionOf(call());
    server.script({ status: 201, body: {}, delayMs: 1_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const abortError = await rejectionOf(call(controller.signal));

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
