import { describe, expectTypeOf, it } from 'vitest';
import type { OsiguClient, OsiguWebhookEvent, PreauthorizeResult } from './index.js';

describe('types generated from specs/osigu', () => {
  it('narrows webhook events by event_type to their documented payload', () => {
    const handle = (event: OsiguWebhookEvent) => {
      if (event.event_type === 'authorization.created') expectTypeOf(event.data.authorization_code).toEqualTypeOf<string>();
      if (event.event_type === 'authorization.rejected') expectTypeOf(event.data.rejection_reason).toEqualTypeOf<string>();
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('types the search body and the beneficiary it returns', () => {
    type Search = OsiguClient['POST'];
    expectTypeOf<Search>().toBeFunction();
    expectTypeOf<Awaited<ReturnType<typeof search>>>().toEqualTypeOf<string | undefined>();
    async function search(client: OsiguClient) {
      const { data } = await client.POST('/v1/sponsors/{sponsor_slug}/search', {
        params: { path: { sponsor_slug: 'sponsor-sandbox' } },
        body: { document_type: 'CC', document_number: '123456789' },
      });
      return data?.beneficiary_id;
    }
  });

  it('rejects a call without the path parameter the spec requires', () => {
    async function missingSlug(client: OsiguClient) {
      // @ts-expect-error sponsor_slug is a required path parameter
      await client.GET('/v1/sponsors/{sponsor_slug}/forms', {});
    }
    expectTypeOf(missingSlug).toBeFunction();
  });

  it('gives rejected authorizations a non-optional rejection_reason', () => {
    const reasons = (result: PreauthorizeResult) =>
      result.status === 'COMPLETED' ? result.rejected.map((item) => item.rejection_reason) : [];
    expectTypeOf(reasons).returns.toEqualTypeOf<string[]>();
  });
});
