import { type RunningOsiguSimulator, type RunningWebhookReceiver, startOsiguSimulator, startWebhookReceiver } from '@coverlink/mock-osigu';
import { type RunningRedis, recordingFetch, startRedisServer } from '@coverlink/mocks';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createOsiguClient,
  createOsiguDecisionTracker,
  createOsiguWebhookProcessor,
  MemoryPendingDecisionStore,
  MemoryWebhookDedupeStore,
  type OsiguClient,
  type OsiguDecision,
  OsiguDecisionPendingError,
  OsiguErrorCode,
  RedisPendingDecisionStore,
} from './index.js';
import { requestFromAsynchronousSponsor } from './osigu-asynchronous-sponsor.test-support.js';

// The simulator's asynchronous sponsor (demo-insurer) decides 300 ms after complete and then delivers its webhook.
const secret = 'whsec_tracker_simulated';
const recorder = recordingFetch();
let simulator: RunningOsiguSimulator;
let osigu: OsiguClient;
let redis: RunningRedis;
const connectRedis = (url: string) => createClient({ url, disableOfflineQueue: true }).connect();

beforeAll(async () => {
  redis = await startRedisServer();
  // The receivers' certificates are made per test; the simulator trusts the system's CAs plus these.
  receiverLive = await startProcessingReceiver();
  simulator = await startOsiguSimulator({
    port: 0,
    sponsorDecisionDelayMilliseconds: 300,
    redelivery: { initialDelayMilliseconds: 60_000 },
    webhookSigningSecrets: [secret],
    webhookTrustedCertificates: [receiverLive.certificate],
  });
  osigu = createOsiguClient({ clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl: simulator.url, fetch: recorder.fetch });
}, 120_000);

afterAll(async () => {
  await simulator?.stop();
  await receiverLive?.stop();
  await redis?.stop();
});

beforeEach(() => {
  recorder.wire.length = 0;
});

// One receiver for the file, whose deliveries are handed to whatever processor the current test installs.
let receiverLive: RunningWebhookReceiver & {
  use(handler: ((rawBody: string, headers: Record<string, unknown>) => Promise<void>) | undefined): void;
};
async function startProcessingReceiver() {
  let current: ((rawBody: string, headers: Record<string, unknown>) => Promise<void>) | undefined;
  const receiver = await startWebhookReceiver((delivery) => {
    void current?.(delivery.rawBody, delivery.headers);
    return 204;
  });
  return Object.assign(receiver, {
    use(handler: typeof current) {
      current = handler;
    },
  });
}

const pollsOf = (id: string) =>
  recorder.wire.filter((record) => record.method === 'GET' && record.path === `/arc/v1/authorization-requests/${id}`);

