import { abortableSleep } from '@coverlink/core';
import { AuthError, AuthErrorCode } from './auth-errors.js';

/** How many requests a job may send to a provider per interval. */
export interface RateLimit {
  /** Requests per interval. */
  requests: number;
  /** The interval, in milliseconds. */
  intervalMs: number;
}

/**
 * Spaces a job's requests so that any `intervalMs` window holds at most `requests` of them.
 * Implementations: {@link MemoryRateLimiter} (one process) and `RedisRateLimiter`
 * (`@coverlink/auth/redis`, shared by a fleet).
 */
export interface RateLimiter {
  /** Waits for this caller's turn: resolves when a request may be sent. Rejects with the signal's reason when it aborts. */
  acquire(signal?: AbortSignal | undefined): Promise<void>;
}

/**
 * The spacing between two requests under `limit`, in milliseconds: requests go out one spacing
 * apart (GCRA without a burst), so no sliding window of `intervalMs` holds more than `requests`.
 *
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for a limit that is not two positive numbers.
 */
export function requestSpacingMs(limit: RateLimit): number {
  const { requests, intervalMs } = limit;
  if (!(Number.isFinite(requests) && requests >= 1 && Number.isFinite(intervalMs) && intervalMs > 0)) {
    throw new AuthError('A rate limit needs a positive number of requests per positive interval.', {
      code: AuthErrorCode.invalidConfiguration,
      hint: 'Pass e.g. { requests: 60, intervalMs: 60_000 } for 60 requests a minute.',
    });
  }
  return intervalMs / Math.floor(requests);
}

/**
 * A {@link RateLimiter} in this process's memory: each caller reserves the next free slot, one
 * spacing after the previous one, and waits until it comes. Right for one process; a fleet sharing a
 * provider's limit needs `RedisRateLimiter`, which keeps the same schedule in Redis.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly #spacingMs: number;
  readonly #now: () => number;
  #nextSlot = Number.NEGATIVE_INFINITY;

  constructor(limit: RateLimit, options: { now?: (() => number) | undefined } = {}) {
    this.#spacingMs = requestSpacingMs(limit);
    this.#now = options.now ?? Date.now;
  }

  async acquire(signal?: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    const now = this.#now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + this.#spacingMs;
    if (slot > now) await abortableSleep(slot - now, signal ?? null);
  }
}
