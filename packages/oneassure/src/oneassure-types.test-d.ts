import { describe, expectTypeOf, it } from 'vitest';
import type { OneAssureClient } from './index.js';

describe('types generated from specs/oneassure', () => {
  it('types the quotes of a page, with their required quote_id', () => {
    async function quotes(client: OneAssureClient) {
      const { data } = await client.GET('/v1/business/health/quotes', {
        params: { query: { start_date: '2026-06-01', end_date: '2026-06-07' } },
      });
      return data?.quotes.map((quote) => quote.quote_id);
    }
    expectTypeOf(quotes).returns.resolves.toEqualTypeOf<string[] | undefined>();
  });

  it('rejects a path the spec does not have', () => {
    async function unknownPath(client: OneAssureClient) {
      // @ts-expect-error /v1/business/health/claims is not in specs/oneassure
      await client.GET('/v1/business/health/claims', {});
    }
    expectTypeOf(unknownPath).toBeFunction();
  });
});
