import type { ProviderProfile } from '@coverlink/core';
import { oneAssurePackageVersion } from './version.js';

/** How the shared runtime reads OneAssure: its problem bodies, hints, and the personal fields of its customers. */
export const oneAssureProfile: ProviderProfile = {
  name: 'OneAssure',
  packageName: '@coverlink/oneassure',
  packageVersion: oneAssurePackageVersion,
  // Proposers, insured members and nominees: never logged, never kept on errors.
  personalFields: [
    'name',
    'customer_name',
    'first_name',
    'middle_name',
    'last_name',
    'nominee_name',
    'phone',
    'customer_phone',
    'nominee_phone',
    'mobile',
    'email',
    'customer_email',
    'dob',
    'date_of_birth',
    'address',
    'address_line_1',
    'address_line_2',
    'pincode',
    'document_number',
    'bank_account_number',
    'ifsc_code',
    'pre_existing_diseases',
    'annual_income',
  ],
  readError(body) {
    if (typeof body !== 'object' || body === null) return {};
    const { type, title } = body as { type?: unknown; title?: unknown };
    return { code: typeof type === 'string' ? type : undefined, message: typeof title === 'string' ? title : undefined };
  },
  hint(status) {
    if (status === 401) return 'OneAssure rejected the credentials or token (A4001): check the client id and secret and the API host.';
    if (status === 429)
      return 'OneAssure rate-limited this client (A4290): wait 60 s; reuse the cached business token instead of minting one per call.';
    if (status === 422 || status === 400) {
      return 'Check the query: either session_id or a start_date/end_date range of at most 7 days, never both.';
    }
    if (status >= 500) return 'OneAssure failed on its side (E5000); retry later.';
    return undefined;
  },
};
