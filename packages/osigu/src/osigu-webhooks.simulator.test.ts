import { type RunningOsiguSimulator, type RunningWebhookReceiver, startOsiguSimulator, startWebhookReceiver } from '@coverlink/mock-osigu';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOsiguClient, type OsiguClient, OsiguErrorCode, OsiguWebhookError, verifyOsiguWebhook } from './index.js';

// The OSIGU simulator signs its deliveries on its own (node:crypto, not this package's signOsiguWebhook), so these
// tests check the verifier against an independent signer, as it will meet OSIGU's.
const currentSecret = 'whsec_current_simulated';
const previousSecret = 'whsec_previous_simulated';

let receiver: RunningWebhookReceiver;
let simulator: RunningOsiguSimulator;
let osigu: OsiguClient;

beforeAll(async () => {
  // The first delivery is refused, as a receiver that has not been given the new secret yet would: it is redelivered.
  receiver = await startWebhookReceiver((_delivery, index) => (index === 0 ? 401 : 204));
  simulator = await startOsiguSimulator({
    port: 0,
    sponsorDecisionDelayMilliseconds: 20,
    redelivery: { initialDelayMilliseconds: 1100 },
    // A key rotation: each delivery carries one v1 per secret.
    webhookSigningSecrets: [previousSecret, currentSecret],
    webhookTrustedCertificates: [receiver.certificate],
  });
  osigu = createOsiguClient({ clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl: simulator.url });
});

afterAll(async () => {
  await simulator.stop();
  await receiver.stop();
});

describe('verifyOsiguWebhook on the OSIGU simulator’s deliveries', () => {
  it('verifies an asynchronous sponsor’s authorization.created and its re-signed redelivery; refuses a wrong secret and a tampered body', async () => {
    const subscribed = await osigu.POST('/webhooks/v1/subscriptions', { body: { url: receiver.url, event_types: ['authorization.*'] } });
    expect(subscribed.response.status).toBe(201);
    const created = await osigu.POST('/arc/v1/authorization-requests', {
      body: {
        beneficiary_id: 'bnf_01HW9DM0J4QK7N2P5R8T1V3X6Z',
        sponsor_slug: 'demo-insurer',
        diagnosis_code: 'R51',
        products: [{ product_code: 'MED-042', product_type: 'MEDICATION', quantity: 30, posology: '1 tablet every 8h for 10 days' }],
      },
    });
    const requestId = created.data?.authorization_request_id ?? '';
    const attached = await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/base64', {
      params: { path: { authorization_request_id: requestId } },
      body: { file_name: 'rx.pdf', content_type: 'application/pdf', file_type: 'PRESCRIPTION', content: btoa('%PDF-1.7 rx') },
    });
    expect(attached.response.status).toBe(204);
    const completed = await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/complete', {
      params: { path: { authorization_request_id: requestId } },
    });
    expect(completed.response.status).toBe(202);

    await vi.waitFor(() => expect(receiver.deliveries.map((delivery) => delivery.answered)).toEqual([401, 204]), { timeout: 10_000 });
    const [refused, redelivered] = receiver.deliveries;
    for (const delivery of [refused, redelivered]) {
      const event = await verifyOsiguWebhook(delivery?.rawBody ?? '', delivery?.headers['x-osigu-signature'], currentSecret);
      expect(event.event_type).toBe('authorization.created');
      if (event.event_type === 'authorization.created') expect(event.data.authorization_request_id).toBe(requestId);
      // Either secret of the rotation verifies it alone.
      await expect(verifyOsiguWebhook(delivery?.rawBody ?? '', delivery?.headers['x-osigu-signature'], previousSecret)).resolves.toEqual(
        event,
      );
    }
    // The redelivery is the same event, signed again with a later timestamp.
    expect(JSON.parse(redelivered?.rawBody ?? '{}').event_id).toBe(JSON.parse(refused?.rawBody ?? '{}').event_id);
    expect(redelivered?.headers['x-osigu-signature']).not.toBe(refused?.headers['x-osigu-signature']);

    const header = redelivered?.headers['x-osigu-signature'];
    const wrongSecret = await verifyOsiguWebhook(redelivered?.rawBody ?? '', header, 'whsec_not_issued').catch((error: unknown) => error);
    expect(wrongSecret).toBeInstanceOf(OsiguWebhookError);
    expect((wrongSecret as OsiguWebhookError).code).toBe(OsiguErrorCode.webhookSignatureMismatch);
    const tampered = (redelivered?.rawBody ?? '').replace('"MEDICATION"', '"LAB"');
    expect(tampered).not.toBe(redelivered?.rawBody);
    await expect(verifyOsiguWebhook(tampered, header, currentSecret)).rejects.toMatchObject({
      code: OsiguErrorCode.webhookSignatureMismatch,
    });
  });
});
