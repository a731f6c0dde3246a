import { unwrap } from '@coverlink/core';
import { expect, vi } from 'vitest';
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
  const path = await requestWithIndication(osigu, sandboxBeneficiaryId, 'sponsor-sandbox', 'MEDICAL_INDICATION');
  const completed = unwrap(await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/complete', { params: { path } }));
  const authorizations = completed.status === 'COMPLETED' ? completed.authorizations : [];
  const code = authorizations.find((authorization) => authorization.status === 'APPROVED')?.authorization_code;
  if (code === undefined) throw new Error(`sponsor-sandbox did not approve MED-042 (status ${completed.status})`);
  return code;
}

/** An `APPROVED` authorization of the asynchronous `demo-insurer`: completed, then read until the sponsor decided. */
export async function approvedDemoInsurerAuthorization(osigu: OsiguClient): Promise<string> {
  const path = await requestWithIndication(osigu, demoInsurerBeneficiaryId, 'demo-insurer', 'PRESCRIPTION');
  unwrap(await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/complete', { params: { path } }));
  let code: string | undefined;
  await vi.waitFor(
    async () => {
      const request = unwrap(await osigu.GET('/arc/v1/authorization-requests/{authorization_request_id}', { params: { path } }));
      code = request.authorizations?.find((authorization) => authorization.status === 'APPROVED')?.authorization_code;
      expect(code).toBeDefined();
    },
    { timeout: 10_000, interval: 50 },
  );
  return code ?? '';
}

async function requestWithIndication(
  osigu: OsiguClient,
  beneficiaryId: string,
  sponsorSlug: string,
  fileType: 'MEDICAL_INDICATION' | 'PRESCRIPTION',
): Promise<{ authorization_request_id: string }> {
  const created = unwrap(
    await osigu.POST('/arc/v1/authorization-requests', {
      body: {
        beneficiary_id: beneficiaryId,
        sponsor_slug: sponsorSlug,
        diagnosis_code: 'R51',
        // sponsor-sandbox requires it; demo-insurer takes it.
        professional_license_number: 'MP-12345',
        products: [{ product_code: 'MED-042', product_type: 'MEDICATION', quantity: 30, posology: '1 tablet every 8h for 10 days' }],
      },
    }),
  );
  const path = { authorization_request_id: created.authorization_request_id };
  unwrap(
    await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/base64', {
      params: { path },
      body: { file_name: 'indication.pdf', content_type: 'application/pdf', file_type: fileType, content: btoa('%PDF-1.7 indication') },
    }),
  );
  return path;
}
