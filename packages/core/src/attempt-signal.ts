/**
 * What a transport needs to hear an abort: the part of `AbortSignal` that undici's Dispatcher API
 * (and the Node transport) reads.
 */
export interface AbortSource {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The abort signal of one attempt; see {@link createAttemptSignal}. */
export interface AttemptSignal {
  /** Aborts when the attempt times out (reason: a `TimeoutError` DOMException) or the caller aborts (reason: theirs). */
  readonly signal: AbortSignal;
  /**
   * The same abort as {@link AttemptSignal.signal}, without an `AbortSignal`: for a transport that
   * accepts an {@link AbortSource}. Creating an `AbortSignal` is among the largest costs of a call
   * on Node 20, and a transport that takes this one makes the signal unnecessary.
   */
  readonly source: AbortSource;
  /** Whether the timeout, rather than the caller, aborted the attempt. */
  readonly timedOut: boolean;
  /** Stops the timer and the forwarding of the caller's abort, once the attempt is over. */
  release(): void;
}

/** Marks a transport that accepts an {@link AbortSource} as its `init.signal`. */
export const acceptsAbortSource: unique symbol = Symbol.for('coverlink.acceptsAbortSource');

class AttemptAbort implements AbortSource, AttemptSignal {
  aborted = false;
  reason: unknown;
  timedOut = false;
  readonly #listeners = new Set<() => void>();
  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #caller: AbortSignal | null | undefined;
  readonly #forwardAbort = () => this.abort(this.#caller?.reason);

  constructor(timeout: number, caller: AbortSignal | null | undefined) {
    if (timeout < 2_147_483_647) {
      this.#timer = setTimeout(() => {
        this.timedOut = true;
        this.abort(new DOMException(`The attempt timed out after ${timeout} ms.`, 'TimeoutError'));
      }, timeout);
      // Not every runtime's timers have unref().
      (this.#timer as { unref?: () => void }).unref?.();
    }
    this.#caller = caller;
    if (caller?.aborted) this.abort(caller.reason);
    else caller?.addEventListener('abort', this.#forwardAbort, { once: true });
  }

  get source(): AbortSource {
    return this;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const controller = new AbortController();
      this.#controller = controller;
      if (this.aborted) controller.abort(this.reason);
      else this.#listeners.add(() => controller.abort(this.reason));
    }
    return this.#controller.signal;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.delete(listener);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const listener of listeners) listener();
  }

  release(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#forwardAbort);
    this.#caller = undefined;
  }
}

/**
 * A signal for one request attempt that aborts after `timeout` milliseconds or when `caller` aborts.
 * Built by hand rather than with `AbortSignal.any([caller, AbortSignal.timeout()])`: Node holds the
 * sources of `AbortSignal.any` weakly, so garbage collection can drop the timeout and leave the
 * request hanging, and each call costs a weak reference and a finalizer. The `AbortSignal` itself
 * is made only when asked for ({@link AttemptSignal.source} serves transports that need none). The
 * timer does not keep the process alive; an attempt that is never released ends when its timer fires.
 *
 * @param timeout Milliseconds; values beyond a timer's range (`Infinity` included) mean no timeout.
 */
export function createAttemptSignal(timeout: number, caller?: AbortSignal | null): AttemptSignal {
  return new AttemptAbort(timeout, caller);
}
