import {
  acmeProfile,
  type paths,
  type RecordedRequest,
  rejectionOf,
  type Step,
  type Thing,
  type ThingPage,
  useFaultServer,
} from '@coverlink/test-kit';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { NotFoundError } from './core-errors.js';
import { cursorPagination, nextLinkPagination, pageNumberPagination, paginate } from './pagination.js';
import { unwrap } from './unwrap.js';

const server = useFaultServer();

const client = () => createApiClient<paths>({ baseUrl: server.url, profile: acmeProfile, maxRetries: 0 });
const things = (from: number, count: number): Thing[] =>
  Array.from({ length: count }, (_, index) => ({ id: `${from + index}`, label: `thing ${from + index}` }));
const ids = (items: Thing[]) => items.map((item) => item.id);
const queriesSent = (name: string) => server.requests.map((request) => request.query.get(name));

async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** GET /things?cursor=… through the typed client, failing through unwrap(). */
const fetchByCursor = (cursor: string | undefined) =>
  client()
    .GET('/things', { params: { query: cursor === undefined ? {} : { cursor } } })
    .then(unwrap);

/** GET /things?page=… through the typed client. */
const fetchByPage = (page: number | undefined) =>
  client()
    .GET('/things', { params: { query: page === undefined ? {} : { page } } })
    .then(unwrap);

const byCursor = cursorPagination({ items: (page: ThingPage) => page.items, nextCursor: (page) => page.end_cursor });
const byPageNumber = (firstPage?: number) =>
  pageNumberPagination({
    items: (page: ThingPage) => page.items,
    totalPages: (page) => page.page?.total_pages,
    ...(firstPage === undefined ? {} : { firstPage }),
  });

describe('paginate() with cursorPagination', () => {
  /** Three pages of 3, 3 and 1 items; the last page's cursor is `lastCursor`. */
  const threePages =
    (lastCursor: string | null | undefined) =>
    (request: RecordedRequest): Step => {
      const cursor = request.query.get('cursor');
      if (cursor === null) return { status: 200, body: { items: things(1, 3), end_cursor: 'c2' } };
      if (cursor === 'c2') return { status: 200, body: { items: things(4, 3), end_cursor: 'c3' } };
      return { status: 200, body: { items: things(7, 1), ...(lastCursor === undefined ? {} : { end_cursor: lastCursor }) } };
    };

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
  ])('reads every page, sending each cursor back, until the cursor is %s', async (_case, lastCursor) => {
    server.route(threePages(lastCursor));

    const items = await collect(paginate(fetchByCursor, byCursor));

    expect(ids(items)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(queriesSent('cursor')).toEqual([null, 'c2', 'c3']);
  });

  it('stops when the server hands back the cursor it was just given', async () => {
    server.route(threePages('c3'));

    const items = await collect(paginate(fetchByCursor, byCursor));

    expect(ids(items)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(queriesSent('cursor')).toEqual([null, 'c2', 'c3']);
  });

  it('fetches lazily: breaking out after the first item reads one page', async () => {
    server.route(threePages(undefined));

    for await (const item of paginate(fetchByCursor, byCursor)) {
      expect(item.id).toBe('1');
      break;
    }

    expect(server.requests).toHaveLength(1);
  });

  it('throws the error of a failing page, after the items of the pages before it', async () => {
    server.route((request) =>
      request.query.get('cursor') === null
        ? { status: 200, body: { items: things(1, 2), end_cursor: 'c2' } }
        : { status: 404, body: { error: { code: 'CURSOR_EXPIRED', message: 'Cursor expired.' } } },
    );
    const seen: string[] = [];

    const error = await rejectionOf(
      (async () => {
        for await (const item of paginate(fetchByCursor, byCursor)) seen.push(item.id);
      })(),
    );

    expect(seen).toEqual(['1', '2']);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as NotFoundError).providerCode).toBe('CURSOR_EXPIRED');
  });
});

