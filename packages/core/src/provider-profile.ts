/**
 * What the shared runtime needs to know about a provider: how to name it, read its error bodies,
 * and which of its fields are personal data. A provider package declares one and passes it to
 * {@link createApiClient}; nothing provider-specific lives in `@coverlink/core`.
 */
export interface ProviderProfile {
  /** Short name used in messages and logs, e.g. `OSIGU`. */
  name: string;
  /** The npm package, e.g. `@coverlink/osigu`, for the `User-Agent`. */
  packageName: string;
  /** Its version, for the `User-Agent`. */
  packageVersion: string;
  /** Body keys holding personal data (names, document numbers, birth dates, phone, email), redacted in logs and errors. */
  personalFields: readonly string[];
  /** The header carrying the provider's request id, when it sends one. */
  requestIdHeader?: string | undefined;
  /** Reads the provider's error code and message out of an error body. */
  readError(body: unknown): { code?: string | undefined; message?: string | undefined };
  /** What to tell the developer for a status on an operation (`POST /path/{template}`). */
  hint(status: number, operation: string): string | undefined;
}
