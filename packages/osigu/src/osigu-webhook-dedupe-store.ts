import { DueTimeQueue } from './due-time-queue.js';

/** The outcome of {@link OsiguWebhookDedupeStore.claim}. */
export type OsiguWebhookClaim =
  /** This delivery holds the event: run the handler, then `markProcessed` or `release` with the token. */
  | { outcome: 'claimed'; claimToken: string }
  /** The event was processed already (within the dedupe window): acknowledge without running the handler. */
  | { outcome: 'processed' }
  /** Another delivery of the event holds it right now: answer non-2xx so OSIGU redelivers, and that one decides. */
  | { outcome: 'in-progress' };

/**
 * Where {@link createOsiguWebhookProcessor} records which events it has processed, so an event
 * delivered twice (OSIGU delivers at least once) runs the handler once. Every operation is atomic
 * per event id; entries expire by TTL, so the store never needs to be scanned.
 */
export interface OsiguWebhookDedupeStore {
  /** Claims `eventId` for `claimTtlMs` unless it is processed or claimed already. */
  claim(eventId: string, claimTtlMs: number): Promise<OsiguWebhookClaim>;
  /** Records `eventId` as processed for `windowMs` (ending the claim). */
  markProcessed(eventId: string, claimToken: string, windowMs: number): Promise<void>;
  /** Ends the claim without recording the event as processed, so a redelivery runs the handler; a no-op when `claimToken` no longer holds it. */
  release(eventId: string, claimToken: string): Promise<void>;
}

/** Options of {@link MemoryWebhookDedupeStore}. */
export interface MemoryWebhookDedupeStoreOptions {
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
}

const processedMarker = 'processed';

/**
 * An {@link OsiguWebhookDedupeStore} in this process's memory, for a single receiver process (a
 * fleet needs {@link RedisWebhookDedupeStore}). Expired entries are dropped through an index
 * ordered by expiry, on each call, in time proportional to what expired.
 */
export class MemoryWebhookDedupeStore implements OsiguWebhookDedupeStore {
  // The value is the claim token while claimed, `processed` afterwards.
  readonly #entries = new Map<string, string>();
  readonly #expiries = new DueTimeQueue();
  readonly #now: () => number;

  constructor(options: MemoryWebhookDedupeStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** How many events are held (claimed or processed and not yet expired). */
  get size(): number {
    this.#expire();
    return this.#entries.size;
  }

  async claim(eventId: string, claimTtlMs: number): Promise<OsiguWebhookClaim> {
    this.#expire();
    const held = this.#entries.get(eventId);
    if (held === processedMarker) return { outcome: 'processed' };
    if (held !== undefined) return { outcome: 'in-progress' };
    const claimToken = crypto.randomUUID();
    this.#set(eventId, claimToken, claimTtlMs);
    return { outcome: 'claimed', claimToken };
  }

  async markProcessed(eventId: string, _claimToken: string, windowMs: number): Promise<void> {
    this.#expire();
    this.#set(eventId, processedMarker, windowMs);
  }

  async release(eventId: string, claimToken: string): Promise<void> {
    if (this.#entries.get(eventId) !== claimToken) return;
    this.#entries.delete(eventId);
    this.#expiries.remove(eventId);
  }

  #set(eventId: string, value: string, ttlMs: number): void {
    this.#entries.set(eventId, value);
    this.#expiries.schedule(eventId, this.#now() + ttlMs);
  }

  #expire(): void {
    for (const eventId of this.#expiries.takeDue(this.#now())) this.#entries.delete(eventId);
  }
}

/**
 * The node-redis (`@redis/client`) commands {@link RedisWebhookDedupeStore} sends: a client from
 * `createClient()` or `createCluster()` fits as is.
 */
export interface OsiguRedisCommands {
  set(key: string, value: string, options: { condition?: 'NX'; expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  get(key: string): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Options of {@link RedisWebhookDedupeStore}. */
export interface RedisWebhookDedupeStoreOptions {
  /** Prefix of every key. Default `coverlink:osigu:webhook-event:`. */
  keyPrefix?: string | undefined;
}

// Ends the claim only if this delivery still holds it: a delivery whose claim expired must not
// free (or mark) the claim a later delivery took.
const releaseScript = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * An {@link OsiguWebhookDedupeStore} on Redis, shared by every receiver process: the claim is
 * `SET <key> <token> NX PX <claimTtlMs>`, so of two deliveries of one event arriving at once,
 * on one process or two, exactly one gets it. The processed marker replaces the claim with
 * `PX <window>`; Redis expires both, so nothing ever scans the keys. One key per event.
 *
 * @example
 * ```ts
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect();
 * const store = new RedisWebhookDedupeStore(redis);
 * ```
 */
export class RedisWebhookDedupeStore implements OsiguWebhookDedupeStore {
  readonly #redis: OsiguRedisCommands;
  readonly #prefix: string;

  constructor(redis: OsiguRedisCommands, options: RedisWebhookDedupeStoreOptions = {}) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix ?? 'coverlink:osigu:webhook-event:';
  }

  async claim(eventId: string, claimTtlMs: number): Promise<OsiguWebhookClaim> {
    const key = this.#key(eventId);
    const claimToken = crypto.randomUUID();
    const taken = await this.#redis.set(key, claimToken, { condition: 'NX', expiration: { type: 'PX', value: Math.ceil(claimTtlMs) } });
    if (taken !== null) return { outcome: 'claimed', claimToken };
    // Read after a refused claim: if the holder released it in between, the answer is in-progress and the redelivery claims it.
    return (await this.#redis.get(key)) === processedMarker ? { outcome: 'processed' } : { outcome: 'in-progress' };
  }

  async markProcessed(eventId: string, _claimToken: string, windowMs: number): Promise<void> {
    // Whatever holds the key: the handler did run, and every later claim must see it.
    await this.#redis.set(this.#key(eventId), processedMarker, { expiration: { type: 'PX', value: Math.ceil(windowMs) } });
  }

  async release(eventId: string, claimToken: string): Promise<void> {
    await this.#redis.eval(releaseScript, { keys: [this.#key(eventId)], arguments: [claimToken] });
  }

  #key(eventId: string): string {
    return `${this.#prefix}${eventId}`;
  }
}
