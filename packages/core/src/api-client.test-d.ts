import { acmeProfile, type paths, type Thing, type ThingPage } from '@coverlink/test-kit';
import { describe, expectTypeOf, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { ApiError, CoverlinkError, NotFoundError } from './core-errors.js';
import { cursorPagination, paginate } from './pagination.js';
import { unwrap } from './unwrap.js';

const client = createApiClient<paths>({ baseUrl: 'http://127.0.0.1:1', profile: acmeProfile });
declare const caught: unknown;

describe('typed results', () => {
  it('unwrap() gives the success body of the operation', async () => {
    expectTypeOf(unwrap(await client.GET('/things/{id}', { params: { path: { id: '7' } } }))).toEqualTypeOf<Thing>();
    expectTypeOf(unwrap(await client.GET('/things', {}))).toEqualTypeOf<ThingPage>();
  });

  it('checks the call against the paths the client was created with', () => {
    // @ts-expect-error the path parameter is required
    client.GET('/things/{id}', { params: {} });
    // @ts-expect-error no such path
    client.GET('/nothing', {});
  });

  it('paginate() yields the item type of the style', () => {
    const items = paginate(
      (cursor: string | undefined) => client.GET('/things', { params: { query: cursor === undefined ? {} : { cursor } } }).then(unwrap),
      cursorPagination({ items: (page: ThingPage) => page.items, nextCursor: (page) => page.end_cursor }),
    );
    expectTypeOf(items).toEqualTypeOf<AsyncGenerator<Thing, void, undefined>>();
  });
});

describe('isInstance() narrows to the class it is called on', () => {
  it('narrows unknown to the class', () => {
    if (NotFoundError.isInstance(caught)) expectTypeOf(caught).toEqualTypeOf<NotFoundError>();
    if (ApiError.isInstance(caught)) expectTypeOf(caught.status).toEqualTypeOf<number>();
    if (CoverlinkError.isInstance(caught)) expectTypeOf(caught.code).toEqualTypeOf<string>();
  });
});
