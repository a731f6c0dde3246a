// The leak property (fast-check): a provider answer may carry personal data or a token anywhere (its
// message, title or detail, any body key at any depth, header names and values, an HTML or
// plain-text page, a 200 that is not JSON, a token endpoint's answer), and none of it may come out
// of an error: not in its message, String(), JSON, util.inspect, stack, pino's `err` serializer, nor
// in the log lines a real pino logger receives as the client's `logger`. A real loopback server
// plants generated markers in every one of those places, for every provider client and the token
// providers, and every rejection must be a CoverlinkError.
//
// The markers always hold a space and an `@`: a provider's error code, request id or OAuth `error`
// is repeated in messages by design when it is shaped like a code (letters, digits, `._:-`), so a
// marker must be what personal data looks like (a name, a sentence, an e-mail address), never a code.
// A marker is found by its random core, so a partial echo (a word of it) fails the property too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { createAuthorizationCodeClient, createClientCredentialsTokenProvider, MemoryTokenStore, storeGrant } from '@coverlink/auth';
import { ApiError, CoverlinkError, InvalidResponseError, unwrap } from '@coverlink/core';
import { createHelloClaimsClient } from '@coverlink/helloclaims';
import { createOneAssureBusinessTokenProvider, createOneAssureClient, createOneAssureSessionToken } from '@coverlink/oneassure';
import { createOsiguClient } from '@coverlink/osigu';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const numRuns = 60;
const clientId = 'leak-client';
const clientSecret = 'leak-secret-Zx81';

// ---------------------------------------------------------------------------------------------
// What the server answers: one plan for API paths, one for token endpoints, set per property run.

/** An answer as it goes on the wire. `body` is sent as is. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The token answer of a token endpoint, per provider: OneAssure wraps its token in `payload`. */
type TokenAnswer = (oneAssure: boolean) => Answer;

const goodToken: TokenAnswer = (oneAssure) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(
    oneAssure
      ? { payload: { access_token: 'good-access-token', token_type: 'Bearer', expires_in: 3600 } }
      : { access_token: 'good-access-token', token_type: 'bearer', expires_in: 3600, refresh_token: 'good-refresh-token' },
  ),
});

let apiAnswer: Answer = { status: 500, headers: {}, body: '' };
let tokenAnswer: TokenAnswer = goodToken;

const tokenPaths = new Set(['/v1/oauth/token', '/v1/auth/token', '/login/token']);

function answer(request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const { status, headers, body } = tokenPaths.has(path) ? tokenAnswer(path === '/v1/auth/token') : apiAnswer;
  response.writeHead(status, headers);
  response.end(body);
}

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => answer(request, response));
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// ---------------------------------------------------------------------------------------------
// Markers and where they go.

/** A random core no error text could contain by chance. */
const core = fc.stringMatching(/^[a-z0-9]{12}$/).map((random) => `zq${random}`);

/** What personal data looks like: never code-shaped (it holds a space and an `@`). */
const marker = fc
  .tuple(core, fc.constantFrom('Beneficiary MARIA GONZALEZ', 'CC', 'diagnosis R51 for', 'Bearer', 'patient'))
  .map(([random, words]) => ({ random, text: `${words} ${random} <${random}@example.test>` }));

type Marker = { random: string; text: string };

/** JSON with markers as keys and values at any depth, beside keys a provider might use for personal data. */
function plantedTree(markers: Marker[]): fc.Arbitrary<unknown> {
  const markerText = fc.constantFrom(...markers.map((planted) => planted.text));
  const key = fc.oneof(
    fc.constantFrom('rejected_value', 'value', 'full_name', 'email_address', 'debug', 'received_authorization', 'errors', 'data'),
    fc.constantFrom(...markers.map((planted) => planted.text)),
    fc.constantFrom(...markers.map((planted) => `k_${planted.random}`)),
  );
  const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, markerText, fc.integer(), fc.boolean(), tie('node')),
    node: fc.oneof(fc.dictionary(key, tie('tree'), { maxKeys: 4 }), fc.array(tie('tree'), { maxLength: 3 })),
  }));
  return tree;
}

