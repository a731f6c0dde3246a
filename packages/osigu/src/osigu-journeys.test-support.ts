import { unwrap } from '@coverlink/core';
import type { OsiguClient } from './osigu-client.js';

/** The simulator's `sponsor-sandbox` beneficiary (MARIA GONZALEZ, CC 123456789): synchronous, OTP at dispensing. */
export const sandboxBeneficiaryId = 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O';
/** `demo-insurer`'s beneficiary: asynchronous sponsor, no verification at dispensing. */
export const demoInsurerBeneficiaryId = 'bnf_01HW9DM0J4QK7N2P5R8T1V3X6Z';

/**
 * An `APPROVED` authorization of `sponsor-sandbox` for MED-042, made through the raw client rather than
 * `preauthorize` so that the journeys after it (dispensing, claims) are tested on their own: create with the
 * licence number the sponsor requires, attach the MEDICAL_INDICATION it requires, complete (synchronous).
 */
export async function approvedSandboxAuthorization(osigu: OsiguClient): Promise<string> {
  const created = unwrap(
    await osigu.POST('/arc/v1/authorization-requests', {
      body: {
        beneficiary_id: sandboxBeneficiaryId,
        sponsor_slug: 'sponsor-sandbox',
        diagnosis_code: 'R51',
        professional_license_number: 'MP-12345',
        products: [{ product_code: 'MED-042', product_type: 'MEDICATION', quantity: 30, posology: '1 tablet every 8h for 10 days' }],
      },
    }),
  );
  const path = { authorization_request_id: created.authorization_request_id };
  unwrap(
    await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/base64', {
      params: { path },
      body: {
        file_name: 'indication.pdf',
        content_type: 'application/pdf',
        file_type: 'MEDICAL_INDICATION',
        content: btoa('%PDF-1.7 indication'),
      },
    }),
  );
  const completed = unwrap(await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/complete', { params: { path } }));
  const authorizations = completed.status === 'COMPLETED' ? completed.authorizations : [];
  const code = authorizations.find((authorization) => authorization.status === 'APPROVED')?.authorization_code;
  if (code === undefined) throw new Error(`sponsor-sandbox did not approve MED-042 (status ${completed.status})`);
  return code;
}