describe('awaitDecision on the simulator’s asynchronous sponsor', () => {
  it('resolves from the webhook, through the processor: no poll before it, one read of the request to confirm it', async () => {
    const store = new MemoryPendingDecisionStore();
    const decisions: OsiguDecision[] = [];
    const tracker = createOsiguDecisionTracker({ client: osigu, store, onDecision: (decision) => void decisions.push(decision) });
    const processor = createOsiguWebhookProcessor({
      secrets: secret,
      store: new MemoryWebhookDedupeStore(),
      handle: (event) => tracker.onWebhookEvent(event),
    });
    receiverLive.use(async (rawBody, headers) => void (await processor.process({ rawBody, headers: headers as Record<string, string> })));
    const subscription = await osigu.POST('/webhooks/v1/subscriptions', {
      body: { url: receiverLive.url, event_types: ['authorization.*'] },
    });

    const id = await requestFromAsynchronousSponsor(osigu);
    const decision = await tracker.awaitDecision(id, { webhookWindowMs: 60_000, pollIntervalMs: 60_000, timeoutMs: 30_000 });

    expect(decision).toMatchObject({ authorizationRequestId: id, status: 'COMPLETED', source: 'webhook' });
    expect(decision.approved.map((authorization) => authorization.product_type)).toEqual(['MEDICATION']);
    expect(pollsOf(id)).toHaveLength(1);
    expect(decisions).toEqual([decision]);
    expect(await store.dueAt(id)).toBeUndefined();
    receiverLive.use(undefined);
    await osigu.DELETE('/webhooks/v1/subscriptions/{subscription_id}', {
      params: { path: { subscription_id: subscription.data?.subscription_id ?? '' } },
    });
  });

  it('a webhook that never arrives (the receiver is down): resolves by polling after the window', async () => {
    const down = await startWebhookReceiver();
    await down.stop();
    const subscription = await osigu.POST('/webhooks/v1/subscriptions', { body: { url: down.url, event_types: ['authorization.*'] } });
    const tracker = createOsiguDecisionTracker({ client: osigu, store: new MemoryPendingDecisionStore() });

    const id = await requestFromAsynchronousSponsor(osigu);
    const decision = await tracker.awaitDecision(id, { webhookWindowMs: 200, pollIntervalMs: 200, timeoutMs: 30_000 });

    expect(decision).toMatchObject({ authorizationRequestId: id, status: 'COMPLETED', source: 'poll' });
    expect(pollsOf(id).length).toBeGreaterThanOrEqual(1);
    // The simulator did try to deliver, and failed: the poll is what recovered the decision.
    await vi.waitFor(() =>
      expect(simulator.deliveries().some((attempt) => attempt.url === down.url && attempt.outcome === 'failed')).toBe(true),
    );
    await osigu.DELETE('/webhooks/v1/subscriptions/{subscription_id}', {
      params: { path: { subscription_id: subscription.data?.subscription_id ?? '' } },
    });
  });

  it('gives up after timeoutMs with a typed error, and keeps the request pending', async () => {
    // A request that never reaches the sponsor (no indication, never completed) is never decided.
    const created = await osigu.POST('/arc/v1/authorization-requests', {
      body: {
        beneficiary_id: 'bnf_01HW9DM0J4QK7N2P5R8T1V3X6Z',
        sponsor_slug: 'demo-insurer',
        diagnosis_code: 'R51',
        products: [{ product_code: 'MED-042', product_type: 'MEDICATION', quantity: 1, posology: 'once' }],
      },
    });
    const id = created.data?.authorization_request_id ?? '';
    const store = new MemoryPendingDecisionStore();
    const tracker = createOsiguDecisionTracker({ client: osigu, store });
    const error = await tracker
      .awaitDecision(id, { webhookWindowMs: 50, pollIntervalMs: 50, timeoutMs: 400 })
      .catch((caught: unknown) => caught);
    expect(OsiguDecisionPendingError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: OsiguErrorCode.decisionTimeout, authorizationRequestId: id });
    expect(await store.dueAt(id)).toBeDefined();
    tracker.stop();
  });
});

describe('reconcilePending on Redis: a restart loses nothing', () => {
  it('a process stops while waiting; a new tracker on a new connection to the same Redis finds the request through the due-time index and resolves it', async () => {
    const key = `coverlink:osigu:pending-decisions:${Date.now()}`;
    const before = await connectRedis(redis.url);
    const beforeDecisions: OsiguDecision[] = [];
    const crashed = createOsiguDecisionTracker({
      client: osigu,
      store: new RedisPendingDecisionStore(before, { key }),
      onDecision: (decision) => void beforeDecisions.push(decision),
    });
    // Not due for an hour: reconcilePending must leave it alone (and not read it).
    await new RedisPendingDecisionStore(before, { key }).schedule('areq_not_due_yet', Date.now() + 3_600_000);

    const id = await requestFromAsynchronousSponsor(osigu);
    const waiting = crashed.awaitDecision(id, { webhookWindowMs: 100, pollIntervalMs: 100 }).catch((caught: unknown) => caught);
    await vi.waitFor(async () => expect(await before.zScore(key, id)).not.toBeNull());
    crashed.stop();
    expect(await waiting).toMatchObject({ code: OsiguErrorCode.decisionTrackerStopped, authorizationRequestId: id });
    before.destroy();

    const after = await connectRedis(redis.url);
    const decisions: OsiguDecision[] = [];
    const restarted = createOsiguDecisionTracker({
      client: osigu,
      store: new RedisPendingDecisionStore(after, { key }),
      pollIntervalMs: 100,
      onDecision: (decision) => void decisions.push(decision),
    });
    await vi.waitFor(
      async () => {
        await restarted.reconcilePending();
        expect(decisions.map((decision) => decision.authorizationRequestId)).toEqual([id]);
      },
      { timeout: 10_000, interval: 150 },
    );
    expect(decisions[0]).toMatchObject({ status: 'COMPLETED', source: 'poll' });
    expect(beforeDecisions).toEqual([]);
    expect(await after.zRange(key, 0, -1)).toEqual(['areq_not_due_yet']);
    expect(pollsOf('areq_not_due_yet')).toEqual([]);
    after.destroy();
  });
});
