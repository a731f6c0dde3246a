import type { ProviderProfile } from '@coverlink/core';
import { errorShape, sensitiveFields } from './generated/oneassure-redaction.js';
import { oneAssurePackageVersion } from './version.js';

/** How the shared runtime reads OneAssure: its problem bodies, hints, and what of them is redacted (generated from the spec). */
export const oneAssureProfile: ProviderProfile = {
  name: 'OneAssure',
  packageName: '@coverlink/oneassure',
  packageVersion: oneAssurePackageVersion,
  // Proposers, insured members and nominees are marked in specs/oneassure/openapi.yaml
  // (`x-coverlink-sensitive`), and so are a problem's `title` and `detail`: free text that can quote
  // what was sent. Only the `type` code and `instance` path of a problem survive on an error.
  sensitiveFields,
  errorShape,
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