describe('paginate() with pageNumberPagination', () => {
  /** Pages of 2 items numbered from `firstPage`, `totalPages` of them, and empty pages beyond. */
  const numberedPages =
    (firstPage: number, totalPages: number | undefined, pagesWithItems = totalPages ?? 0) =>
    (request: RecordedRequest): Step => {
      const number = Number(request.query.get('page') ?? firstPage);
      const index = number - firstPage;
      const items = index < pagesWithItems ? things(index * 2 + 1, 2) : [];
      return { status: 200, body: { items, page: { number, ...(totalPages === undefined ? {} : { total_pages: totalPages }) } } };
    };

  it('reads 0-based pages 0, 1, 2 and stops at total_pages', async () => {
    // The server would go on serving items past total_pages: the stop comes from total_pages alone.
    server.route(numberedPages(0, 3, 10));

    const items = await collect(paginate(fetchByPage, byPageNumber()));

    expect(ids(items)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(queriesSent('page')).toEqual(['0', '1', '2']);
  });

  it('reads 1-based pages 1, 2, 3 and stops at total_pages', async () => {
    server.route(numberedPages(1, 3, 10));

    const items = await collect(paginate(fetchByPage, byPageNumber(1)));

    expect(ids(items)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(queriesSent('page')).toEqual(['1', '2', '3']);
  });

  it('stops at the first empty page when the server gives no total', async () => {
    server.route(numberedPages(0, undefined, 2));

    const items = await collect(paginate(fetchByPage, byPageNumber()));

    expect(ids(items)).toEqual(['1', '2', '3', '4']);
    expect(queriesSent('page')).toEqual(['0', '1', '2']);
  });

  it('stops at an empty page even when total_pages promises more', async () => {
    server.route(numberedPages(1, 5, 1));

    const items = await collect(paginate(fetchByPage, byPageNumber(1)));

    expect(ids(items)).toEqual(['1', '2']);
    expect(queriesSent('page')).toEqual(['1', '2']);
  });

  it('reads one page when total_pages is 1 or 0', async () => {
    server.route(numberedPages(0, 1));
    expect(ids(await collect(paginate(fetchByPage, byPageNumber())))).toEqual(['1', '2']);
    expect(server.requests).toHaveLength(1);

    server.reset();
    server.route(() => ({ status: 200, body: { items: [], page: { number: 0, total_pages: 0 } } }));
    expect(await collect(paginate(fetchByPage, byPageNumber()))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});

describe('paginate() with nextLinkPagination', () => {
  interface LinkedPage {
    data: Thing[];
    links: { next?: string | null };
  }

  const fetchByLink = async (link: string | undefined): Promise<LinkedPage> => {
    const response = await fetch(link ?? `${server.url}/linked`);
    expect(response.status).toBe(200);
    return (await response.json()) as LinkedPage;
  };
  const byLink = nextLinkPagination({ items: (page: LinkedPage) => page.data, nextLink: (page) => page.links.next });

  it('follows each next link until a page has none', async () => {
    server.route((request) => {
      const after = Number(request.query.get('after') ?? 0);
      const next = after < 4 ? `${server.url}/linked?after=${after + 2}&size=2` : null;
      return { status: 200, body: { data: things(after + 1, 2), links: { next } } };
    });

    const items = await collect(paginate(fetchByLink, byLink));

    expect(ids(items)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(server.requests.map((request) => request.url)).toEqual(['/linked', '/linked?after=2&size=2', '/linked?after=4&size=2']);
  });
});

describe('paginate() guards against a server that never stops', () => {
  it('throws RangeError after maxPages pages, having yielded their items', async () => {
    server.route((request) => {
      const number = Number((request.query.get('cursor') ?? 'c0').slice(1));
      return { status: 200, body: { items: things(number + 1, 1), end_cursor: `c${number + 1}` } };
    });
    const seen: string[] = [];

    const error = await rejectionOf(
      (async () => {
        for await (const item of paginate(fetchByCursor, byCursor, { maxPages: 5 })) seen.push(item.id);
      })(),
    );

    expect(error).toBeInstanceOf(RangeError);
    expect((error as RangeError).message).toBe(
      'paginate() stopped after 5 pages: the server kept returning a next page. Raise maxPages if that is expected.',
    );
    expect(seen).toEqual(['1', '2', '3', '4', '5']);
    expect(server.requests).toHaveLength(5);
  });

  it('does not throw when the last page allowed is the last page', async () => {
    server.route((request) =>
      request.query.get('cursor') === null
        ? { status: 200, body: { items: things(1, 1), end_cursor: 'c2' } }
        : { status: 200, body: { items: things(2, 1) } },
    );

    expect(ids(await collect(paginate(fetchByCursor, byCursor, { maxPages: 2 })))).toEqual(['1', '2']);
  });
});
