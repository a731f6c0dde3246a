import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { awaitOutpatientClaim, createOsiguClient, OsiguClaimError, type OsiguClaimStatus, OsiguErrorCode } from './index.js';

// The simulator settles every claim COMPLETED; the statuses a claim ends unpaid in come from a local server that
// answers the token and the claim read as the spec describes them.
let claimStatus: OsiguClaimStatus = 'VOIDED';
let reads = 0;
const server = createServer((request, response) => {
  response.setHeader('content-type', 'application/json');
  if (request.url === '/v1/oauth/token')
    return void response.end(JSON.stringify({ access_token: 'local-token', token_type: 'bearer', expires_in: 3600 }));
  reads++;
  response.end(JSON.stringify({ claim_id: 'clm_local', status: claimStatus, created_at: '2026-06-26T11:00:00.000Z' }));
});
let baseUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it.each(['EXPIRED', 'CANCELED', 'VOIDED', 'ERROR', 'FAILED'] as const)(
  'stops at once with OSIGU_CLAIM_NOT_SETTLED on a claim that ended %s',
  async (status) => {
    claimStatus = status;
    reads = 0;
    const osigu = createOsiguClient({ clientId: 'local', clientSecret: 'local-secret', baseUrl });
    const error = await awaitOutpatientClaim(osigu, 'clm_local', { intervalMilliseconds: 10 }).catch((caught: unknown) => caught);
    expect(OsiguClaimError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: OsiguErrorCode.claimNotSettled, claimId: 'clm_local', claimStatus: status });
    expect(reads).toBe(1);
  },
);

it.each(['READY', 'PAID'] as const)('resolves on a claim settled %s', async (status) => {
  claimStatus = status;
  const osigu = createOsiguClient({ clientId: 'local', clientSecret: 'local-secret', baseUrl });
  await expect(awaitOutpatientClaim(osigu, 'clm_local')).resolves.toMatchObject({ claim_id: 'clm_local', status });
});
