import { type RunningRedis, startRedisServer } from '@coverlink/mocks';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOsiguWebhookProcessor,
  MemoryWebhookDedupeStore,
  type OsiguWebhookDedupeStore,
  type OsiguWebhookEvent,
  osiguRedeliveryWindowMs,
  RedisWebhookDedupeStore,
  signOsiguWebhook,
} from './index.js';

const secret = 'whsec_processor_test';
let sequence = 0;

/** A signed delivery of a made-up `authorization.created` event; the same `eventId` twice is a redelivery. */
async function delivery(eventId = `evt_processor_${++sequence}_${Date.now()}`) {
  const rawBody = JSON.stringify({
    event_id: eventId,
    event_type: 'authorization.created',
    created_at: new Date().toISOString(),
    data: { authorization_request_id: 'areq_1', authorization_code: 'AUTH-2026-000001', beneficiary_id: 'bnf_secret_person' },
  });
  return { eventId, rawBody, headers: { 'X-Osigu-Signature': await signOsiguWebhook(rawBody, secret) } };
}

/** A handler that records each event it runs for, and that the test can hold or make fail. */
function recordingHandler() {
  const handled: string[] = [];
  let failNext = 0;
  let gate: Promise<void> | undefined;
  return {
    handled,
    failTimes(times: number) {
      failNext = times;
    },
    hold() {
      let open: () => void = () => {};
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      return () => {
        gate = undefined;
        open();
      };
    },
    async handle(event: OsiguWebhookEvent) {
      handled.push(event.event_id);
      if (gate !== undefined) await gate;
      if (failNext > 0) {
        failNext--;
        throw new Error(`handler failed on ${JSON.stringify(event.data)}`);
      }
    },
  };
}

function describeProcessorOn(name: string, storeOf: () => OsiguWebhookDedupeStore) {
  describe(`createOsiguWebhookProcessor on ${name}`, () => {
    it('runs the handler once for an event delivered twice, and answers 200 both times', async () => {
      const handler = recordingHandler();
      const processor = createOsiguWebhookProcessor({ secrets: secret, store: storeOf(), handle: handler.handle });
      const first = await delivery();
      expect(await processor.process(first)).toEqual({ status: 200, body: { outcome: 'processed', eventId: first.eventId } });
      expect(await processor.process(await delivery(first.eventId))).toEqual({
        status: 200,
        body: { outcome: 'duplicate', eventId: first.eventId },
      });
      expect(handler.handled).toEqual([first.eventId]);
    });

    it('two deliveries of one event at once (two processors on one store): the handler runs once; the other answers 409 for a redelivery', async () => {
      const handler = recordingHandler();
      const store = storeOf();
      const [one, two] = [1, 2].map(() => createOsiguWebhookProcessor({ secrets: secret, store, handle: handler.handle }));
      const event = await delivery();
      const redelivery = await delivery(event.eventId);
      const open = handler.hold();
      const first = one?.process(event);
      // The first delivery's handler is running (and held) when the second delivery arrives.
      await expect.poll(() => handler.handled.length).toBe(1);
      expect(await two?.process(redelivery)).toEqual({ status: 409, body: { outcome: 'in-progress', eventId: event.eventId } });
      open();
      expect((await first)?.status).toBe(200);
      expect(handler.handled).toEqual([event.eventId]);
      // The redelivery the 409 asks for finds the event processed.
      expect((await two?.process(await delivery(event.eventId)))?.body.outcome).toBe('duplicate');
      expect(handler.handled).toHaveLength(1);
    });

    it('a handler that throws: 500 and the claim released, so the redelivery runs it; the answer carries no event data', async () => {
      const handler = recordingHandler();
      const processor = createOsiguWebhookProcessor({ secrets: secret, store: storeOf(), handle: handler.handle });
      handler.failTimes(1);
      const event = await delivery();
      const failed = await processor.process(event);
      expect(failed).toEqual({ status: 500, body: { outcome: 'failed', eventId: event.eventId, code: 'OSIGU_WEBHOOK_HANDLER_FAILED' } });
      expect(JSON.stringify(failed)).not.toContain('bnf_secret_person');
      expect((await processor.process(await delivery(event.eventId))).status).toBe(200);
      expect(handler.handled).toEqual([event.eventId, event.eventId]);
    });

    it('a bad signature or a stale one: 401 and nothing processed or recorded', async () => {
      const handler = recordingHandler();
      const processor = createOsiguWebhookProcessor({ secrets: secret, store: storeOf(), handle: handler.handle });
      const event = await delivery();
      const forged = { rawBody: event.rawBody, headers: { 'x-osigu-signature': await signOsiguWebhook(event.rawBody, 'whsec_other') } };
      const stale = {
        rawBody: event.rawBody,
        headers: { 'x-osigu-signature': await signOsiguWebhook(event.rawBody, secret, Math.floor(Date.now() / 1000) - 301) },
      };
      expect(await processor.process(forged)).toEqual({
        status: 401,
        body: { outcome: 'rejected', code: 'OSIGU_WEBHOOK_SIGNATURE_MISMATCH' },
      });
      expect((await processor.process(stale)).body.code).toBe('OSIGU_WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE');
      expect((await processor.process({ rawBody: event.rawBody, headers: {} })).status).toBe(401);
      const notAnEvent = '{"hello":"world"}';
      const signedNotAnEvent = { rawBody: notAnEvent, headers: { 'x-osigu-signature': await signOsiguWebhook(notAnEvent, secret) } };
      expect(await processor.process(signedNotAnEvent)).toEqual({
        status: 401,
        body: { outcome: 'rejected', code: 'OSIGU_WEBHOOK_PAYLOAD_INVALID' },
      });
      // A parsed body is the route's bug: 500, so OSIGU redelivers once the route is fixed.
      expect((await processor.process({ rawBody: JSON.parse(event.rawBody), headers: event.headers })).status).toBe(500);
      expect(handler.handled).toEqual([]);
      // The refused deliveries left no trace: the genuine one is processed.
      expect((await processor.process(event)).body.outcome).toBe('processed');
    });
  });
}

