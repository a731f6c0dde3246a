import { abortableSleep } from '@coverlink/core';
import type { RedisClientType, RedisClusterType } from '@redis/client';
import { AuthError, AuthErrorCode } from '../auth-errors.js';
import { type RateLimit, type RateLimiter, requestSpacingMs } from '../rate-limiter.js';

/** What {@link RedisRateLimiter} runs on: a single-node or a cluster client of node-redis. */
export type RedisRateLimiterClient =
  // biome-ignore lint/suspicious/noExplicitAny: any node-redis client, whatever modules or scripts it was built with.
  | Pick<RedisClientType<any, any, any, any, any>, 'eval'>
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  | Pick<RedisClusterType<any, any, any, any, any>, 'eval'>;

/** Options of {@link RedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /** What is limited, e.g. `helloclaims|<clientId>|token`: every process using the same name shares one schedule. */
  name: string;
  /** The limit all of them together stay under. */
  limit: RateLimit;
  /** Prefix of the key, without `{` or `}`. Default `coverlink:`. */
  keyPrefix?: string | undefined;
  /** How long the Redis command may take. Default 2 000 ms. */
  commandTimeoutMs?: number | undefined;
}

// GCRA without a burst, on Redis's own clock so the processes' clocks need not agree: the key holds
// the next free slot; each call takes it, moves it one spacing on, and answers how long to wait.
const reserveScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local spacing = tonumber(ARGV[1])
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], tostring(slot + spacing), 'PX', math.ceil(slot + spacing - now) + 1000)
return math.ceil(slot - now)`;

/**
 * A {@link RateLimiter} shared by every process that uses the same Redis and `name`: four processes
 * running a job against one provider together send at most `limit.requests` per `limit.intervalMs`.
 * One `EVAL` per request reserves the next slot (one key, so it works on a Redis Cluster as is);
 * the caller then waits for its slot. A slot reserved by a caller that aborts is not given back, so
 * the limiter errs on the side of sending less.
 *
 * @example
 * ```ts
 * const limiter = new RedisRateLimiter(redis, { name: `helloclaims|${clientId}|token`, limit: { requests: 30, intervalMs: 60_000 } });
 * await limiter.acquire();
 * ```
 */
export class RedisRateLimiter implements RateLimiter {
  readonly #redis: RedisRateLimiterClient;
  readonly #key: string;
  readonly #spacingMs: number;
  readonly #timeoutMs: number;

  constructor(redis: RedisRateLimiterClient, options: RedisRateLimiterOptions) {
    const prefix = options.keyPrefix ?? 'coverlink:';
    if (/[{}]/.test(prefix)) {
      throw new AuthError('The keyPrefix of a RedisRateLimiter may not contain { or }.', {
        code: AuthErrorCode.invalidConfiguration,
        hint: 'Braces mark the Redis Cluster hash tag, which the limiter sets around its name; pick a prefix without them.',
      });
    }
    this.#redis = redis;
    this.#key = `${prefix}{rate|${encodeURIComponent(options.name)}}:next-slot`;
    this.#spacingMs = requestSpacingMs(options.limit);
    this.#timeoutMs = options.commandTimeoutMs ?? 2_000;
  }

  async acquire(signal?: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    const waitMs = Number(await this.#reserve());
    if (waitMs > 0) await abortableSleep(waitMs, signal ?? null);
  }

  async #reserve(): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        this.#redis.eval(reserveScript, { keys: [this.#key], arguments: [String(this.#spacingMs)] }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), this.#timeoutMs);
        }),
      ]);
    } catch {
      throw new AuthError('The Redis rate limiter is unavailable.', {
        code: AuthErrorCode.storeUnavailable,
        hint: 'Check that Redis is running and reachable; the job sends nothing until the limiter answers.',
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