/** An error body in each provider's shape (OSIGU, OneAssure, Hello Claims, OAuth), free text as markers, plus a planted tree. */
function errorBody(markers: Marker[]): fc.Arbitrary<Record<string, unknown>> {
  const text = fc.constantFrom(...markers.map((planted) => planted.text));
  return fc.record({
    error_code: text,
    message: text,
    type: text,
    title: text,
    detail: text,
    error: text,
    error_description: text,
    instance: text,
    nested: plantedTree(markers),
  });
}

/** Headers with marker names and values, and markers in the headers a client reads (request id, Retry-After). */
function plantedHeaders(markers: Marker[]): fc.Arbitrary<Record<string, string>> {
  const text = fc.constantFrom(...markers.map((planted) => planted.text));
  return fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.constantFrom(
            ...markers.map((planted) => `x-${planted.random}`),
            'x-request-id',
            'x-echo-auth',
            'retry-after',
            'www-authenticate',
          ),
          text,
        ),
        { maxLength: 4 },
      ),
    )
    .map(([pairs]) => Object.fromEntries(pairs));
}

/** How a body goes on the wire: JSON, HTML, text/plain, no content type, a malformed type. */
function bodyOnTheWire(markers: Marker[], status: number): fc.Arbitrary<Pick<Answer, 'body'> & { type?: string }> {
  const text = fc.constantFrom(...markers.map((planted) => planted.text));
  return fc.oneof(
    errorBody(markers).map((body) => ({ body: JSON.stringify(body), type: 'application/json' })),
    plantedTree(markers).map((tree) => ({ body: JSON.stringify(tree), type: 'application/problem+json' })),
    text.map((line) => ({ body: `<html><body><h1>${status}</h1><p>${line}</p></body></html>`, type: 'text/html; charset=utf-8' })),
    text.map((line) => ({ body: `Error: ${line}\n    at handler (/srv/app.js:12:5)`, type: 'text/plain' })),
    text.map((line) => ({ body: line })),
    text.map((line) => ({ body: line, type: `text/${line.split(' ')[0]} ${line}` })),
  );
}

/** An API answer: an error status with a planted body, or a 2xx whose body is not JSON. */
const plantedApiAnswer = fc.array(marker, { minLength: 1, maxLength: 3 }).chain((markers) =>
  fc
    .tuple(
      fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 410, 418, 422, 429, 500, 502, 503),
      plantedHeaders(markers),
      fc.constantFrom(...markers.map((planted) => planted.text)),
    )
    .chain(([status, headers, text]) => {
      const success = status < 300;
      const body: fc.Arbitrary<Pick<Answer, 'body'> & { type?: string }> = success
        ? fc.oneof(
            fc.constant({ body: text, type: 'application/json' }),
            fc.constant({ body: `{"first_name": "${text}", "cut`, type: 'application/json' }),
            fc.constant({ body: `${text}`, type: undefined }),
            fc.constant({ body: `<p>${text}</p>`, type: 'text/html' }),
          )
        : bodyOnTheWire(markers, status);
      return body.map(({ body: sent, type }): { markers: Marker[]; answer: Answer } => ({
        markers,
        answer: { status, headers: { ...headers, ...(type === undefined ? {} : { 'content-type': type }) }, body: sent },
      }));
    }),
);

/** A token endpoint answer: an error with a planted body, a 200 that is no token, or a token with a line break. */
const plantedTokenAnswer = fc.array(marker, { minLength: 1, maxLength: 3 }).chain((markers) => {
  const text = fc.constantFrom(...markers.map((planted) => planted.text));
  const errorAnswer = fc.tuple(fc.constantFrom(400, 401, 403, 429, 500, 503), plantedHeaders(markers)).chain(([status, headers]) =>
    bodyOnTheWire(markers, status).map(
      ({ body, type }): TokenAnswer =>
        () => ({ status, headers: { ...headers, ...(type === undefined ? {} : { 'content-type': type }) }, body }),
    ),
  );
  const brokenToken = fc
    .tuple(text, core, fc.constantFrom('\n', '\r\n', '\u0000', '\t', '\u007f'), fc.boolean(), plantedHeaders(markers))
    .map(
      ([line, random, separator, typeToo, headers]): TokenAnswer =>
        (oneAssure) => {
          const accessToken = `${random}${separator}${line}`;
          const tokenType = typeToo ? line : 'bearer';
          return {
            status: 200,
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(
              oneAssure
                ? { payload: { access_token: accessToken, token_type: tokenType, expires_in: 3600 } }
                : { access_token: accessToken, token_type: tokenType, expires_in: 3600, refresh_token: line },
            ),
          };
        },
    );
  const notAToken = fc.tuple(text, fc.constantFrom('application/json', 'text/html', undefined)).map(
    ([line, type]): TokenAnswer =>
      () => ({
        status: 200,
        headers: type === undefined ? {} : ({ 'content-type': type } as Record<string, string>),
        body: `{"access_token": "${line}`,
      }),
  );
  return fc.oneof(errorAnswer, brokenToken, notAToken).map((planted) => ({ markers, answer: planted }));
});

