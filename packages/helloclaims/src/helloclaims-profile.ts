import type { ProviderProfile } from '@coverlink/core';
import { helloClaimsPackageVersion } from './version.js';

/** How the shared runtime reads Hello Claims: its error bodies, hints and the personal fields of claimants. */
export const helloClaimsProfile: ProviderProfile = {
  name: 'Hello Claims',
  packageName: '@coverlink/helloclaims',
  packageVersion: helloClaimsPackageVersion,
  // Claimants and vehicle owners appear in quote requests: never logged, never kept on errors.
  personalFields: [
    'name',
    'firstName',
    'lastName',
    'email',
    'phone',
    'mobile',
    'address',
    'dateOfBirth',
    'licenceNumber',
    'registration',
    'vin',
  ],
  readError(body) {
    if (typeof body !== 'object' || body === null) return {};
    const { error, title, message, detail } = body as Record<string, unknown>;
    const code = typeof error === 'string' ? error : typeof title === 'string' ? title : undefined;
    const text = typeof message === 'string' ? message : typeof detail === 'string' ? detail : undefined;
    return { code, message: text };
  },
  hint(status, operation) {
    if (status === 401) return "The user's access token was refused twice: the grant may have been revoked; connect the user again.";
    if (status === 403) return 'The user did not grant the scope this call needs; connect again asking for it.';
    if (status === 404) return 'Nothing exists at that id (an accepted request becomes a job under your referenceId).';
    if (status === 409 && operation.startsWith('POST /requests/'))
      return 'referenceId must be unique: this one is already used by another job.';
    if (status === 429) return 'Hello Claims rate-limited this client; retry after the Retry-After delay.';
    if (status >= 500) return 'Hello Claims failed on its side; retry later.';
    return undefined;
  },
};
