import { unwrap } from '@coverlink/core';
import type { OsiguClient } from './osigu-client.js';
import { OsiguDecisionPendingError, OsiguErrorCode } from './osigu-errors.js';
import type { OsiguPendingDecisionStore } from './osigu-pending-decision-store.js';
import type { OsiguAuthorization } from './osigu-preauthorize.js';
import type { OsiguWebhookEvent } from './osigu-webhooks.js';

/** A sponsor's decision on an authorization request that was pending. */
export interface OsiguDecision {
  authorizationRequestId: string;
  /** `COMPLETED` with its authorizations, or `CANCELLED`. */
  status: 'COMPLETED' | 'CANCELLED';
  /** Every authorization issued. */
  authorizations: OsiguAuthorization[];
  /** The approved ones: hand their `authorization_code` to dispensation. */
  approved: OsiguAuthorization[];
  /** The rejected ones, each with the sponsor's `rejection_reason` to show the end user. */
  rejected: Array<OsiguAuthorization & { rejection_reason: string }>;
  /** What brought it: a webhook (then confirmed with one read of the request) or a poll. */
  source: 'webhook' | 'poll';
}

/** When {@link OsiguDecisionTracker.awaitDecision} waits for a webhook, polls, and gives up. */
export interface AwaitDecisionOptions {
  /** How long to wait for a webhook before polling, in milliseconds. Default: the tracker's. */
  webhookWindowMs?: number | undefined;
  /** How often to poll after that, in milliseconds. Default: the tracker's. */
  pollIntervalMs?: number | undefined;
  /** When to stop waiting, in milliseconds (the request stays pending for `reconcilePending`). Default: the tracker's. */
  timeoutMs?: number | undefined;
}

