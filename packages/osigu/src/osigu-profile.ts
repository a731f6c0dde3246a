import type { ProviderProfile } from '@coverlink/core';
import { osiguPackageVersion } from './version.js';

/** How the shared runtime reads OSIGU: its error body, its troubleshooting hints, its personal fields. */
export const osiguProfile: ProviderProfile = {
  name: 'OSIGU',
  packageName: '@coverlink/osigu',
  packageVersion: osiguPackageVersion,
  // Beneficiary, patient and doctor identity in OSIGU bodies: never logged, never kept on errors.
  personalFields: [
    'first_name',
    'last_name',
    'name',
    'document_number',
    'member_id',
    'birthdate',
    'date_of_birth',
    'email',
    'phone',
    'beneficiary_email',
    'beneficiary_phone',
    'doctor_name',
    'doctor_medical_license_number',
    'professional_license_number',
    'posology',
    'diagnosis_code',
    'diagnoses',
  ],
  readError(body) {
    if (typeof body !== 'object' || body === null) return {};
    const { error_code: code, message } = body as { error_code?: unknown; message?: unknown };
    return { code: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? message : undefined };
  },
  hint(status, operation) {
    // The rows of the quickstart's troubleshooting table, by status and operation.
    if (status === 401) {
      return 'Wrong client_id/client_secret, or the token URL and base URL are of different environments (sandbox vs production).';
    }
    if (status === 403) return 'Your provider is not affiliated with that sponsor. Confirm the affiliation with OSIGU support.';
    if (status === 404 && operation.endsWith('/search'))
      return "The beneficiary is not in the sponsor's directory, or their coverage is inactive.";
    if (status === 404) return 'Nothing exists at that id; check the identifier you passed.';
    if (status === 422) {
      return 'A field the sponsor requires is missing or invalid. getSponsorConfiguration (GET /arc/v1/sponsors/{sponsor_slug}/configuration) lists what it requires.';
    }
    if (status === 429) return 'OSIGU rate-limited this client; slow down and retry after the Retry-After delay.';
    if (status >= 500)
      return 'OSIGU failed on its side; retry later. If it persists, email support@osigu.com with the authorization_request_id.';
    return undefined;
  },
};
