import { inspect } from 'node:util';
import { AuthenticationError, CoverlinkError, type Logger, RateLimitError, ServerError, unwrap } from '@coverlink/core';
import { recordingFetch, type WireRecord } from '@coverlink/mocks';
import { recordingLogger } from '@coverlink/test-kit';
import { describe, expect, inject, it } from 'vitest';
import {
  createOneAssureClient,
  type HealthListFilter,
  listAllHealthPolicies,
  listAllHealthProposals,
  listAllHealthQuotes,
  OneAssureApiError,
  type OneAssureClient,
  OneAssureError,
  OneAssureErrorCode,
} from './index.js';

const baseUrl = inject('oneassureMockUrl');
const clientId = 'oneassure-client-test';
const clientSecret = 'oneassure-secret-never-shown-7d41';
const tokenPath = '/v1/auth/token';
// The access token of the spec's `tokenIssued` example, which Prism serves for every token request.
const prismToken = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb3Zlcmxpbmstc2FuZGJveCIsInNjb3BlcyI6WyJidXNpbmVzcyJdfQ.c2lnbmF0dXJl';
const range = { start_date: '2026-06-01', end_date: '2026-06-07' };
// Personal values of the spec's list examples: they come back in the pages and must never be logged.
const personalValues = [
  'Rahul Sharma',
  '9876543210',
  'rahul.sharma@example.com',
  'Ananya Iyer',
  '9820012345',
  'ananya.iyer@example.com',
  'Vikram Reddy',
  '9000012345',
  'vikram.reddy@example.com',
  'Sneha Kulkarni',
  'Arjun Mehta',
];

/** Every bearer token that crossed the wire in this file. */
const tokensSeen = new Set<string>([prismToken]);

/**
 * recordingFetch (really forwarding to Prism) that also keeps each request's full URL, since the
 * wire records hold only the path: the cursors travel in the query.
 */
function record(prefer?: (path: string, url: URL) => string | undefined) {
  const urls: URL[] = [];
  const recorder = recordingFetch((path, _attempt, url) => {
    urls.push(url);
    return prefer?.(path, url);
  });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await recorder.fetch(input, init);
    for (const request of recorder.wire) {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      if (token) tokensSeen.add(token);
    }
    return response;
  };
  return {
    fetch,
    wire: recorder.wire,
    exchanges: recorder.exchanges,
    urls,
    tokenRequests: () => recorder.wire.filter((request) => request.path === tokenPath),
    apiUrls: () => urls.filter((url) => url.pathname !== tokenPath),
  };
}

/** Prism's first page by default; its `lastPage` example once the client follows a cursor. */
const pagesInOrder = (_path: string, url: URL) => (url.searchParams.has('next') ? 'example=lastPage' : undefined);

function clientWith(
  recorder: ReturnType<typeof record>,
  settings: { headers?: Record<string, string>; maxRetries?: number; logger?: Logger } = {},
) {
  return createOneAssureClient({ clientId, clientSecret, baseUrl, fetch: recorder.fetch, ...settings });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error, 'expected the call to fail').toBeDefined();
  expectNothingSecretIn(error);
  return error;
}