// ---------------------------------------------------------------------------------------------
// Where the error's text is looked for.

/** An in-memory pino logger, the way Fastify logs an error: `log.error({ err }, message)`. */
function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

/** Every way an error is turned into text, by name. */
function renderingsOf(error: unknown): Record<string, string> {
  const { logger, lines } = memoryLogger();
  logger.error({ err: error }, 'the call failed');
  return {
    message: error instanceof Error ? error.message : String(error),
    string: String(error),
    json: JSON.stringify(error) ?? '',
    inspect: inspect(error),
    inspectDepth10: inspect(error, { depth: 10 }),
    stack: error instanceof Error ? (error.stack ?? '') : '',
    pinoErr: lines.join(''),
    pinoSerializer: JSON.stringify(pino.stdSerializers.err(error as Error)),
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

function expectNoMarker(markers: Marker[], error: unknown, logLines: string[] = []): void {
  expect(CoverlinkError.isInstance(error), `not a CoverlinkError: ${inspect(error)}`).toBe(true);
  const texts = { ...renderingsOf(error), clientLog: logLines.join('') };
  for (const [how, text] of Object.entries(texts)) {
    for (const planted of markers) {
      expect(text.includes(planted.random), `${how} holds the marker ${planted.random}:\n${text}`).toBe(false);
      expect(text.includes(clientSecret), `${how} holds the client secret`).toBe(false);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The clients, each made fresh per run so that no cached token skips the token endpoint.

interface ClientCase {
  name: string;
  /** One call that ends in an error, with a real pino logger as the client's `logger`. */
  call(logger: pino.Logger): Promise<unknown>;
}

const helloClaimsUser = 'repairer-leak';

async function helloClaimsWithGrant(logger: pino.Logger, accessTokenExpired: boolean) {
  const tokenStore = new MemoryTokenStore();
  const client = createHelloClaimsClient({
    clientId,
    clientSecret,
    redirectUri: 'http://127.0.0.1/callback',
    scopes: ['requests'],
    baseUrl,
    authorizationUrl: `${baseUrl}/login/broker`,
    tokenUrl: `${baseUrl}/login/token`,
    tokenStore,
    maxRetries: 0,
    logger,
  });
  const now = Date.now();
  await storeGrant({
    store: tokenStore,
    key: { provider: 'helloclaims', clientId, subject: helloClaimsUser },
    tokens: {
      accessToken: 'stored-access-token',
      refreshToken: 'stored-refresh-token',
      scope: 'requests',
      expiresInSeconds: 3600,
      expiresAt: accessTokenExpired ? now - 60_000 : now + 3_600_000,
    },
  });
  return client.forUser(helloClaimsUser);
}

const apiClients: ClientCase[] = [
  {
    name: 'createOsiguClient',
    async call(logger) {
      const osigu = createOsiguClient({ clientId, clientSecret, baseUrl, maxRetries: 0, logger });
      return unwrap(
        await osigu.POST('/v1/sponsors/{sponsor_slug}/search', {
          params: { path: { sponsor_slug: 'sponsor-sandbox' } },
          body: { document_type: 'CC', document_number: '123456789' },
        }),
      );
    },
  },
  {
    name: 'createOneAssureClient',
    async call(logger) {
      const oneAssure = createOneAssureClient({ clientId, clientSecret, baseUrl, maxRetries: 0, logger });
      return unwrap(await oneAssure.GET('/v1/business/health/quotes', { params: { query: { session_id: 'session-1' } } }));
    },
  },
  {
    name: 'createHelloClaimsClient().forUser',
    async call(logger) {
      const user = await helloClaimsWithGrant(logger, false);
      return unwrap(await user.GET('/requests'));
    },
  },
];

const tokenClients: ClientCase[] = [
  ...apiClients.slice(0, 2),
  {
    name: 'createHelloClaimsClient().forUser (refreshing its grant)',
    async call(logger) {
      const user = await helloClaimsWithGrant(logger, true);
      return unwrap(await user.GET('/requests'));
    },
  },
  {
    name: 'createClientCredentialsTokenProvider',
    call: () => createClientCredentialsTokenProvider({ tokenUrl: `${baseUrl}/v1/oauth/token`, clientId, clientSecret }).getToken(),
  },
  {
    name: 'createOneAssureBusinessTokenProvider',
    call: () => createOneAssureBusinessTokenProvider({ tokenUrl: `${baseUrl}/v1/auth/token`, clientId, clientSecret }).getToken(),
  },
  {
    name: 'createOneAssureSessionToken',
    call: () => createOneAssureSessionToken({ tokenUrl: `${baseUrl}/v1/auth/token`, clientId, clientSecret }, { userId: 'user-1' }),
  },
  {
    name: 'createAuthorizationCodeClient().refresh',
    call: () =>
      createAuthorizationCodeClient({
        authorizationUrl: `${baseUrl}/login/broker`,
        tokenUrl: `${baseUrl}/login/token`,
        clientId,
        clientSecret,
      }).refresh('stored-refresh-token', { redirectUri: 'http://127.0.0.1/callback' }),
  },
];

describe("pino's err serializer, util.inspect and toJSON show one safe view", () => {
  it('lists the same fields in each, and no body, headers or provider message', async () => {
    apiAnswer = {
      status: 422,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-7' },
      body: JSON.stringify({ error_code: '071-422', message: 'MARIA GONZALEZ has no coverage', first_name: 'MARIA' }),
    };
    tokenAnswer = goodToken;
    const error = (await rejectionOf(apiClients[0]?.call(memoryLogger().logger) ?? Promise.resolve())) as ApiError;
    const view = error.toJSON();

    const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
    const { type, stack, ...fields } = serialized;

    expect(type).toBe('UnprocessableEntityError');
    expect(stack).toBe(error.stack);
    // As written to the log: JSON, so undefined fields drop out of both.
    expect(JSON.parse(JSON.stringify(fields))).toEqual(JSON.parse(JSON.stringify(view)));
    expect(Object.keys(view).sort()).toEqual(
      ['name', 'code', 'message', 'hint', 'status', 'operation', 'provider', 'providerCode', 'requestId', 'retryAfterSeconds'].sort(),
    );
    expect(inspect(error)).toBe(`${error.stack} ${inspect(view)}`);
    // OSIGU's spec marks `message` sensitive: the provider's sentence is redacted on the error too.
    expect(error.providerMessage).toBe('[redacted]');
    expect(JSON.stringify(serialized) + inspect(error)).not.toContain('MARIA');
  });
});

// Property runs share the one server and its plan, so they must not overlap.
describe.sequential('no marker a provider plants comes out of an error or a log line', () => {
  for (const client of apiClients) {
    it(`${client.name}: API answers`, async () => {
      await fc.assert(
        fc.asyncProperty(plantedApiAnswer, async ({ markers, answer: planted }) => {
          apiAnswer = planted;
          tokenAnswer = goodToken;
          const { logger, lines } = memoryLogger();

          const error = await rejectionOf(client.call(logger));

          expectNoMarker(markers, error, lines);
          // A success answer that is not JSON is reported as such; an error status as the ApiError for it.
          if (planted.status < 300) {
            expect(InvalidResponseError.isInstance(error), inspect(error)).toBe(true);
          } else {
            expect(ApiError.isInstance(error), inspect(error)).toBe(true);
            expect((error as ApiError).status).toBe(planted.status);
          }
        }),
        { numRuns },
      );
    });
  }

  for (const client of tokenClients) {
    it(`${client.name}: token endpoint answers`, async () => {
      await fc.assert(
        fc.asyncProperty(plantedTokenAnswer, async ({ markers, answer: planted }) => {
          apiAnswer = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
          tokenAnswer = planted;
          const { logger, lines } = memoryLogger();

          const error = await rejectionOf(client.call(logger));

          expectNoMarker(markers, error, lines);
        }),
        { numRuns },
      );
    });
  }
});
