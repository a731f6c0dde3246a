/**
 * Supplies bearer tokens to an API client. Implementations cache tokens and share one in-flight
 * request between concurrent callers; `@coverlink/auth` provides them for each grant.
 */
export interface TokenProvider {
  /**
   * A token that is valid now. Requests a new one only when none is cached or the cached one is
   * about to expire; concurrent callers share a single request.
   *
   * @param options.signal Stops this caller waiting; the shared request goes on for the others.
   */
  getToken(options?: { signal?: AbortSignal | undefined }): Promise<string>;
  /**
   * Drops the cached token so the next {@link getToken} fetches a fresh one, typically after an
   * API answered 401. Pass the token that was rejected: if another caller already replaced it, the
   * newer token is kept, so a burst of 401s causes one token request, not one each.
   */
  invalidate(rejectedToken?: string): void;
}
