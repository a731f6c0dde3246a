/** The abort signal of one attempt; see {@link createAttemptSignal}. */
export interface AttemptSignal {
  /** Aborts when the attempt times out (reason: a `TimeoutError` DOMException) or the caller aborts (reason: theirs). */
  readonly signal: AbortSignal;
  /** Whether the timeout, rather than the caller, aborted the attempt. */
  readonly timedOut: boolean;
  /** Stops the timer and the forwarding of the caller's abort, once the attempt is over. */
  release(): void;
}

/**
 * A signal for one request attempt that aborts after `timeout` milliseconds or when `caller` aborts.
 * Built by hand rather than with `AbortSignal.any([caller, AbortSignal.timeout()])`: Node holds the
 * sources of `AbortSignal.any` weakly, so garbage collection can drop the timeout and leave the
 * request hanging, and each call costs a weak reference and a finalizer. The timer does not keep
 * the process alive; an attempt that is never released ends when its timer fires.
 *
 * @param timeout Milliseconds; values beyond a timer's range (`Infinity` included) mean no timeout.
 */
export function createAttemptSignal(timeout: number, caller?: AbortSignal | null): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeout < 2_147_483_647
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`The attempt timed out after ${timeout} ms.`, 'TimeoutError'));
        }, timeout)
      : undefined;
  // Not every runtime's timers have unref().
  (timer as { unref?: () => void } | undefined)?.unref?.();
  const forwardAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) forwardAbort();
  else caller?.addEventListener('abort', forwardAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    release() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', forwardAbort);
    },
  };
}
