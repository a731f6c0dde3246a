import { AbortError } from '@coverlink/core';

/**
 * Waits for a token request that other callers may share, until the caller's `signal` aborts. The
 * request itself goes on: cancelling it would fail the other callers, and a refresh cut off after the
 * provider rotated the refresh token would lose the new one.
 *
 * @throws {AbortError} When `signal` aborts first; its `cause` is the signal's reason.
 */
export function waitUnlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  const aborted = () => new AbortError('Waiting for the token was aborted by the caller.', { code: 'ABORTED', cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