describe('the memory dedupe store', () => {
  describeProcessorOn('MemoryWebhookDedupeStore', () => new MemoryWebhookDedupeStore());

  it('forgets an event after the dedupe window (default: the 72 h redelivery window) through its expiry index', async () => {
    let now = Date.now();
    const store = new MemoryWebhookDedupeStore({ now: () => now });
    const handler = recordingHandler();
    const processor = createOsiguWebhookProcessor({ secrets: secret, store, handle: handler.handle, now: () => now });
    for (let index = 0; index < 3; index++) await processor.process(await delivery());
    expect(store.size).toBe(3);
    now += osiguRedeliveryWindowMs - 1;
    expect(store.size).toBe(3);
    now += 1;
    expect(store.size).toBe(0);
  });

  it('a claim whose holder died expires after claimTtlMs, so a redelivery is handled', async () => {
    let now = Date.now();
    const store = new MemoryWebhookDedupeStore({ now: () => now });
    expect((await store.claim('evt_dead_holder', 60_000)).outcome).toBe('claimed');
    expect((await store.claim('evt_dead_holder', 60_000)).outcome).toBe('in-progress');
    now += 60_000;
    expect((await store.claim('evt_dead_holder', 60_000)).outcome).toBe('claimed');
  });
});

describe('the Redis dedupe store', () => {
  let redis: RunningRedis;
  let client: Awaited<ReturnType<typeof connect>>;
  const connect = (url: string) => createClient({ url, disableOfflineQueue: true }).connect();

  beforeAll(async () => {
    redis = await startRedisServer();
    client = await connect(redis.url);
  }, 120_000);
  afterAll(async () => {
    client?.destroy();
    await redis?.stop();
  });

  describeProcessorOn('RedisWebhookDedupeStore (a real redis-server)', () => new RedisWebhookDedupeStore(client));

  it('claims with SET NX PX and records the processed event with the window as PX: Redis expires both', async () => {
    const store = new RedisWebhookDedupeStore(client);
    const claim = await store.claim('evt_wire', 30_000);
    const key = 'coverlink:osigu:webhook-event:evt_wire';
    expect(claim.outcome === 'claimed' && (await client.get(key))).toBe(claim.outcome === 'claimed' ? claim.claimToken : false);
    expect(await client.pTTL(key)).toBeGreaterThan(25_000);
    if (claim.outcome === 'claimed') await store.markProcessed('evt_wire', claim.claimToken, osiguRedeliveryWindowMs);
    expect(await client.get(key)).toBe('processed');
    expect(await client.pTTL(key)).toBeGreaterThan(osiguRedeliveryWindowMs - 60_000);
  });

  it('a release by a delivery whose claim expired does not free the claim a later delivery took', async () => {
    const store = new RedisWebhookDedupeStore(client);
    const stale = await store.claim('evt_expired_claim', 50);
    await expect.poll(() => client.exists('coverlink:osigu:webhook-event:evt_expired_claim')).toBe(0);
    const current = await store.claim('evt_expired_claim', 30_000);
    expect(current.outcome).toBe('claimed');
    if (stale.outcome === 'claimed') await store.release('evt_expired_claim', stale.claimToken);
    expect((await store.claim('evt_expired_claim', 30_000)).outcome).toBe('in-progress');
  });

  it('a Redis that is down: 503, so OSIGU redelivers, and the handler did not run', async () => {
    const other = await startRedisServer();
    const lost = createClient({ url: other.url, disableOfflineQueue: true });
    // node-redis reports the lost connection as an 'error' event; the store's answer is what is tested.
    lost.on('error', () => {});
    await lost.connect();
    const handler = recordingHandler();
    const processor = createOsiguWebhookProcessor({ secrets: secret, store: new RedisWebhookDedupeStore(lost), handle: handler.handle });
    other.kill();
    await expect.poll(() => lost.isReady).toBe(false);
    const answer = await processor.process(await delivery());
    expect(answer.status).toBe(503);
    expect(answer.body.code).toBe('OSIGU_WEBHOOK_STORE_UNAVAILABLE');
    expect(handler.handled).toEqual([]);
    lost.destroy();
  });
});