/** Every error this file provokes goes through here: no client secret, no token, however it is printed. */
function expectNothingSecretIn(error: unknown): void {
  const renderings = [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
  for (const rendering of renderings) {
    expect(rendering).not.toContain(clientSecret);
    for (const token of tokensSeen) expect(rendering).not.toContain(token);
  }
}

async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** What crossed the wire, one `METHOD /path status` line per request. */
const sent = (recorder: ReturnType<typeof record>) => recorder.wire.map((request) => `${request.method} ${request.path} ${request.status}`);
const json = (request: WireRecord | undefined) => JSON.parse(new TextDecoder().decode(request?.body)) as unknown;

describe('the business token', () => {
  it('is requested as JSON with the business scope and no user_id, then sent as Bearer on the API call', async () => {
    const recorder = record();
    const oneAssure = clientWith(recorder);
    const page = unwrap(await oneAssure.GET('/v1/business/health/quotes', { params: { query: range } }));
    expect(page.quotes.length).toBeGreaterThan(0);

    expect(sent(recorder)).toEqual(['POST /v1/auth/token 200', 'GET /v1/business/health/quotes 200']);
    const [tokenRequest, apiRequest] = recorder.wire;
    expect(tokenRequest?.headers.get('content-type')).toMatch(/^application\/json/);
    expect(tokenRequest?.headers.get('authorization')).toBeNull();
    expect(json(tokenRequest)).toEqual({ client_id: clientId, client_secret: clientSecret, scopes: ['business'] });
    expect(apiRequest?.headers.get('authorization')).toBe(`Bearer ${prismToken}`);
    expect(apiRequest?.headers.get('user-agent')).toMatch(/^@coverlink\/oneassure\/\S+ @coverlink\/core\/\S+$/);
    expect(Object.fromEntries(recorder.apiUrls()[0]?.searchParams ?? [])).toEqual(range);
  });

  it('is fetched once and reused across calls', async () => {
    const recorder = record();
    const oneAssure = clientWith(recorder);
    for (let call = 0; call < 3; call++) unwrap(await oneAssure.GET('/v1/business/health/policies', { params: { query: range } }));
    expect(recorder.tokenRequests()).toHaveLength(1);
    expect(recorder.apiUrls()).toHaveLength(3);
  });
});

describe('listing every item across cursor pages', () => {
  const lists: Array<{
    name: string;
    path: string;
    list: (client: OneAssureClient, query: HealthListFilter) => AsyncIterable<unknown>;
    id: (item: unknown) => string;
    endCursor: string;
    ids: string[];
  }> = [
    {
      name: 'listAllHealthQuotes',
      path: '/v1/business/health/quotes',
      list: (client: OneAssureClient, query: HealthListFilter) => listAllHealthQuotes(client, query),
      id: (item: unknown) => (item as { quote_id: string }).quote_id,
      endCursor: 'cXVvdGU6VGVLZE5uRlJJQlh1REw3RA',
      ids: ['IhKtJ0RlgLKOmxgJ', 'TeKdNnFRIBXuDL7D', 'xtpYlSXpfKtHF4vU'],
    },
    {
      name: 'listAllHealthProposals',
      path: '/v1/business/health/proposals',
      list: (client: OneAssureClient, query: HealthListFilter) => listAllHealthProposals(client, query),
      id: (item: unknown) => (item as { proposal_id: string }).proposal_id,
      endCursor: 'cHJvcG9zYWw6ckVxbVNNOXdDWjdVdzl4Zg',
      ids: ['mZp0zVZomHFwUbbY', 'rEqmSM9wCZ7Uw9xf', 'ogoEmvnEN5N1aE6P'],
    },
    {
      name: 'listAllHealthPolicies',
      path: '/v1/business/health/policies',
      list: (client: OneAssureClient, query: HealthListFilter) => listAllHealthPolicies(client, query),
      id: (item: unknown) => (item as { policy_id: string }).policy_id,
      endCursor: 'cG9saWN5OkJZT3ZmWjhVekR6VjhmVWs',
      ids: ['wZPf1Qh6yYTWmE4l', 'BYOvfZ8UzDzV8fUk', '4pMbXDuCL1mHoOsF'],
    },
  ];

  it.each(lists)('$name walks firstPage then lastPage, sending end_cursor back as next', async ({ path, list, id, endCursor, ids }) => {
    const recorder = record(pagesInOrder);
    const items = await collect(list(clientWith(recorder), range));

    expect(items.map(id)).toEqual(ids);
    expect(sent(recorder)).toEqual(['POST /v1/auth/token 200', `GET ${path} 200`, `GET ${path} 200`]);
    const [first, second] = recorder.apiUrls().map((url) => Object.fromEntries(url.searchParams));
    expect(first).toEqual(range);
    expect(second).toEqual({ ...range, next: endCursor });
  });

  it('follows the cursor of a session_id query too', async () => {
    const recorder = record(pagesInOrder);
    const quotes = await collect(listAllHealthQuotes(clientWith(recorder), { session_id: 'u8jzPde0IgxLd6Gn' }));
    expect(quotes).toHaveLength(3);
    expect(recorder.apiUrls().map((url) => Object.fromEntries(url.searchParams))).toEqual([
      { session_id: 'u8jzPde0IgxLd6Gn' },
      { session_id: 'u8jzPde0IgxLd6Gn', next: 'cXVvdGU6VGVLZE5uRlJJQlh1REw3RA' },
    ]);
  });

  it('is lazy: nothing is fetched until iterated, and breaking early fetches no further page', async () => {
    const recorder = record(pagesInOrder);
    const quotes = listAllHealthQuotes(clientWith(recorder), range);
    expect(sent(recorder)).toEqual([]);
    for await (const quote of quotes) {
      expect(quote.quote_id).toBe('IhKtJ0RlgLKOmxgJ');
      break;
    }
    expect(recorder.apiUrls()).toHaveLength(1);
  });
});

describe('the health list query guard', () => {
  const invalidQueries: Array<{ case: string; query: Record<string, string>; why: RegExp }> = [
    { case: 'session_id with a date range', query: { session_id: 'u8jzPde0IgxLd6Gn', ...range }, why: /cannot be used together/ },
    { case: 'a range of 8 days', query: { start_date: '2026-06-01', end_date: '2026-06-09' }, why: /spans 8 days/ },
    { case: 'start_date after end_date', query: { start_date: '2026-06-07', end_date: '2026-06-01' }, why: /after end_date/ },
    {
      case: 'a day that does not exist (2026-02-30)',
      query: { start_date: '2026-02-25', end_date: '2026-02-30' },
      why: /real calendar days/,
    },
    { case: 'a date not written YYYY-MM-DD', query: { start_date: '01/06/2026', end_date: '2026-06-07' }, why: /real calendar days/ },
    { case: 'a lone start_date', query: { start_date: '2026-06-01' }, why: /needs both start_date and end_date/ },
    { case: 'a lone end_date', query: { end_date: '2026-06-07' }, why: /needs both start_date and end_date/ },
    { case: 'an empty query', query: {}, why: /pass a session_id or a start_date\/end_date range/ },
  ];

  it.each(invalidQueries)('refuses $case before anything is sent', async ({ query, why }) => {
    const recorder = record();
    const oneAssure = clientWith(recorder);
    const error = await caught(oneAssure.GET('/v1/business/health/quotes', { params: { query } }));

    expect(error).toBeInstanceOf(OneAssureError);
    expect(OneAssureError.isInstance(error)).toBe(true);
    expect((error as OneAssureError).code).toBe(OneAssureErrorCode.invalidListQuery);
    expect((error as OneAssureError).message).toMatch(why);
    expect((error as OneAssureError).hint).toMatch(/either session_id, or start_date and end_date .* at most 7 days/);
    // Not the list call, and not a token request either: an invalid query costs nothing on the wire.
    expect(sent(recorder)).toEqual([]);
  });

  it('guards every list, and the list iterators too', async () => {
    const recorder = record();
    const oneAssure = clientWith(recorder);
    const tooLong = { start_date: '2026-06-01', end_date: '2026-06-30' };
    for (const path of ['/v1/business/health/proposals', '/v1/business/health/policies'] as const) {
      const error = await caught(oneAssure.GET(path, { params: { query: tooLong } }));
      expect((error as OneAssureError).code).toBe(OneAssureErrorCode.invalidListQuery);
    }
    const lists: Array<(client: OneAssureClient, query: HealthListFilter) => AsyncIterable<unknown>> = [
      listAllHealthQuotes,
      listAllHealthProposals,
      listAllHealthPolicies,
    ];
    for (const list of lists) {
      const error = await caught(collect(list(oneAssure, tooLong)));
      expect((error as OneAssureError).code).toBe(OneAssureErrorCode.invalidListQuery);
    }
    const generic = await caught(oneAssure.request('get', '/v1/business/health/quotes', { params: { query: tooLong } }));
    expect((generic as OneAssureError).code).toBe(OneAssureErrorCode.invalidListQuery);
    expect(sent(recorder)).toEqual([]);
  });

  it('refuses an invalid query on a warm client without sending the list call', async () => {
    const recorder = record();
    const oneAssure = clientWith(recorder);
    unwrap(await oneAssure.GET('/v1/business/health/quotes', { params: { query: range } }));
    const before = recorder.wire.length;
    const error = await caught(oneAssure.GET('/v1/business/health/quotes', { params: { query: {} } }));
    expect((error as OneAssureError).code).toBe(OneAssureErrorCode.invalidListQuery);
    expect(recorder.wire).toHaveLength(before);
  });

  it('lets a 7-day range and a session_id alone through', async () => {
    const recorder = record();
    const oneAssure = clientWith(recorder);
    const week = { start_date: '2026-06-01', end_date: '2026-06-08' };
    unwrap(await oneAssure.GET('/v1/business/health/quotes', { params: { query: week } }));
    unwrap(await oneAssure.GET('/v1/business/health/proposals', { params: { query: { session_id: 'u8jzPde0IgxLd6Gn' } } }));
    unwrap(
      await oneAssure.GET('/v1/business/health/policies', { params: { query: { start_date: '2026-06-03', end_date: '2026-06-03' } } }),
    );
    expect(recorder.exchanges()).toEqual([
      '/v1/auth/token 200',
      '/v1/business/health/quotes 200',
      '/v1/business/health/proposals 200',
      '/v1/business/health/policies 200',
    ]);
    expect(recorder.apiUrls().map((url) => Object.fromEntries(url.searchParams))).toEqual([
      week,
      { session_id: 'u8jzPde0IgxLd6Gn' },
      { start_date: '2026-06-03', end_date: '2026-06-03' },
    ]);
  });
});

describe('errors through unwrap', () => {
  const quotes = (client: OneAssureClient) => client.GET('/v1/business/health/quotes', { params: { query: range } }).then(unwrap);

  it('401: AuthenticationError with A4001 and the hint, after one fresh-token retry', async () => {
    const recorder = record();
    const error = await caught(quotes(clientWith(recorder, { headers: { Prefer: 'code=401' } })));

    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(OneAssureApiError.isInstance(error)).toBe(true);
    const apiError = error as OneAssureApiError;
    expect(apiError.status).toBe(401);
    expect(apiError.provider).toBe('OneAssure');
    expect(apiError.providerCode).toBe('A4001');
    expect(apiError.operation).toBe('GET /v1/business/health/quotes');
    expect(apiError.message).toBe('OneAssure answered 401 to GET /v1/business/health/quotes: A4001.');
    // The spec marks a problem's title sensitive: the provider's own text reaches no property of the error.
    expect(apiError.providerMessage).toBe('[redacted]');
    expect(apiError.hint).toBe('OneAssure rejected the credentials or token (A4001): check the client id and secret and the API host.');
    expect(recorder.exchanges()).toEqual([
      '/v1/auth/token 200',
      '/v1/business/health/quotes 401',
      '/v1/auth/token 200',
      '/v1/business/health/quotes 401',
    ]);
  });

  it('429: RateLimitError with A4290, Retry-After and the hint (no retry with maxRetries 0)', async () => {
    const recorder = record();
    const error = await caught(quotes(clientWith(recorder, { headers: { Prefer: 'code=429' }, maxRetries: 0 })));

    expect(RateLimitError.isInstance(error)).toBe(true);
    const apiError = error as OneAssureApiError;
    expect(apiError.status).toBe(429);
    expect(apiError.providerCode).toBe('A4290');
    expect(apiError.retryAfterSeconds).toBe(60);
    expect(apiError.hint).toMatch(/rate-limited this client \(A4290\): wait 60 s/);
    expect(recorder.apiUrls()).toHaveLength(1);
  });

  it('500: ServerError with E5000 and the hint', async () => {
    const recorder = record();
    const error = await caught(quotes(clientWith(recorder, { headers: { Prefer: 'code=500' }, maxRetries: 0 })));

    expect(ServerError.isInstance(error)).toBe(true);
    const apiError = error as OneAssureApiError;
    expect(apiError.status).toBe(500);
    expect(apiError.providerCode).toBe('E5000');
    expect(apiError.hint).toBe('OneAssure failed on its side (E5000); retry later.');
    expect(recorder.apiUrls()).toHaveLength(1);
  });

  it('a refused token request surfaces as the typed auth error, naming A4001 but not the secret', async () => {
    const recorder = record((path) => (path === tokenPath ? 'code=401' : undefined));
    const error = await caught(quotes(clientWith(recorder)));
    expect(CoverlinkError.isInstance(error)).toBe(true);
    expect((error as CoverlinkError).code).toBe('AUTH_INVALID_CLIENT');
    expect((error as CoverlinkError).message).toContain('A4001');
    expect(recorder.apiUrls()).toEqual([]);
  });

  it('refuses plain http to anything but loopback', () => {
    let error: unknown;
    try {
      createOneAssureClient({ clientId, clientSecret, baseUrl: 'http://api.oneassure.example' });
    } catch (failure) {
      error = failure;
    }
    expectNothingSecretIn(error);
    expect((error as CoverlinkError).code).toBe('INVALID_CONFIGURATION');
    expect((error as CoverlinkError).message).toMatch(/https/);
  });
});

describe('logging', () => {
  it('logs one entry per attempt with the path template, and no token, secret or personal value', async () => {
    const { logger, calls, entries } = recordingLogger();
    const recorder = record((path, url) => {
      if (url.searchParams.get('session_id') === 'expired') return 'code=401';
      return pagesInOrder(path, url);
    });
    const oneAssure = clientWith(recorder, { logger });

    const quotes = await collect(listAllHealthQuotes(oneAssure, range));
    const policies = await collect(listAllHealthPolicies(oneAssure, range));
    expect(quotes.map((quote) => quote.customer_name)).toContain('Rahul Sharma');
    expect(policies.map((policy) => policy.proposer_details?.name)).toContain('Sneha Kulkarni');
    await caught(oneAssure.GET('/v1/business/health/proposals', { params: { query: { session_id: 'expired' } } }).then(unwrap));

    const attempt = (path: string, status: number, number = 1, retry: { retryInMs?: number } = {}, method = 'GET') => ({
      provider: 'OneAssure',
      method,
      path,
      attempt: number,
      status,
      durationMs: expect.any(Number),
      ...retry,
    });
    const tokenRequest = attempt(tokenPath, 200, 1, {}, 'POST');
    expect(entries()).toEqual([
      // The token requests take the client's logger and are named after OneAssure, not its host.
      tokenRequest,
      attempt('/v1/business/health/quotes', 200),
      attempt('/v1/business/health/quotes', 200),
      attempt('/v1/business/health/policies', 200),
      attempt('/v1/business/health/policies', 200),
      // The 401 and its fresh-token repeat: attempts 1 and 2 of one loop, the repeat at once.
      attempt('/v1/business/health/proposals', 401, 1, { retryInMs: 0 }),
      tokenRequest,
      attempt('/v1/business/health/proposals', 401, 2),
    ]);
    for (const call of calls) {
      const { method, path } = call.args[0] as { method: string; path: string };
      expect(call.args[1]).toBe(`OneAssure ${method} ${path}`);
    }

    const renderings = calls.map((call) => `${inspect(call.args, { depth: 10, showHidden: true })}\n${JSON.stringify(call.args)}`);
    for (const rendering of renderings) {
      for (const secret of [clientSecret, ...tokensSeen, ...personalValues]) expect(rendering).not.toContain(secret);
      // Neither the filled-in query (session ids, cursors) nor the date range.
      expect(rendering).not.toContain('?');
      expect(rendering).not.toContain('cXVvdGU6VGVLZE5uRlJJQlh1REw3RA');
    }
  });
});
