import type { paths, Thing, ThingPage } from '@coverlink/test-kit';
import createClient from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type { CoverlinkClient } from './client-options.js';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:1' }) as CoverlinkClient<paths>;
const bare = createClient<paths>({ baseUrl: 'http://127.0.0.1:1' });

describe('CoverlinkClient closes the per-call options', () => {
  it('accepts the overrides and every openapi-fetch option with their types', async () => {
    const thing = await client.GET('/things/{id}', { params: { path: { id: '7' } }, maxRetries: 0, timeout: 5_000 });
    expectTypeOf(thing.data).toEqualTypeOf<Thing | undefined>();
    await client.GET('/things/{id}', { params: { path: { id: '7' } }, timeout: Number.POSITIVE_INFINITY, signal: AbortSignal.timeout(1) });
    await client.GET('/things', { params: { query: { cursor: 'c' } }, headers: { 'x-trace': '1' }, parseAs: 'json' });
    expectTypeOf((await client.GET('/things')).data).toEqualTypeOf<ThingPage | undefined>();
    await client.POST('/things', { body: { label: 'a' }, params: { header: { 'Idempotency-Key': 'k' } }, maxRetries: 2 });
  });

  it('keeps parseAs deciding the data type', async () => {
    expectTypeOf((await client.GET('/things', { parseAs: 'text' })).data).toEqualTypeOf<string | undefined>();
  });

  it('refuses a misspelled override, which bare openapi-fetch accepts', () => {
    // @ts-expect-error `maxRetriez` is not an option
    client.GET('/things/{id}', { params: { path: { id: '7' } }, maxRetriez: 1 });
    // @ts-expect-error `timeOut` is not an option
    client.GET('/things', { timeOut: 5 });
    bare.GET('/things/{id}', { params: { path: { id: '7' } }, maxRetriez: 1 });
  });

  it('refuses an override of the wrong type', () => {
    // @ts-expect-error a timeout is a number of milliseconds
    client.GET('/things', { timeout: 'abc' });
    // @ts-expect-error maxRetries is a number
    client.POST('/things', { body: {}, maxRetries: '2' });
    bare.GET('/things', { timeout: 'abc' });
  });

  it('still checks the call against the paths', () => {
    // @ts-expect-error the path parameter is required
    client.GET('/things/{id}', { params: {} });
    // @ts-expect-error the init is required when a parameter is
    client.GET('/things/{id}');
    // @ts-expect-error no such path
    client.GET('/nothing', {});
    // @ts-expect-error no GET on /uploads
    client.GET('/uploads', {});
  });
});
