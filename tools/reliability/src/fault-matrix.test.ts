// The fault matrix: every provider client against a local server that plays its token endpoint and
// one API operation and injects one fault per test. The TABLE below is the contract: fault →
// documented outcome (typed error class and code, or success) and the requests the server saw.
import { AuthError, AuthRateLimitedError, MemoryTokenStore, type StoredGrant } from '@coverlink/auth';
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  CoverlinkError,
  createAttemptSignal,
  RateLimitError,
  ServerError,
  TimeoutError,
  unwrap,
} from '@coverlink/core';
import { createHelloClaimsClient } from '@coverlink/helloclaims';
import { createOneAssureClient } from '@coverlink/oneassure';
import { createOsiguClient } from '@coverlink/osigu';
import { jwtExpiringAt, type Step, settle, stillPendingAfter, useFaultServer } from '@coverlink/test-kit';
import { describe, expect, it } from 'vitest';

type ProviderName = 'OSIGU' | 'OneAssure' | 'Hello Claims';

/** The two things a provider client talks to, told apart by the fault server. */
type Endpoint = 'token' | 'api';

/** What a row expects. `tokens` counts token requests, `api` API requests. */
interface Outcome {
  /** The error class (checked with its cross-copy `isInstance`) and code; absent for a success. */
  error?: { class: { isInstance(value: unknown): boolean; name: string }; code: string; extra?: Record<string, unknown> };
  requests: { tokens: number; api: number };
}

interface FaultRow {
  fault: string;
  /** The documented outcome, in words, for the report. */
  documented: string;
  /**
   * `token`: the token endpoint is exercised (OSIGU/OneAssure fetch their first token; Hello Claims
   * holds an expired grant, so it refreshes). `api`: Hello Claims holds a valid grant.
   */
  flow: Endpoint;
  token?: (provider: ProviderName) => Step[];
  api?: (provider: ProviderName) => Step[];
  /** API calls made in a row (default 1); the outcome is the last one's. */
  calls?: number;
  expect: (provider: ProviderName) => Outcome;
}

const minute = 60_000;
const serverDate = (offsetMs: number) => new Date(Date.now() + offsetMs).toUTCString();
/** Token requests a Hello Claims API row makes before its first API request: none (its stored grant is valid). */
const firstTokens = (provider: ProviderName) => (provider === 'Hello Claims' ? 0 : 1);
const htmlPage = '<!doctype html><html><body><h1>Bad Gateway</h1></body></html>';
const apiBody = JSON.stringify({ items: 'x'.repeat(4_000) });

/** A JWT token answer without `expires_in`, from a server whose clock is `offsetMs` off ours. */
const jwtTokenAnswer =
  (offsetMs: number) =>
  (provider: ProviderName): Step[] => {
    const serverNow = Date.now() + offsetMs;
    // 5 minutes of life on the server's clock: measured on our clock it would already be expired
    // when the server is 10 minutes behind, and every call would fetch a new token.
    const token = { access_token: jwtExpiringAt(Math.floor(serverNow / 1000) + 300), token_type: 'bearer', refresh_token: 'r-2' };
    return [{ status: 200, headers: { date: serverDate(offsetMs) }, body: provider === 'OneAssure' ? { payload: token } : token }];
  };

/** Two API answers from a server whose clock is `offsetMs` off ours. */
const skewedApiAnswers = (offsetMs: number): Step[] =>
  Array.from({ length: 2 }, () => ({ status: 200, headers: { date: serverDate(offsetMs) }, body: [] }));