/** Options of {@link createOsiguDecisionTracker}. */
export interface OsiguDecisionTrackerOptions {
  client: OsiguClient;
  /** Where pending requests are kept: {@link MemoryPendingDecisionStore}, or {@link RedisPendingDecisionStore} to survive restarts. */
  store: OsiguPendingDecisionStore;
  /** Default 60 000 ms: asynchronous sponsors usually decide within a minute, and the webhook is cheaper than polls. */
  webhookWindowMs?: number | undefined;
  /** Default 30 000 ms. */
  pollIntervalMs?: number | undefined;
  /** Default 3 600 000 ms (an hour). */
  timeoutMs?: number | undefined;
  /**
   * Called once per decision of a request `awaitDecision` recorded, in whichever process finds it
   * first (the waiting one, another one's webhook, or `reconcilePending` after a restart).
   */
  onDecision?: ((decision: OsiguDecision) => Promise<void> | void) | undefined;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** Tracks the decisions of asynchronous sponsors: see {@link createOsiguDecisionTracker}. */
export interface OsiguDecisionTracker {
  /**
   * Resolves with the decision on `authorizationRequestId` (a `PENDING_SPONSOR` request): from the
   * webhook, when {@link onWebhookEvent} is told of one within `webhookWindowMs`, else by polling
   * every `pollIntervalMs`. The request is recorded in the store first, so it is not lost if this
   * process stops.
   *
   * @throws {OsiguDecisionPendingError} `OSIGU_DECISION_TIMEOUT` after `timeoutMs`, `OSIGU_DECISION_TRACKER_STOPPED` on `stop()`.
   */
  awaitDecision(authorizationRequestId: string, options?: AwaitDecisionOptions): Promise<OsiguDecision>;
  /** Give it every verified webhook event (e.g. from `createOsiguWebhookProcessor`'s `handle`); other events are ignored. */
  onWebhookEvent(event: OsiguWebhookEvent): Promise<void>;
  /**
   * Polls the pending requests that are due (at most `limit`, default 100), found through the
   * store's due-time index: run it on a schedule, in any process, to resolve what no one waits for
   * anymore (after a restart, or a webhook that never came). Resolves with the decisions it found.
   */
  reconcilePending(options?: { limit?: number | undefined }): Promise<OsiguDecision[]>;
  /** Stops the local timers; waiting calls reject, and their requests stay in the store. */
  stop(): void;
}

interface Waiter {
  resolve: (decision: OsiguDecision) => void;
  reject: (error: unknown) => void;
  timers: Set<ReturnType<typeof setTimeout>>;
}

/**
 * Creates a tracker of asynchronous sponsors' decisions: `awaitDecision` for a caller that waits,
 * `onWebhookEvent` to feed it webhooks, and `reconcilePending` as the job that recovers any
 * decision whose webhook never arrived.
 *
 * @example
 * ```ts
 * const tracker = createOsiguDecisionTracker({ client: osigu, store: new RedisPendingDecisionStore(redis), onDecision: save });
 * const processor = createOsiguWebhookProcessor({ secrets, store: dedupe, handle: (event) => tracker.onWebhookEvent(event) });
 * setInterval(() => void tracker.reconcilePending(), 30_000);
 * const decision = await tracker.awaitDecision(result.authorizationRequestId);
 * ```
 */
export function createOsiguDecisionTracker(options: OsiguDecisionTrackerOptions): OsiguDecisionTracker {
  const { client, store } = options;
  const now = options.now ?? Date.now;
  const defaults = {
    webhookWindowMs: options.webhookWindowMs ?? 60_000,
    pollIntervalMs: options.pollIntervalMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 3_600_000,
  };
  const waiters = new Map<string, Set<Waiter>>();

  /** Reads the request; on a decision, removes it from the store, tells onDecision and the waiters. */
  const check = async (authorizationRequestId: string, source: OsiguDecision['source']): Promise<OsiguDecision | undefined> => {
    const request = unwrap(
      await client.GET('/arc/v1/authorization-requests/{authorization_request_id}', {
        params: { path: { authorization_request_id: authorizationRequestId } },
      }),
    );
    if (request.status !== 'COMPLETED' && request.status !== 'CANCELLED') return undefined;
    const authorizations = request.authorizations;
    const decision: OsiguDecision = {
      authorizationRequestId,
      status: request.status,
      authorizations,
      approved: authorizations.filter((authorization) => authorization.status === 'APPROVED'),
      rejected: authorizations.filter(
        (authorization): authorization is OsiguAuthorization & { rejection_reason: string } => authorization.status === 'REJECTED',
      ),
      source,
    };
    // Only the process that takes it out of the store reports it: onDecision runs once across a fleet.
    if (await store.remove(authorizationRequestId)) await options.onDecision?.(decision);
    for (const waiter of waiters.get(authorizationRequestId) ?? []) settle(authorizationRequestId, waiter, () => waiter.resolve(decision));
    return decision;
  };

  const settle = (authorizationRequestId: string, waiter: Waiter, finish: () => void) => {
    for (const timer of waiter.timers) clearTimeout(timer);
    waiter.timers.clear();
    const set = waiters.get(authorizationRequestId);
    set?.delete(waiter);
    if (set?.size === 0) waiters.delete(authorizationRequestId);
    finish();
  };

  return {
    async awaitDecision(authorizationRequestId, awaitOptions = {}) {
      const webhookWindowMs = awaitOptions.webhookWindowMs ?? defaults.webhookWindowMs;
      const pollIntervalMs = awaitOptions.pollIntervalMs ?? defaults.pollIntervalMs;
      const timeoutMs = awaitOptions.timeoutMs ?? defaults.timeoutMs;
      await store.schedule(authorizationRequestId, now() + webhookWindowMs);
      return new Promise<OsiguDecision>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, timers: new Set() };
        const set = waiters.get(authorizationRequestId) ?? new Set<Waiter>();
        set.add(waiter);
        waiters.set(authorizationRequestId, set);
        const later = (delayMs: number, run: () => void) => {
          const timer = setTimeout(() => {
            waiter.timers.delete(timer);
            run();
          }, delayMs);
          waiter.timers.add(timer);
        };
        const poll = () => {
          // The store is moved first, so another process's reconcilePending does not poll the same request now.
          void store
            .schedule(authorizationRequestId, now() + pollIntervalMs)
            .then(() => check(authorizationRequestId, 'poll'))
            .then(
              (decision) => {
                if (decision === undefined && waiters.get(authorizationRequestId)?.has(waiter)) later(pollIntervalMs, poll);
              },
              // A failed poll (OSIGU down, 429) is tried again at the next interval.
              () => {
                if (waiters.get(authorizationRequestId)?.has(waiter)) later(pollIntervalMs, poll);
              },
            );
        };
        later(webhookWindowMs, poll);
        later(timeoutMs, () =>
          settle(authorizationRequestId, waiter, () =>
            reject(
              new OsiguDecisionPendingError(
                `No decision on the authorization request within ${timeoutMs} ms.`,
                OsiguErrorCode.decisionTimeout,
                authorizationRequestId,
              ),
            ),
          ),
        );
      });
    },

    async onWebhookEvent(event) {
      if (!event.event_type.startsWith('authorization.')) return;
      const data = event.data as { authorization_request_id?: unknown };
      if (typeof data.authorization_request_id !== 'string') return;
      const id = data.authorization_request_id;
      // Events of requests nobody tracks cost no call.
      if (!waiters.has(id) && (await store.dueAt(id)) === undefined) return;
      // One event per authorization: the request itself says whether every product type is decided.
      await check(id, 'webhook');
    },

    async reconcilePending(reconcileOptions = {}) {
      const due = await store.takeDue(now(), reconcileOptions.limit ?? 100, defaults.pollIntervalMs);
      const decisions: OsiguDecision[] = [];
      for (const authorizationRequestId of due) {
        // Not decided, or the read failed: takeDue has moved it one poll interval on already.
        const decision = await check(authorizationRequestId, 'poll').catch(() => undefined);
        if (decision !== undefined) decisions.push(decision);
      }
      return decisions;
    },

    stop() {
      for (const [authorizationRequestId, set] of [...waiters]) {
        for (const waiter of [...set]) {
          settle(authorizationRequestId, waiter, () =>
            waiter.reject(
              new OsiguDecisionPendingError(
                'The decision tracker was stopped before the sponsor decided.',
                OsiguErrorCode.decisionTrackerStopped,
                authorizationRequestId,
              ),
            ),
          );
        }
      }
    },
  };
}
