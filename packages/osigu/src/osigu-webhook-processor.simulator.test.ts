import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type RunningOsiguSimulator, startOsiguSimulator } from '@coverlink/mock-osigu';
import { type RunningRedis, selfSignedCertificate, startRedisServer } from '@coverlink/mocks';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import {
  createOsiguClient,
  createOsiguWebhookProcessor,
  type OsiguClient,
  type OsiguWebhookEvent,
  type OsiguWebhookProcessor,
  RedisWebhookDedupeStore,
} from './index.js';
import { requestFromAsynchronousSponsor } from './osigu-asynchronous-sponsor.test-support.js';

// The simulator's real deliveries (signed by it, redelivered by it) reach an HTTPS receiver that hands each to a
// processor; two processors on one Redis play two receiver processes of a fleet.
const secret = 'whsec_processor_simulated';
const handled: string[] = [];
let releaseHandlers: (() => void) | undefined;
let handlersHeld: Promise<void> | undefined;
let holdNextAnswerUntil: Promise<unknown> | undefined;
const received: string[] = [];

let redis: RunningRedis;
let redisClient: Awaited<ReturnType<typeof connectRedis>>;
let simulator: RunningOsiguSimulator;
let receiver: Server;
let receiverUrl: string;
let osigu: OsiguClient;
const connectRedis = (url: string) => createClient({ url, disableOfflineQueue: true }).connect();

async function handle(event: OsiguWebhookEvent): Promise<void> {
  handled.push(event.event_id);
  await handlersHeld;
}

beforeAll(async () => {
  redis = await startRedisServer();
  redisClient = await connectRedis(redis.url);
  const store = new RedisWebhookDedupeStore(redisClient);
  const processors: Record<string, OsiguWebhookProcessor> = {
    '/process-a': createOsiguWebhookProcessor({ secrets: secret, store, handle }),
    '/process-b': createOsiguWebhookProcessor({ secrets: secret, store, handle }),
  };
  const { key, cert } = selfSignedCertificate();
  receiver = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      received.push(request.url ?? '');
      const processor = processors[request.url ?? ''];
      if (processor === undefined) return void response.writeHead(404).end();
      const answer = await processor.process({ rawBody: Buffer.concat(chunks), headers: request.headers });
      const hold = holdNextAnswerUntil;
      holdNextAnswerUntil = undefined;
      // An answer lost on the way back (a proxy timing out, a crash after the handler): the simulator redelivers.
      if (hold !== undefined) return void (await hold);
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `https://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  simulator = await startOsiguSimulator({
    port: 0,
    sponsorDecisionDelayMilliseconds: 20,
    redelivery: { initialDelayMilliseconds: 300 },
    webhookTimeoutMilliseconds: 1_000,
    webhookSigningSecrets: [secret],
    webhookTrustedCertificates: [cert],
  });
  osigu = createOsiguClient({ clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl: simulator.url });
}, 120_000);

afterAll(async () => {
  await simulator?.stop();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  redisClient?.destroy();
  await redis?.stop();
});

const attemptsOf = (eventId: string) =>
  simulator
    .deliveries()
    .filter((attempt) => attempt.event_id === eventId)
    .map((attempt) => attempt.status ?? attempt.outcome);

it('one event delivered to two processes at once (two subscriptions): the handler runs once, the 409 is redelivered and acknowledged', async () => {
  const subscriptions = await Promise.all(
    ['/process-a', '/process-b'].map((path) =>
      osigu.POST('/webhooks/v1/subscriptions', { body: { url: `${receiverUrl}${path}`, event_types: ['authorization.*'] } }),
    ),
  );
  handlersHeld = new Promise<void>((resolve) => {
    releaseHandlers = resolve;
  });
  const receivedBefore = received.length;
  const eventsBefore = simulator.events().length;
  await requestFromAsynchronousSponsor(osigu);
  // Both deliveries are in while the first handler is still running.
  await vi.waitFor(() => expect(received.length - receivedBefore).toBe(2), { timeout: 10_000 });
  await vi.waitFor(() => expect(simulator.deliveries().some((attempt) => attempt.status === 409)).toBe(true), { timeout: 10_000 });
  releaseHandlers?.();
  handlersHeld = undefined;

  const eventId = simulator.events()[eventsBefore]?.event_id ?? '';
  // Each subscription ends acknowledged (a busy machine may see one more 409 before the held handler finishes).
  await vi.waitFor(
    () => {
      const attempts = simulator.deliveries().filter((attempt) => attempt.event_id === eventId);
      for (const subscription of subscriptions) {
        expect(attempts.filter((attempt) => attempt.subscription_id === subscription.data?.subscription_id).at(-1)?.status).toBe(200);
      }
    },
    { timeout: 10_000 },
  );
  expect(attemptsOf(eventId)[0]).toBe(409);
  expect(handled.filter((id) => id === eventId)).toHaveLength(1);

  for (const subscription of subscriptions) {
    await osigu.DELETE('/webhooks/v1/subscriptions/{subscription_id}', {
      params: { path: { subscription_id: subscription.data?.subscription_id ?? '' } },
    });
  }
});

it('an acknowledgement lost after the handler ran: the simulator redelivers, and the handler does not run again', async () => {
  const subscription = await osigu.POST('/webhooks/v1/subscriptions', {
    body: { url: `${receiverUrl}/process-a`, event_types: ['authorization.*'] },
  });
  // The first answer is held until the simulator has given the attempt up (its 1 s timeout).
  holdNextAnswerUntil = new Promise<void>((resolve) => {
    const stop = simulator.onDelivery((attempt) => {
      if (attempt.outcome === 'failed') {
        stop();
        resolve();
      }
    });
  });
  const eventsBefore = simulator.events().length;
  await requestFromAsynchronousSponsor(osigu);
  const eventId = await vi.waitFor(
    () => {
      const event = simulator.events()[eventsBefore];
      expect(event?.event_type).toBe('authorization.created');
      return event?.event_id ?? '';
    },
    { timeout: 10_000 },
  );
  await vi.waitFor(() => expect(attemptsOf(eventId)).toEqual(['failed', 200]), { timeout: 15_000 });
  expect(handled.filter((id) => id === eventId)).toHaveLength(1);
  await osigu.DELETE('/webhooks/v1/subscriptions/{subscription_id}', {
    params: { path: { subscription_id: subscription.data?.subscription_id ?? '' } },
  });
});
