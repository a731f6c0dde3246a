import type { ProviderProfile } from '@coverlink/core';
import { errorShape, sensitiveFields } from './generated/osigu-redaction.js';
import { osiguPackageVersion } from './version.js';

/** How the shared runtime reads OSIGU: its error body, its troubleshooting hints, and what of it is redacted (generated from the spec). */
export const osiguProfile: ProviderProfile = {
  name: 'OSIGU',
  packageName: '@coverlink/osigu',
  packageVersion: osiguPackageVersion,
  // Which fields are personal or secret is marked in specs/osigu/openapi.yaml (`x-coverlink-sensitive`)
  // and generated; an error keeps only the keys the spec's error schemas declare.
  sensitiveFields,
  errorShape,
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