/** fault → documented outcome. Each row runs once per provider client. */
const TABLE: FaultRow[] = [
  {
    fault: 'token endpoint 500',
    documented: 'retried like an API call (client credentials may be resent); the second token request succeeds',
    flow: 'token',
    token: (provider) => [
      { status: 500, body: provider === 'OneAssure' ? { type: 'E5000', title: 'Internal Server Error' } : { error: 'server_error' } },
    ],
    // Hello Claims' token flow is a refresh, never sent twice once it may have reached the server.
    expect: (provider) =>
      provider === 'Hello Claims'
        ? { error: { class: AuthError, code: 'AUTH_SERVER_ERROR', extra: { status: 500 } }, requests: { tokens: 1, api: 0 } }
        : { requests: { tokens: 2, api: 1 } },
  },
  {
    fault: 'token endpoint 429 with Retry-After: 7',
    documented: 'AuthRateLimitedError AUTH_RATE_LIMITED, retryAfterSeconds 7 (OneAssure: A4290 in the message)',
    flow: 'token',
    token: (provider) => [
      {
        status: 429,
        headers: { 'retry-after': '7' },
        body:
          provider === 'OneAssure'
            ? { type: 'A4290', title: 'Too Many Requests', detail: 'Please try again in 60 seconds' }
            : { error: 'rate_limited' },
      },
    ],
    expect: () => ({
      error: { class: AuthRateLimitedError, code: 'AUTH_RATE_LIMITED', extra: { status: 429, retryAfterSeconds: 7 } },
      requests: { tokens: 1, api: 0 },
    }),
  },
  {
    fault: 'token endpoint never answers; the fetch passed in settings gives token requests AbortSignal.timeout(300)',
    documented: 'the aborted attempt is retried (client credentials may be resent); the second token request succeeds',
    flow: 'token',
    token: () => [{ hang: true }],
    // Hello Claims' token flow is a refresh, never sent twice once it may have reached the server.
    expect: (provider) =>
      provider === 'Hello Claims'
        ? { error: { class: AuthError, code: 'AUTH_REQUEST_FAILED' }, requests: { tokens: 1, api: 0 } }
        : { requests: { tokens: 2, api: 1 } },
  },
  {
    fault: 'token endpoint 200 application/json with a non-JSON body',
    documented: 'AuthError AUTH_INVALID_RESPONSE',
    flow: 'token',
    token: () => [{ status: 200, headers: { 'content-type': 'application/json' }, body: '{"access_token": nope' }],
    expect: () => ({ error: { class: AuthError, code: 'AUTH_INVALID_RESPONSE', extra: { status: 200 } }, requests: { tokens: 1, api: 0 } }),
  },
  {
    fault: 'token endpoint 200 text/html error page',
    documented: 'AuthError AUTH_INVALID_RESPONSE',
    flow: 'token',
    token: () => [{ status: 200, headers: { 'content-type': 'text/html' }, body: htmlPage }],
    expect: () => ({ error: { class: AuthError, code: 'AUTH_INVALID_RESPONSE', extra: { status: 200 } }, requests: { tokens: 1, api: 0 } }),
  },
  {
    fault: 'token endpoint 502 text/html error page',
    documented: 'retried; the second token request succeeds',
    flow: 'token',
    token: () => [{ status: 502, headers: { 'content-type': 'text/html' }, body: htmlPage }],
    // Hello Claims' token flow is a refresh, never sent twice once it may have reached the server.
    expect: (provider) =>
      provider === 'Hello Claims'
        ? { error: { class: AuthError, code: 'AUTH_SERVER_ERROR', extra: { status: 502 } }, requests: { tokens: 1, api: 0 } }
        : { requests: { tokens: 2, api: 1 } },
  },
  {
    fault: 'API 401 once',
    documented: 'one token refresh, then success',
    flow: 'api',
    api: () => [{ status: 401, body: { error: 'invalid_token' } }],
    expect: (provider) => ({ requests: { tokens: firstTokens(provider) + 1, api: 2 } }),
  },
  {
    fault: 'API 401 twice',
    documented: 'AuthenticationError API_AUTHENTICATION after one refresh',
    flow: 'api',
    api: () => [
      { status: 401, body: { error: 'invalid_token' } },
      { status: 401, body: { error: 'invalid_token' } },
    ],
    expect: (provider) => ({
      error: { class: AuthenticationError, code: 'API_AUTHENTICATION', extra: { status: 401 } },
      requests: { tokens: firstTokens(provider) + 1, api: 2 },
    }),
  },
  {
    fault: 'API 429 with Retry-After: 0, three times (maxRetries 2)',
    documented: 'retried twice, then RateLimitError API_RATE_LIMITED with retryAfterSeconds 0',
    flow: 'api',
    api: () => Array.from({ length: 3 }, () => ({ status: 429, headers: { 'retry-after': '0' }, body: { error: 'slow_down' } })),
    expect: (provider) => ({
      error: { class: RateLimitError, code: 'API_RATE_LIMITED', extra: { status: 429, retryAfterSeconds: 0 } },
      requests: { tokens: firstTokens(provider), api: 3 },
    }),
  },
  {
    fault: 'API 429 with Retry-After: 1, then 200',
    documented: 'waits the second it was asked to, then success',
    flow: 'api',
    api: () => [{ status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow_down' } }],
    expect: (provider) => ({ requests: { tokens: firstTokens(provider), api: 2 } }),
  },
  {
    fault: 'API 503 three times',
    documented: 'retried twice, then ServerError API_SERVER_ERROR',
    flow: 'api',
    api: () => Array.from({ length: 3 }, () => ({ status: 503, body: { error: 'unavailable' } })),
    expect: (provider) => ({
      error: { class: ServerError, code: 'API_SERVER_ERROR', extra: { status: 503 } },
      requests: { tokens: firstTokens(provider), api: 3 },
    }),
  },
  {
    fault: 'API 503 twice, then 200',
    documented: 'success on the third attempt',
    flow: 'api',
    api: () => [
      { status: 503, body: { error: 'unavailable' } },
      { status: 503, body: { error: 'unavailable' } },
    ],
    expect: (provider) => ({ requests: { tokens: firstTokens(provider), api: 3 } }),
  },
  {
    fault: 'API connection reset mid-body, every attempt',
    documented: 'retried twice, then ConnectionError CONNECTION_FAILED',
    flow: 'api',
    api: () => Array.from({ length: 3 }, () => ({ reset: 'mid-body' as const, status: 200, body: apiBody })),
    expect: (provider) => ({
      error: { class: ConnectionError, code: 'CONNECTION_FAILED' },
      requests: { tokens: firstTokens(provider), api: 3 },
    }),
  },
  {
    fault: 'API connection reset mid-body once, then 200',
    documented: 'success on the second attempt',
    flow: 'api',
    api: () => [{ reset: 'mid-body', status: 200, body: apiBody }],
    expect: (provider) => ({ requests: { tokens: firstTokens(provider), api: 2 } }),
  },
  {
    fault: 'API body stalls past the 300 ms timeout, every attempt',
    documented: 'retried twice, then TimeoutError TIMEOUT',
    flow: 'api',
    api: () => Array.from({ length: 3 }, () => ({ stallBodyMs: 5_000, status: 200, body: apiBody })),
    expect: (provider) => ({ error: { class: TimeoutError, code: 'TIMEOUT' }, requests: { tokens: firstTokens(provider), api: 3 } }),
  },
  {
    fault: 'server clock 10 minutes behind (Date header); JWT token without expires_in, 5 min left on the server clock; 2 calls',
    documented: 'both calls succeed on one token: exp is measured on the server clock (on ours it would be expired)',
    flow: 'token',
    token: jwtTokenAnswer(-10 * minute),
    api: () => skewedApiAnswers(-10 * minute),
    calls: 2,
    expect: () => ({ requests: { tokens: 1, api: 2 } }),
  },
  {
    fault: 'server clock 10 minutes ahead (Date header); JWT token without expires_in, 5 min left on the server clock; 2 calls',
    documented: 'both calls succeed on one token',
    flow: 'token',
    token: jwtTokenAnswer(10 * minute),
    api: () => skewedApiAnswers(10 * minute),
    calls: 2,
    expect: () => ({ requests: { tokens: 1, api: 2 } }),
  },
];

// ---------------------------------------------------------------------------------------------
// The clients under test, all pointed at the matrix server, with small timeouts and tiny delays.

const settings = { clientId: 'fault-matrix-client', clientSecret: 'fault-matrix-secret', maxRetries: 2, timeout: 300 } as const;
const retry = { initialDelayMs: 1, maxDelayMs: 2 };
const userId = 'user-1';

interface ProviderCase {
  name: ProviderName;
  tokenPath: string;
  tokenAnswer: () => Step;
  apiAnswer: () => Step;
  /** A client ready for one row, and the call the row makes. */
  prepare(url: string, flow: Endpoint, fetchImplementation: typeof fetch): Promise<(signal?: AbortSignal) => Promise<unknown>>;
}

const okToken = { access_token: 'token-from-server', token_type: 'bearer', expires_in: 3600 };

const providers: ProviderCase[] = [
  {
    name: 'OSIGU',
    tokenPath: '/v1/oauth/token',
    tokenAnswer: () => ({ status: 200, body: okToken }),
    apiAnswer: () => ({ status: 200, body: [{ form_id: 'f-1', fields: [] }] }),
    async prepare(url, _flow, fetchImplementation) {
      const client = createOsiguClient({ ...settings, retry, baseUrl: url, fetch: fetchImplementation });
      return async (signal) =>
        unwrap(await client.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: 'sponsor-sandbox' } }, signal }));
    },
  },
  {
    name: 'OneAssure',
    tokenPath: '/v1/auth/token',
    tokenAnswer: () => ({ status: 200, body: { payload: okToken } }),
    apiAnswer: () => ({ status: 200, body: { payload: { quotes: [] } } }),
    async prepare(url, _flow, fetchImplementation) {
      const client = createOneAssureClient({ ...settings, retry, baseUrl: url, fetch: fetchImplementation });
      return async (signal) =>
        unwrap(await client.GET('/v1/business/health/quotes', { params: { query: { session_id: 'u8jzPde0IgxLd6Gn' } }, signal }));
    },
  },
  {
    name: 'Hello Claims',
    tokenPath: '/login/token',
    tokenAnswer: () => ({ status: 200, body: { ...okToken, refresh_token: 'r-2' } }),
    apiAnswer: () => ({ status: 200, body: [] }),
    async prepare(url, flow, fetchImplementation) {
      const tokenStore = new MemoryTokenStore();
      const now = Date.now();
      const grant: StoredGrant = {
        accessToken: 'stored-access-token',
        // `token` rows: expired, so the first call refreshes through the faulty token endpoint.
        accessTokenExpiresAt: flow === 'token' ? now - minute : now + 60 * minute,
        refreshToken: 'r-1',
        scope: 'requests quotes',
        status: 'active',
      };
      await tokenStore.set({ provider: 'helloclaims', clientId: settings.clientId, subject: userId }, grant);
      const client = createHelloClaimsClient({
        ...settings,
        retry,
        redirectUri: 'http://127.0.0.1/callback',
        scopes: ['requests'],
        baseUrl: `${url}/integrations/repairer`,
        authorizationUrl: `${url}/login/broker`,
        tokenUrl: `${url}/login/token`,
        tokenStore,
        fetch: fetchImplementation,
      });
      const user = client.forUser(userId);
      return async (signal) => unwrap(await user.GET('/requests', { signal }));
    },
  },
];

