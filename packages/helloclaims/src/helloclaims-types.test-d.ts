import { describe, expectTypeOf, it } from 'vitest';
import type { HelloClaimsComponents, HelloClaimsUserClient } from './index.js';

describe('types generated from specs/helloclaims', () => {
  it('types a job read as the Job schema', () => {
    async function job(client: HelloClaimsUserClient) {
      const { data } = await client.GET('/jobs/{jobId}', { params: { path: { jobId: 'TEST' } } });
      return data;
    }
    expectTypeOf(job).returns.resolves.toEqualTypeOf<HelloClaimsComponents['schemas']['Job'] | undefined>();
  });

  it('rejects a call without the path parameter the spec requires', () => {
    async function missingJobId(client: HelloClaimsUserClient) {
      // @ts-expect-error jobId is a required path parameter
      await client.GET('/jobs/{jobId}', {});
    }
    expectTypeOf(missingJobId).toBeFunction();
  });

  it('rejects accepting a request without its body', () => {
    async function missingReference(client: HelloClaimsUserClient) {
      // @ts-expect-error the accept body with referenceId is required
      await client.POST('/requests/{id}', { params: { path: { id: 'request-1' } } });
    }
    expectTypeOf(missingReference).toBeFunction();
  });
});
