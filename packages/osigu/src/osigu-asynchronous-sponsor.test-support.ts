import { expect } from 'vitest';
import { type OsiguClient, preauthorize } from './index.js';

/**
 * Pre-authorizes one medication with the simulator's asynchronous sponsor (`demo-insurer`, which
 * requires a PRESCRIPTION): it answers PENDING_SPONSOR, decides after its delay and publishes one
 * `authorization.created`. Resolves with the request id.
 */
export async function requestFromAsynchronousSponsor(osigu: OsiguClient): Promise<string> {
  const result = await preauthorize(osigu, {
    beneficiaryId: 'bnf_01HW9DM0J4QK7N2P5R8T1V3X6Z',
    sponsorSlug: 'demo-insurer',
    diagnosisCode: 'R51',
    products: [{ product_code: 'MED-042', product_type: 'MEDICATION', quantity: 30, posology: '1 tablet every 8h for 10 days' }],
    indication: {
      content: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'),
      fileName: 'rx.pdf',
      contentType: 'application/pdf',
      fileType: 'PRESCRIPTION',
    },
  });
  expect(result.status).toBe('PENDING_SPONSOR');
  return result.authorizationRequestId;
}
