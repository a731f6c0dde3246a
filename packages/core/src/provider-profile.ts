import type { BodyShape } from './redaction.js';

/**
 * What the shared runtime needs to know about a provider: how to name it, read its error bodies,
 * and which of its fields are personal data. A provider package declares one and passes it to
 * {@link createApiClient}; nothing provider-specific lives in `@coverlink/core`. The two
 * redaction fields come from the provider's generated `<provider>-redaction.ts`, emitted from the
 * `x-coverlink-sensitive` marks of its spec.
 */
export interface ProviderProfile {
  /** Short name used in messages and logs, e.g. `OSIGU`. */
  name: string;
  /** The npm package, e.g. `@coverlink/osigu`, for the `User-Agent`. */
  packageName: string;
  /** Its version, for the `User-Agent`. */
  packageVersion: string;
  /** Property names the spec marks `x-coverlink-sensitive` (names, document numbers, birth dates, contact data, secrets), redacted in URLs. */
  sensitiveFields: readonly string[];
  /**
   * The shape of the provider's error bodies (its spec's 4xx/5xx schemas): an error keeps only the
   * keys it declares, with sensitive ones `[redacted]`; any other key is dropped.
   */
  errorShape: BodyShape;
  /** The header carrying the provider's request id, when it sends one. */
  requestIdHeader?: string | undefined;
  /** Reads the provider's error code and message out of an error body (the redacted copy, when raising an ApiError). */
  readError(body: unknown): { code?: string | undefined; message?: string | undefined };
  /** What to tell the developer for a status on an operation (`POST /path/{template}`). */
  hint(status: number, operation: string): string | undefined;
  /**
   * The request rate a background job (refreshing grants, reconciling) may use against the
   * provider, all processes together: the provider's documented limit where it has one, else a
   * cautious Coverlink default. A job's settings can override it.
   */
  jobRateLimit?: { requests: number; intervalMs: number } | undefined;
}
