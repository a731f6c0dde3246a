import { type Logger, safeCode } from '@coverlink/core';
import { OsiguErrorCode, OsiguWebhookError } from './osigu-errors.js';
import type { OsiguWebhookDedupeStore } from './osigu-webhook-dedupe-store.js';
import { type OsiguWebhookEvent, osiguSignatureHeader, verifyOsiguWebhook } from './osigu-webhooks.js';

/**
 * How long OSIGU keeps redelivering an event it could not deliver: exponential backoff for 72 h
 * (O-wh). A processed event is remembered this long, so any redelivery finds it.
 */
export const osiguRedeliveryWindowMs = 72 * 60 * 60_000;

/** A webhook delivery, framework-neutral: the raw body and the request headers. */
export interface OsiguWebhookDelivery {
  /** The body exactly as received (a string, Buffer or Uint8Array), before any JSON parsing. */
  rawBody: string | Uint8Array;
  /** The request headers: a fetch `Headers`, or Node's `request.headers` (names in any case). */
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** What to answer the delivery with. */
export interface OsiguWebhookAnswer {
  /** 200 once processed (or a duplicate of a processed event), 401 for a delivery not to act on, 409/5xx for OSIGU to redeliver. */
  status: number;
  /** A small JSON body: the outcome, the event id when known, and an error code. Never a message or event data. */
  body: {
    outcome: 'processed' | 'duplicate' | 'in-progress' | 'rejected' | 'failed';
    eventId?: string;
    code?: string;
  };
}

/** Options of {@link createOsiguWebhookProcessor}. */
export interface OsiguWebhookProcessorOptions {
  /** The signing secret(s); pass the old and the new one while OSIGU rotates them. */
  secrets: string | readonly string[];
  /** Where processed event ids are kept: {@link MemoryWebhookDedupeStore} for one process, {@link RedisWebhookDedupeStore} for a fleet. */
  store: OsiguWebhookDedupeStore;
  /** Your handler; it runs once per event. Throw to have OSIGU redeliver the event later. */
  handle: (event: OsiguWebhookEvent) => Promise<void> | void;
  /** How long a processed event id is remembered. Default {@link osiguRedeliveryWindowMs} (72 h), OSIGU's redelivery window. */
  dedupeWindowMs?: number | undefined;
  /**
   * How long one delivery holds an event while its handler runs; a delivery whose process dies
   * frees it after this. Default 60 000 ms. Keep it above your handler's longest run, or a
   * redelivery arriving after it runs the handler a second time.
   */
  claimTtlMs?: number | undefined;
  /** Largest accepted age of a signature, in seconds. Default 300, as `verifyOsiguWebhook`. */
  toleranceSeconds?: number | undefined;
  /** Receives one line per delivery: outcome, event id and type, error class names. Never bodies or messages. */
  logger?: Logger | undefined;
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A webhook processor: {@link OsiguWebhookProcessor.process} one delivery, answer with its result. */
export interface OsiguWebhookProcessor {
  /** Verifies, deduplicates, runs the handler once per event, and says what to answer. Never throws. */
  process(delivery: OsiguWebhookDelivery): Promise<OsiguWebhookAnswer>;
}

// The spec declares 401 for a delivery the receiver refuses; a signed body that is not an event is refused the same way.
const verificationCodes = new Set<string>([
  OsiguErrorCode.webhookPayloadInvalid,
  OsiguErrorCode.webhookSignatureMalformed,
  OsiguErrorCode.webhookSignatureMismatch,
  OsiguErrorCode.webhookTimestampOutOfTolerance,
]);

/**
 * Creates OSIGU's receiving side in one piece: verify the signature (`verifyOsiguWebhook`),
 * deduplicate on `event_id` with an atomic claim in `store` (two deliveries of one event arriving
 * at once run the handler once), run the handler, and acknowledge:
 *
 * - **200** after the handler succeeded, or for an event already processed;
 * - **401** for a bad or stale signature, or a signed body that is not an event: nothing runs;
 * - **409** while another delivery of the event is being handled, **500** when the handler threw
 *   (the claim is released) and **503** when the store is unreachable: OSIGU redelivers, and the
 *   redelivery runs the handler.
 *
 * @example
 * ```ts
 * const processor = createOsiguWebhookProcessor({ secrets: [secret], store: new MemoryWebhookDedupeStore(), handle: onEvent });
 * // Express, with express.raw({ type: 'application/json' }) on the route:
 * app.post('/osigu/webhooks', async (req, res) => {
 *   const { status, body } = await processor.process({ rawBody: req.body, headers: req.headers });
 *   res.status(status).json(body);
 * });
 * ```
 */
export function createOsiguWebhookProcessor(options: OsiguWebhookProcessorOptions): OsiguWebhookProcessor {
  const dedupeWindowMs = options.dedupeWindowMs ?? osiguRedeliveryWindowMs;
  const claimTtlMs = options.claimTtlMs ?? 60_000;
  for (const [name, value] of [
    ['dedupeWindowMs', dedupeWindowMs],
    ['claimTtlMs', claimTtlMs],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0)
      throw new TypeError(`createOsiguWebhookProcessor: ${name} must be a positive number of milliseconds.`);
  }
  const { store, handle, logger } = options;
  const log = (level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string) =>
    logger?.[level]?.({ provider: 'OSIGU', ...fields }, message);

  return {
    async process(delivery) {
      let event: OsiguWebhookEvent;
      try {
        event = await verifyOsiguWebhook(delivery.rawBody, signatureHeaderOf(delivery.headers), options.secrets, {
          toleranceSeconds: options.toleranceSeconds,
          now: options.now,
        });
      } catch (error) {
        const code = OsiguWebhookError.isInstance(error) ? error.code : 'OSIGU_WEBHOOK_UNVERIFIED';
        // A body that is not raw is the route's bug, not the delivery's: 500, so OSIGU redelivers once it is fixed.
        const status = verificationCodes.has(code) ? 401 : 500;
        log('warn', { outcome: 'rejected', code, status }, 'OSIGU webhook delivery refused');
        return { status, body: { outcome: 'rejected', code } };
      }
      // Only ids and types that look like codes are repeated in logs and answers; the claim uses the id as sent.
      const eventId = safeCode(event.event_id) ?? '(unprintable)';
      const eventType = safeCode(event.event_type) ?? '(unprintable)';

      let claim: Awaited<ReturnType<OsiguWebhookDedupeStore['claim']>>;
      try {
        claim = await store.claim(event.event_id, claimTtlMs);
      } catch (error) {
        log('error', { outcome: 'failed', eventId, eventType, errorName: errorNameOf(error) }, 'OSIGU webhook dedupe store unavailable');
        return { status: 503, body: { outcome: 'failed', eventId, code: 'OSIGU_WEBHOOK_STORE_UNAVAILABLE' } };
      }
      if (claim.outcome === 'processed') {
        log('info', { outcome: 'duplicate', eventId, eventType }, 'OSIGU webhook already processed');
        return { status: 200, body: { outcome: 'duplicate', eventId } };
      }
      if (claim.outcome === 'in-progress') {
        log('info', { outcome: 'in-progress', eventId, eventType }, 'OSIGU webhook being processed by another delivery');
        return { status: 409, body: { outcome: 'in-progress', eventId } };
      }

      try {
        await handle(event);
      } catch (error) {
        await store.release(event.event_id, claim.claimToken).catch(() => undefined);
        log('error', { outcome: 'failed', eventId, eventType, errorName: errorNameOf(error) }, 'OSIGU webhook handler failed');
        return { status: 500, body: { outcome: 'failed', eventId, code: 'OSIGU_WEBHOOK_HANDLER_FAILED' } };
      }
      try {
        await store.markProcessed(event.event_id, claim.claimToken, dedupeWindowMs);
      } catch (error) {
        // The handler ran: a 5xx would have OSIGU redeliver and run it again once the claim expires.
        log(
          'error',
          { outcome: 'processed', eventId, eventType, errorName: errorNameOf(error) },
          'OSIGU webhook processed, but not recorded',
        );
      }
      log('info', { outcome: 'processed', eventId, eventType }, 'OSIGU webhook processed');
      return { status: 200, body: { outcome: 'processed', eventId } };
    },
  };
}

function signatureHeaderOf(headers: OsiguWebhookDelivery['headers']): string | readonly string[] | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(osiguSignatureHeader) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const name = Object.keys(record).find((header) => header.toLowerCase() === osiguSignatureHeader);
  return name === undefined ? undefined : record[name];
}

/** The error's class name only: a handler's message may quote the event, which holds personal data. */
function errorNameOf(error: unknown): string {
  return error instanceof Error && /^[A-Za-z][A-Za-z0-9_]{0,60}$/.test(error.name) ? error.name : 'unknown';
}
