import type { ProviderProfile } from '@coverlink/core';
import { errorShape, sensitiveFields } from './generated/helloclaims-redaction.js';
import { helloClaimsPackageVersion } from './version.js';

/** How the shared runtime reads Hello Claims: its error bodies, hints, and what of them is redacted (generated from the spec). */
export const helloClaimsProfile: ProviderProfile & Required<Pick<ProviderProfile, 'jobRateLimit'>> = {
  name: 'Hello Claims',
  packageName: '@coverlink/helloclaims',
  packageVersion: helloClaimsPackageVersion,
  // Claimants, vehicles and tokens are marked in specs/helloclaims/openapi.yaml (`x-coverlink-sensitive`),
  // and so is a problem's `detail`; its `title` is ASP.NET Core's fixed summary of the problem type,
  // the only code Hello Claims sends, so it is kept.
  sensitiveFields,
  errorShape,
  // Hello Claims documents no rate limit: a Coverlink assumption, one token request a second.
  jobRateLimit: { requests: 60, intervalMs: 60_000 },
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
