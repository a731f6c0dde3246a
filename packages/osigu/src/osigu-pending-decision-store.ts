import { DueTimeQueue } from './due-time-queue.js';

/**
 * Where {@link createOsiguDecisionTracker} keeps the authorization requests still waiting for a
 * sponsor's decision, each with the time its next poll is due, so a restarted process (or any
 * process of a fleet) finds them again. What is due is found through an index ordered by due time.
 */
export interface OsiguPendingDecisionStore {
  /** Adds `authorizationRequestId`, or moves it, to be polled at `dueAt` (milliseconds since the epoch). */
  schedule(authorizationRequestId: string, dueAt: number): Promise<void>;
  /**
   * Takes up to `limit` requests due at or before `now`, earliest first, and moves each to
   * `now + leaseMs` in the same step: two processes never take the same one, and one whose taker
   * died is due again after the lease.
   */
  takeDue(now: number, limit: number, leaseMs: number): Promise<string[]>;
  /** Removes a request, once it is decided; true when it was pending (so exactly one remover reports the decision). */
  remove(authorizationRequestId: string): Promise<boolean>;
  /** When `authorizationRequestId` is next due, or undefined when it is not pending. */
  dueAt(authorizationRequestId: string): Promise<number | undefined>;
}

/** An {@link OsiguPendingDecisionStore} in this process's memory (a restart loses it: use {@link RedisPendingDecisionStore} to survive one). */
export class MemoryPendingDecisionStore implements OsiguPendingDecisionStore {
  readonly #queue = new DueTimeQueue();

  async schedule(authorizationRequestId: string, dueAt: number): Promise<void> {
    this.#queue.schedule(authorizationRequestId, dueAt);
  }

  async takeDue(now: number, limit: number, leaseMs: number): Promise<string[]> {
    const due = this.#queue.takeDue(now, limit);
    for (const id of due) this.#queue.schedule(id, now + leaseMs);
    return due;
  }

  async remove(authorizationRequestId: string): Promise<boolean> {
    const pending = this.#queue.dueAt(authorizationRequestId) !== undefined;
    this.#queue.remove(authorizationRequestId);
    return pending;
  }

  async dueAt(authorizationRequestId: string): Promise<number | undefined> {
    return this.#queue.dueAt(authorizationRequestId);
  }
}

/** The node-redis (`@redis/client`) commands {@link RedisPendingDecisionStore} sends; a `createClient()` client fits as is. */
export interface OsiguRedisSortedSetCommands {
  zAdd(key: string, members: { score: number; value: string }): Promise<unknown>;
  zRem(key: string, member: string): Promise<unknown>;
  zScore(key: string, member: string): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Options of {@link RedisPendingDecisionStore}. */
export interface RedisPendingDecisionStoreOptions {
  /** The sorted set's key. Default `coverlink:osigu:pending-decisions`. */
  key?: string | undefined;
}

// Takes what is due and leases it in one step: ZRANGEBYSCORE reads only the due members (O(log n + due)),
// ZADD XX moves each past the lease, so a concurrent taker does not see them.
const takeDueScript = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[3], member) end
return due`;

/**
 * An {@link OsiguPendingDecisionStore} on a Redis sorted set (member: the request id, score: when
 * its next poll is due), shared by a fleet and surviving restarts. Taking what is due reads only
 * the due members; nothing scans the keys.
 */
export class RedisPendingDecisionStore implements OsiguPendingDecisionStore {
  readonly #redis: OsiguRedisSortedSetCommands;
  readonly #key: string;

  constructor(redis: OsiguRedisSortedSetCommands, options: RedisPendingDecisionStoreOptions = {}) {
    this.#redis = redis;
    this.#key = options.key ?? 'coverlink:osigu:pending-decisions';
  }

  async schedule(authorizationRequestId: string, dueAt: number): Promise<void> {
    await this.#redis.zAdd(this.#key, { score: dueAt, value: authorizationRequestId });
  }

  async takeDue(now: number, limit: number, leaseMs: number): Promise<string[]> {
    const due = await this.#redis.eval(takeDueScript, {
      keys: [this.#key],
      arguments: [String(now), String(limit), String(now + leaseMs)],
    });
    return Array.isArray(due) ? due.map(String) : [];
  }

  async remove(authorizationRequestId: string): Promise<boolean> {
    return Number(await this.#redis.zRem(this.#key, authorizationRequestId)) === 1;
  }

  async dueAt(authorizationRequestId: string): Promise<number | undefined> {
    const score = await this.#redis.zScore(this.#key, authorizationRequestId);
    return score === null || score === undefined ? undefined : Number(score);
  }
}