/** The global fetch, giving token requests (only) a timeout of its own, as an integrator's fetch might. */
const tokenTimeoutMs = 300;
function fetchWithTokenTimeout(tokenPath: string): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (new URL(url).pathname !== tokenPath) return fetch(input, init);
    return fetch(input, { ...init, signal: createAttemptSignal(tokenTimeoutMs, init?.signal).signal });
  };
}

for (const provider of providers) {
  describe(`fault matrix: ${provider.name}`, () => {
    const server = useFaultServer({ endpointOf: (path) => (path === provider.tokenPath ? 'token' : 'api') });
    const requestCounts = () => ({ tokens: server.requestsTo('token').length, api: server.requestsTo('api').length });

    it.each(TABLE.map((row) => [row.fault, row] as const))('%s', async (_fault, row) => {
      server.route((request) => (request.endpoint === 'token' ? provider.tokenAnswer() : provider.apiAnswer()));
      server.scriptEndpoint('token', ...(row.token?.(provider.name) ?? []));
      server.scriptEndpoint('api', ...(row.api?.(provider.name) ?? []));
      const call = await provider.prepare(server.url, row.flow, fetchWithTokenTimeout(provider.tokenPath));
      const expected = row.expect(provider.name);

      const started = performance.now();
      let outcome = await settle(call());
      for (let index = 1; index < (row.calls ?? 1); index++) {
        expect(outcome).toMatchObject({ ok: true });
        outcome = await settle(call());
      }
      const elapsed = performance.now() - started;

      if (expected.error === undefined) {
        expect(outcome).toEqual({ ok: true, value: expect.anything() });
      } else {
        expect(outcome.ok).toBe(false);
        const error = (outcome as { error: unknown }).error;
        expect(CoverlinkError.isInstance(error), String(error)).toBe(true);
        expect(expected.error.class.isInstance(error), `${String(error)} is no ${expected.error.class.name}`).toBe(true);
        expect(error).toMatchObject({ code: expected.error.code, ...expected.error.extra });
        if (provider.name === 'OneAssure' && row.fault.includes('429') && row.flow === 'token') {
          expect((error as Error).message).toContain('A4290');
        }
        // Nothing secret in what gets logged.
        expect(JSON.stringify(error)).not.toContain(settings.clientSecret);
      }
      expect(requestCounts()).toEqual(expected.requests);
      if (row.fault.includes('Retry-After: 1')) expect(elapsed).toBeGreaterThanOrEqual(950);
    });

    it('a token endpoint that never answers: each attempt times out (the client timeout), then AUTH_REQUEST_FAILED', async () => {
      server.scriptEndpoint('token', { hang: true }, { hang: true }, { hang: true });
      server.route(provider.apiAnswer);
      // The plain global fetch: the timeout comes from the client's own `timeout` setting.
      const call = await provider.prepare(server.url, 'token', globalThis.fetch);

      const settled = await settle(call());

      expect(settled.ok).toBe(false);
      const error = (settled as { error: unknown }).error;
      expect(error).toMatchObject({ code: 'AUTH_REQUEST_FAILED' });
      expect((error as Error).message).toMatch(/did not answer within 300 ms/);
      // Client credentials: the first attempt and the two retries of the API calls' policy. Hello
      // Claims' refresh is never sent twice: it may have reached the server.
      expect(requestCounts()).toEqual({
        tokens: provider.name === 'Hello Claims' ? 1 : 3,
        api: 0,
      });
    });

    it("the caller's AbortSignal ends a hung token request with a Coverlink AbortError", async () => {
      server.scriptEndpoint('token', { hang: true });
      server.route(provider.apiAnswer);
      const call = await provider.prepare(server.url, 'token', globalThis.fetch);

      const pending = call(AbortSignal.timeout(100));
      pending.catch(() => {});
      const stillPending = await stillPendingAfter(pending, 1_000);
      const seen = requestCounts();
      server.reset();
      const settled = await settle(pending);

      expect(settled.ok).toBe(false);
      const error = (settled as { error: unknown }).error;
      expect(stillPending).toBe(false);
      expect(AbortError.isInstance(error)).toBe(true);
      expect((error as AbortError).cause).toBeInstanceOf(DOMException);
      expect(seen).toEqual({ tokens: 1, api: 0 });
    });
  });
}
