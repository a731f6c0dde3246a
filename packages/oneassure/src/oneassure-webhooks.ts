import type { KnownWebhookEvent } from '@coverlink/core';
import type { components } from './generated/oneassure.js';
import { OneAssureError, OneAssureErrorCode } from './oneassure-errors.js';

/**
 * Any event OneAssure delivers to a webhook: one of the documented events
 * ({@link KnownOneAssureWebhookEvent}) or an event added after this version
 * ({@link UnknownOneAssureWebhookEvent}), which is accepted rather than refused so a new OneAssure
 * event never breaks a receiver.
 */
export type OneAssureWebhookEvent = components['schemas']['OneAssureWebhookEvent'];

/** An event whose name this version does not know: the envelope with an untyped `data`. Acknowledge it. */
export type UnknownOneAssureWebhookEvent = components['schemas']['UnknownOneAssureWebhookEvent'];

/**
 * The documented events, each with its own `data`, told apart by `event`. Narrow a
 * {@link OneAssureWebhookEvent} to it with {@link isKnownOneAssureWebhookEvent} first: the unknown
 * member's `event` is any string, so comparing `event` alone cannot rule it out.
 */
export type KnownOneAssureWebhookEvent = KnownWebhookEvent<OneAssureWebhookEvent, 'event'>;

// A Record over the union's event names: the compiler fails when the spec adds or drops an event
// and this list does not follow. The value is the id a payload of that event must carry.
const knownEvents: Record<KnownOneAssureWebhookEvent['event'], 'proposal_id' | 'policy_id'> = {
  'health.proposal.initiated': 'proposal_id',
  'health.proposal.pending': 'proposal_id',
  'health.proposal.submitted': 'proposal_id',
  'health.proposal.underwriting': 'proposal_id',
  'health.proposal.cancelled': 'proposal_id',
  'health.proposal.accepted': 'proposal_id',
  'health.proposal.rejected': 'proposal_id',
  'health.proposal.offline': 'proposal_id',
  'health.policy.issued': 'policy_id',
  'health.policy.uploaded': 'policy_id',
};

/**
 * Whether an event is one this version documents, narrowing it to its typed payload.
 *
 * @example
 * ```ts
 * if (!isKnownOneAssureWebhookEvent(event)) return; // a newer event: acknowledge it and move on
 * if (event.event === 'health.proposal.rejected') console.log(event.data.rejection_reason);
 * ```
 */
export function isKnownOneAssureWebhookEvent(event: OneAssureWebhookEvent): event is KnownOneAssureWebhookEvent {
  return Object.hasOwn(knownEvents, event.event);
}

/**
 * Options of {@link parseOneAssureWebhook}: a `verify` hook, or an explicit opt-out of verification.
 * One of the two is required, so that forgetting the check cannot turn a forged delivery into a
 * typed event.
 */
export type ParseOneAssureWebhookOptions =
  | {
      /**
       * Decides whether the delivery is genuine. OneAssure documents no signature scheme, so this is
       * where your own check goes: a secret token in the webhook URL you registered (compare it with
       * {@link secretsMatch}), the sender's IP against an allowlist, or both. Return false to reject.
       */
      verify: (rawBody: string) => boolean | Promise<boolean>;
      dangerouslySkipVerification?: undefined;
    }
  | {
      verify?: undefined;
      /**
       * Parses the delivery without any check, so anyone who can reach the route can make up an
       * event. Only for a body that was already authenticated elsewhere (a gateway that checked the
       * URL secret and the sender's IP), or for tests.
       */
      dangerouslySkipVerification: true;
    };

/**
 * Parses a OneAssure webhook delivery into a typed event (`health.proposal.*`, `health.policy.*`),
 * after your `verify` hook accepted it. An event name this version does not list is returned as an
 * {@link UnknownOneAssureWebhookEvent} instead of failing; check {@link isKnownOneAssureWebhookEvent}.
 *
 * @throws {OneAssureError} `ONEASSURE_WEBHOOK_VERIFICATION_MISSING` when neither `verify` nor
 *   `dangerouslySkipVerification: true` was passed (a bug in the route: answer 500);
 *   `ONEASSURE_WEBHOOK_REJECTED` when `verify` refused it (answer 401);
 *   `ONEASSURE_WEBHOOK_PAYLOAD_INVALID` when the body is not a OneAssure event (answer 400).
 */
export async function parseOneAssureWebhook(
  rawBody: string | Uint8Array,
  options: ParseOneAssureWebhookOptions,
): Promise<OneAssureWebhookEvent> {
  // Checked at run time too: JavaScript callers and `as any` get no compile-time error.
  const { verify, dangerouslySkipVerification } = (options ?? {}) as { verify?: unknown; dangerouslySkipVerification?: unknown };
  if (typeof verify !== 'function' && dangerouslySkipVerification !== true) {
    throw new OneAssureError(
      'parseOneAssureWebhook needs a verify hook: without one any forged delivery would be accepted.',
      OneAssureErrorCode.webhookVerificationMissing,
      'Pass { verify: (rawBody) => secretsMatch(tokenFromTheUrl, yourWebhookSecret) } (and check the sender IP), or { dangerouslySkipVerification: true } only when something in front of this route already authenticated the delivery.',
    );
  }
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  // A hook given alongside the opt-out still runs: the safer of the two readings.
  if (typeof verify === 'function' && !(await (verify as (rawBody: string) => boolean | Promise<boolean>)(text))) {
    throw new OneAssureError(
      'The webhook delivery was rejected by the verification hook.',
      OneAssureErrorCode.webhookRejected,
      'Answer 401 and do not act on it.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('the body is not a JSON object');
  const { event, data } = parsed as { event?: unknown; data?: unknown };
  if (typeof event !== 'string' || event === '') throw invalid('"event" is missing or not a string');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid('"data" is missing or not an object');
  // An event this version does not list passes as a generic event; a listed one must name its subject.
  const subject = Object.hasOwn(knownEvents, event) ? knownEvents[event as KnownOneAssureWebhookEvent['event']] : undefined;
  if (subject !== undefined && typeof (data as Record<string, unknown>)[subject] !== 'string')
    throw invalid(`"data.${subject}" is missing`);
  return parsed as OneAssureWebhookEvent;
}

/**
 * Compares a secret received in a webhook URL with the one you registered, in constant time, for
 * the `verify` hook of {@link parseOneAssureWebhook}.
 */
export function secretsMatch(received: string | null | undefined, expected: string): boolean {
  if (typeof received !== 'string' || expected.length === 0) return false;
  const left = new TextEncoder().encode(received);
  const right = new TextEncoder().encode(expected);
  let difference = left.length ^ right.length;
  for (let index = 0; index < right.length; index++) difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  return difference === 0;
}

function invalid(why: string): OneAssureError {
  return new OneAssureError(
    `Not a OneAssure webhook event: ${why}.`,
    OneAssureErrorCode.webhookPayloadInvalid,
    'Answer 400; if OneAssure sent it, report the payload shape to OneAssure.',
  );
}
