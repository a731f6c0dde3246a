import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningOsiguSimulator, startOsiguSimulator } from './osigu-simulator.js';
import { testInputs } from './sandbox-data.js';
import { SpecCheckedClient } from './spec-conformance.test-support.js';
import { type RunningWebhookReceiver, startWebhookReceiver } from './webhook-receiver.js';

const maria = { beneficiary_id: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O', sponsor_slug: 'sponsor-sandbox' };
const juan = { beneficiary_id: 'bnf_01HW9DM0J4QK7N2P5R8T1V3X6Z', sponsor_slug: 'demo-insurer' };
const medication = { product_code: 'MED-042', product_type: 'MEDICATION', quantity: 30, posology: '1 tablet every 8h for 10 days' };

/** A request body the sponsor-sandbox accepts: the quickstart's, plus the licence number the sponsor requires. */
function sandboxRequest(products: object[] = [medication]) {
  return { ...maria, diagnosis_code: 'R51', professional_license_number: 'MP-123456', products };
}

function pdf(): FormData {
  const form = new FormData();
  form.set('file', new Blob(['%PDF-1.7 indication'], { type: 'application/pdf' }), 'indication.pdf');
  form.set('file_type', 'MEDICAL_INDICATION');
  return form;
}

let simulator: RunningOsiguSimulator;
let receiver: RunningWebhookReceiver;
let client: SpecCheckedClient;
let bearer: Record<string, string>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  simulator = await startOsiguSimulator({
    port: 0,
    sponsorDecisionDelayMilliseconds: 50,
    claimProcessingDelayMilliseconds: 50,
    webhookTrustedCertificates: [receiver.certificate],
  });
  client = await SpecCheckedClient.create(simulator.url);
  bearer = { authorization: `Bearer ${await client.token()}` };
});

afterAll(async () => {
  await simulator.stop();
  await receiver.stop();
});

afterEach(() => {
  // Every request and answer of the test, checked against specs/osigu on both sides.
  expect(client.problems()).toEqual([]);
  expect(simulator.specViolations()).toEqual([]);
});

/** Creates a sponsor-sandbox request, attaches its indication and completes it: the synchronous journey. */
async function approvedSandboxAuthorization(products: object[] = [medication]) {
  const created = await client.send('POST', '/arc/v1/authorization-requests', { headers: bearer, body: sandboxRequest(products) });
  const id = (created.body as { authorization_request_id: string }).authorization_request_id;
  await client.send('POST', `/arc/v1/authorization-requests/${id}/upload/files`, { headers: bearer, body: pdf() });
  const completed = await client.send('POST', `/arc/v1/authorization-requests/${id}/complete`, { headers: bearer });
  return {
    id,
    completed: completed.body as {
      status: string;
      authorizations: { authorization_code: string; status: string; rejection_reason?: string }[];
    },
  };
}

it('refuses to start on a port in use, with the system error', async () => {
  await expect(startOsiguSimulator({ port: simulator.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
});

/**
 * Creates a demo-insurer request, attaches the prescription its policy requires and completes it: the asynchronous
 * journey up to PENDING_SPONSOR. Returns the request id and the complete answer.
 */
async function submitToAsyncSponsor(checked: SpecCheckedClient, headers: Record<string, string>, products: object[] = [medication]) {
  const created = await checked.send('POST', '/arc/v1/authorization-requests', {
    headers,
    body: { ...juan, diagnosis_code: 'R51', products },
  });
  const id = (created.body as { authorization_request_id: string }).authorization_request_id;
  await checked.send('POST', `/arc/v1/authorization-requests/${id}/upload/base64`, {
    headers,
    body: { file_name: 'rx.pdf', content_type: 'application/pdf', file_type: 'PRESCRIPTION', content: btoa('%PDF-1.7 rx') },
  });
  return { id, completed: await checked.send('POST', `/arc/v1/authorization-requests/${id}/complete`, { headers }) };
}

describe('the token endpoint', () => {
  it('issues a bearer token to the demo client that the other operations accept', async () => {
    const answer = await client.send('POST', '/v1/oauth/token', {
      headers: { authorization: `Basic ${btoa('demo-client:demo-secret')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: expect.stringContaining('arc:write') });
    const token = (answer.body as { access_token: string }).access_token;
    expect(token.split('.')).toHaveLength(3);
    const forms = await client.send('GET', '/v1/sponsors/sponsor-sandbox/forms', { headers: { authorization: `Bearer ${token}` } });
    expect(forms.status).toBe(200);
  });

  it('answers 401 invalid_client to a wrong secret and to an unknown client (troubleshooting row 1)', async () => {
    for (const credentials of ['demo-client:wrong-secret', `${testInputs.unknownClientId}:demo-secret`]) {
      const answer = await client.send('POST', '/v1/oauth/token', {
        headers: { authorization: `Basic ${btoa(credentials)}` },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: 'invalid_client' });
    }
  });

  it('answers 400 unsupported_grant_type to another grant, as the spec validates it', async () => {
    const answer = await client.send('POST', '/v1/oauth/token', {
      headers: { authorization: `Basic ${btoa('demo-client:demo-secret')}` },
      body: new URLSearchParams({ grant_type: 'password' }),
      offSpec: true,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('refuses an operation without a valid bearer token with 401', async () => {
    expect((await client.send('GET', '/v1/sponsors/sponsor-sandbox/forms')).status).toBe(401);
    const forged = await client.send('GET', '/v1/sponsors/sponsor-sandbox/forms', { headers: { authorization: 'Bearer a.b.c' } });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error_code: '071-401', message: 'Invalid access token' });
  });
});

describe('the token rate limit (10 per minute per client_id)', () => {
  it('answers the 11th request of a minute 429 with Retry-After, other clients still pass, and the window frees', async () => {
    let now = Date.parse('2026-12-02T00:00:00Z');
    const limited = await startOsiguSimulator({
      port: 0,
      now: () => now,
      clients: [
        { clientId: 'demo-client', clientSecret: 'demo-secret' },
        { clientId: 'other-client', clientSecret: 'other-secret' },
      ],
    });
    try {
      const limitedClient = await SpecCheckedClient.create(limited.url);
      const tokenRequest = (credentials: string) =>
        limitedClient.send('POST', '/v1/oauth/token', {
          headers: { authorization: `Basic ${btoa(credentials)}` },
          body: new URLSearchParams({ grant_type: 'client_credentials' }),
        });
      for (let request = 0; request < 10; request++) {
        expect((await tokenRequest('demo-client:demo-secret')).status).toBe(200);
        now += 1000;
      }
      const refused = await tokenRequest('demo-client:demo-secret');
      expect(refused.status).toBe(429);
      // The first request leaves the window 60 s after it was made, 50 s from now.
      expect(refused.headers.get('retry-after')).toBe('50');
      expect(refused.body).toMatchObject({ error_code: '071-429', additional_information: { retry_after_seconds: 50 } });
      expect(limited.rateLimitedTokenRequests()).toBe(1);
      expect((await tokenRequest('other-client:other-secret')).status).toBe(200);

      now += 50_000;
      const fresh = await tokenRequest('demo-client:demo-secret');
      expect(fresh.status).toBe(200);
      // The token opens the API until its expires_in has passed on the same clock.
      const headers = { authorization: `Bearer ${(fresh.body as { access_token: string }).access_token}` };
      expect((await limitedClient.send('GET', '/v1/sponsors/sponsor-sandbox/forms', { headers })).status).toBe(200);
      now += 3600_000;
      const expired = await limitedClient.send('GET', '/v1/sponsors/sponsor-sandbox/forms', { headers });
      expect(expired).toMatchObject({ status: 401, body: { message: 'Access token expired' } });
      expect(limitedClient.problems()).toEqual([]);
      expect(limited.specViolations()).toEqual([]);
    } finally {
      await limited.stop();
    }
  });
});

describe('beneficiary search', () => {
  it('finds the seeded beneficiary with the sponsor form fields', async () => {
    const form = await client.send('GET', '/v1/sponsors/sponsor-sandbox/forms', { headers: bearer });
    expect((form.body as { fields: { name: string }[] }).fields.map((field) => field.name)).toEqual(['document_type', 'document_number']);
    const found = await client.send('POST', '/v1/sponsors/sponsor-sandbox/search', {
      headers: bearer,
      body: { document_type: 'CC', document_number: '123456789' },
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ beneficiary_id: maria.beneficiary_id, coverage: { plan_code: 'GOLD-100', active: true } });
  });

  it('plays the test inputs of troubleshooting rows 2 and 3: 403 unaffiliated, 404 unknown, 404 inactive coverage', async () => {
    const search = (sponsor: string, documentNumber: string) =>
      client.send('POST', `/v1/sponsors/${sponsor}/search`, {
        headers: bearer,
        body: { document_type: 'CC', document_number: documentNumber },
      });
    const forbidden = await search(testInputs.unaffiliatedSponsor, '123456789');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({
      error_code: '071-403',
      additional_information: { sponsor_slug: testInputs.unaffiliatedSponsor },
    });
    const unknown = await search('sponsor-sandbox', testInputs.unknownDocumentNumber);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ message: 'Beneficiary not found' });
    const inactive = await search('sponsor-sandbox', testInputs.inactiveCoverageDocumentNumber);
    expect(inactive.status).toBe(404);
    expect(inactive.body).toMatchObject({ message: 'Beneficiary coverage is not active' });
  });

  it('answers 422 with the missing form fields', async () => {
    const answer = await client.send('POST', '/v1/sponsors/demo-insurer/search', { headers: bearer, body: { member_id: 'GOLD-100-0042' } });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ additional_information: { missing_fields: ['birthdate'] } });
  });
});

describe('authorization requests with a synchronous sponsor', () => {
  it('refuses the quickstart minimum body with 422 naming the field the sponsor requires (troubleshooting row 4)', async () => {
    const configuration = await client.send('GET', '/arc/v1/sponsors/sponsor-sandbox/configuration?product_type=MEDICATION', {
      headers: bearer,
    });
    expect(configuration.body).toMatchObject({
      required_fields: expect.arrayContaining(['professional_license_number']),
      processing_mode: 'SYNC',
    });
    const { professional_license_number: _omitted, ...minimum } = sandboxRequest();
    const answer = await client.send('POST', '/arc/v1/authorization-requests', { headers: bearer, body: minimum });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      error_code: '071-422',
      additional_information: { missing_fields: ['professional_license_number'] },
    });
  });

  it('stays PENDING_INDICATION until the file type the document policy requires is attached (troubleshooting row 5)', async () => {
    const created = await client.send('POST', '/arc/v1/authorization-requests', { headers: bearer, body: sandboxRequest() });
    expect(created.status).toBe(202);
    const id = (created.body as { authorization_request_id: string; status: string }).authorization_request_id;
    expect(created.body).toMatchObject({ status: 'PENDING_INDICATION' });

    const stuck = await client.send('POST', `/arc/v1/authorization-requests/${id}/complete`, { headers: bearer });
    expect(stuck).toMatchObject({ status: 202, body: { authorization_request_id: id, status: 'PENDING_INDICATION' } });

    const policy = await client.send('GET', '/arc/v1/sponsors/sponsor-sandbox/document-policy?product_type=MEDICATION', {
      headers: bearer,
    });
    expect(policy.body).toMatchObject({ required_file_types: ['MEDICAL_INDICATION'] });
    // A prescription is not the type this sponsor requires: still stuck.
    const wrongType = await client.send('POST', `/arc/v1/authorization-requests/${id}/upload/base64`, {
      headers: bearer,
      body: { file_name: 'rx.pdf', content_type: 'application/pdf', file_type: 'PRESCRIPTION', content: btoa('%PDF-1.7 rx') },
    });
    expect(wrongType.status).toBe(204);
    expect((await client.send('POST', `/arc/v1/authorization-requests/${id}/complete`, { headers: bearer })).body).toMatchObject({
      status: 'PENDING_INDICATION',
    });

    expect((await client.send('POST', `/arc/v1/authorization-requests/${id}/upload/files`, { headers: bearer, body: pdf() })).status).toBe(
      204,
    );
    const completed = await client.send('POST', `/arc/v1/authorization-requests/${id}/complete`, { headers: bearer });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'COMPLETED', authorizations: [{ product_type: 'MEDICATION', status: 'APPROVED' }] });
  });

  it('returns on GET what was created, then the outcome once completed', async () => {
    const body = sandboxRequest([medication, { product_code: 'LAB-110', product_type: 'LAB', quantity: 1, posology: 'once' }]);
    const created = await client.send('POST', '/arc/v1/authorization-requests', { headers: bearer, body });
    const id = (created.body as { authorization_request_id: string }).authorization_request_id;
    const pending = await client.send('GET', `/arc/v1/authorization-requests/${id}`, { headers: bearer });
    expect(pending.body).toMatchObject({
      id,
      status: 'PENDING_INDICATION',
      beneficiary_id: maria.beneficiary_id,
      sponsor_slug: 'sponsor-sandbox',
      diagnosis_code: 'R51',
      products: body.products,
      authorizations: [],
    });
    await client.send('POST', `/arc/v1/authorization-requests/${id}/upload/files`, { headers: bearer, body: pdf() });
    const completed = await client.send('POST', `/arc/v1/authorization-requests/${id}/complete`, { headers: bearer });
    const after = await client.send('GET', `/arc/v1/authorization-requests/${id}`, { headers: bearer });
    // One authorization per product type, the same on GET as in the complete answer.
    expect((after.body as { authorizations: { product_type: string }[] }).authorizations.map((item) => item.product_type)).toEqual([
      'MEDICATION',
      'LAB',
    ]);
    expect((after.body as { authorizations: unknown }).authorizations).toEqual(
      (completed.body as { authorizations: unknown }).authorizations,
    );
    expect(after.body).toMatchObject({ status: 'COMPLETED' });
    expect((await client.send('GET', '/arc/v1/authorization-requests/areq_unknown', { headers: bearer })).status).toBe(404);
  });

  it('rejects the designated product with a rejection_reason, and sends the other one to manual review (troubleshooting row 6)', async () => {
    const rejected = await approvedSandboxAuthorization([{ ...medication, product_code: testInputs.rejectedProductCode }]);
    expect(rejected.completed.authorizations).toEqual([
      expect.objectContaining({
        status: 'REJECTED',
        rejection_reason: `${testInputs.rejectedProductCode} is not covered by plan GOLD-100 for diagnosis R51`,
      }),
    ]);
    const review = await approvedSandboxAuthorization([{ ...medication, product_code: testInputs.manualReviewProductCode }]);
    expect(review.completed.authorizations).toEqual([expect.objectContaining({ status: 'MANUAL_APPROVAL_REQUIRED' })]);
  });

  it('refuses a product the provider has not registered with 071-104 until it is registered', async () => {
    const body = sandboxRequest([{ ...medication, product_code: testInputs.unregisteredProductCode }]);
    const refused = await client.send('POST', '/arc/v1/authorization-requests', { headers: bearer, body });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      error_code: '071-104',
      additional_information: { product_code: testInputs.unregisteredProductCode },
    });
    const registered = await client.send('POST', '/arc/v1/providers/products', {
      headers: bearer,
      body: { product_code: testInputs.unregisteredProductCode },
    });
    expect(registered.status).toBe(201);
    const listed = await client.send('GET', `/arc/v1/providers/products?query=${testInputs.unregisteredProductCode}`, { headers: bearer });
    expect(listed.body).toMatchObject({ content: [{ product_code: testInputs.unregisteredProductCode }] });
    expect((await client.send('POST', '/arc/v1/authorization-requests', { headers: bearer, body })).status).toBe(202);
  });

  it('answers 403 for a request to an unaffiliated sponsor and 422 for an off-spec body', async () => {
    const forbidden = await client.send('POST', '/arc/v1/authorization-requests', {
      headers: bearer,
      body: { ...sandboxRequest(), sponsor_slug: testInputs.unaffiliatedSponsor },
    });
    expect(forbidden.status).toBe(403);
    const offSpec = await client.send('POST', '/arc/v1/authorization-requests', {
      headers: bearer,
      body: { ...sandboxRequest(), products: [] },
      offSpec: true,
    });
    expect(offSpec.status).toBe(422);
    expect(offSpec.body).toMatchObject({ message: expect.stringContaining('/requestBody/products') });
    const malformed = await client.send('POST', '/arc/v1/authorization-requests', {
      headers: { ...bearer, 'content-type': 'application/json' },
      body: '{"beneficiary_id":',
      offSpec: true,
    });
    expect(malformed.status).toBe(422);
  });
});

describe('operations the spec gives no 4xx for an off-spec request', () => {
  it('answer 422 with the validator findings, without counting it as the simulator’s violation', async () => {
    // getSponsorConfiguration declares no 400/422 yet (issue 15 adds them); product_type is required.
    const response = await fetch(`${simulator.url}/arc/v1/sponsors/sponsor-sandbox/configuration`, { headers: bearer });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error_code: '071-422', message: expect.stringContaining('product_type') });
  });

  it('answer the spec example where the simulator keeps no state (medication search), as Prism does', async () => {
    const answer = await client.send('GET', '/medical-catalogs/v1/medications?query=acetaminophen', { headers: bearer });
    expect(answer.status).toBe(200);
  });
});

describe('an asynchronous sponsor', () => {
  it('answers PENDING_SPONSOR, then decides and delivers a signed authorization.created to each matching subscription', async () => {
    const authorizations = await client.send('POST', '/webhooks/v1/subscriptions', {
      headers: bearer,
      body: { url: receiver.url, event_types: ['authorization.*'] },
    });
    expect(authorizations.status).toBe(201);
    const dispensingOnly = await startWebhookReceiver();
    const other = await client.send('POST', '/webhooks/v1/subscriptions', {
      headers: bearer,
      body: { url: dispensingOnly.url, event_types: ['dispensing.*'] },
    });
    try {
      const { id, completed } = await submitToAsyncSponsor(client, bearer);
      expect(completed).toMatchObject({ status: 202, body: { status: 'PENDING_SPONSOR' } });

      const delivery = await vi.waitFor(() => {
        const found = receiver.deliveries.find((item) => JSON.parse(item.rawBody).data.authorization_request_id === id);
        if (found === undefined) throw new Error('not delivered yet');
        return found;
      });
      const event = JSON.parse(delivery.rawBody);
      expect(event).toMatchObject({
        event_type: 'authorization.created',
        environment: 'sandbox',
        data: {
          authorization_request_id: id,
          beneficiary_id: juan.beneficiary_id,
          sponsor_slug: 'demo-insurer',
          product_type: 'MEDICATION',
        },
      });
      expect(delivery.headers['x-osigu-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(delivery.headers['content-type']).toBe('application/json');

      const after = await client.send('GET', `/arc/v1/authorization-requests/${id}`, { headers: bearer });
      expect(after.body).toMatchObject({
        status: 'COMPLETED',
        authorizations: [{ authorization_code: event.data.authorization_code, status: 'APPROVED' }],
      });
      expect(simulator.deliveries().filter((attempt) => attempt.event_id === event.event_id)).toEqual([
        expect.objectContaining({ outcome: 'delivered', attempt: 1, status: 204 }),
      ]);
      expect(dispensingOnly.deliveries).toEqual([]);
    } finally {
      for (const subscription of [authorizations, other]) {
        const subscriptionId = (subscription.body as { subscription_id: string }).subscription_id;
        expect((await client.send('DELETE', `/webhooks/v1/subscriptions/${subscriptionId}`, { headers: bearer })).status).toBe(204);
      }
      await dispensingOnly.stop();
    }
  });

  it('refuses a plain http subscription URL: OSIGU delivers to HTTPS only', async () => {
    const answer = await client.send('POST', '/webhooks/v1/subscriptions', {
      headers: bearer,
      body: { url: 'http://127.0.0.1:9/osigu', event_types: ['*'] },
      offSpec: true,
    });
    expect(answer.status).toBe(422);
    expect(simulator.subscriptions().map((subscription) => subscription.url)).not.toContain('http://127.0.0.1:9/osigu');
  });

  it('delivers authorization.rejected with the rejection_reason for the designated product', async () => {
    const subscription = await client.send('POST', '/webhooks/v1/subscriptions', {
      headers: bearer,
      body: { url: receiver.url, event_types: ['*'] },
    });
    const subscriptionId = (subscription.body as { subscription_id: string }).subscription_id;
    const listed = await client.send('GET', '/webhooks/v1/subscriptions', { headers: bearer });
    expect((listed.body as { content: { subscription_id: string }[] }).content.map((item) => item.subscription_id)).toContain(
      subscriptionId,
    );
    try {
      const { id } = await submitToAsyncSponsor(client, bearer, [{ ...medication, product_code: testInputs.rejectedProductCode }]);
      const event = await vi.waitFor(() => {
        const found = simulator.events().find((item) => item.data.authorization_request_id === id);
        if (found === undefined) throw new Error('not decided yet');
        return found;
      });
      expect(event).toMatchObject({
        event_type: 'authorization.rejected',
        data: { rejection_reason: `${testInputs.rejectedProductCode} is not covered by plan GOLD-100 for diagnosis R51` },
      });
      await vi.waitFor(() => expect(receiver.deliveries.some((item) => JSON.parse(item.rawBody).event_id === event.event_id)).toBe(true));
    } finally {
      await client.send('DELETE', `/webhooks/v1/subscriptions/${subscriptionId}`, { headers: bearer });
    }
  });
});

describe('redelivery', () => {
  it('redelivers the same event, re-signed, after a 500 and after no answer, with growing delays, until a 2xx', async () => {
    const flaky = await startWebhookReceiver((_delivery, index) => (index === 0 ? 500 : index === 1 ? 'no-answer' : 204));
    const redelivering = await startOsiguSimulator({
      port: 0,
      sponsorDecisionDelayMilliseconds: 10,
      redelivery: { initialDelayMilliseconds: 100, factor: 3 },
      webhookTimeoutMilliseconds: 500,
      webhookTrustedCertificates: [flaky.certificate],
    });
    try {
      const own = await SpecCheckedClient.create(redelivering.url);
      const headers = { authorization: `Bearer ${await own.token()}` };
      await own.send('POST', '/webhooks/v1/subscriptions', { headers, body: { url: flaky.url, event_types: ['authorization.created'] } });
      await submitToAsyncSponsor(own, headers);

      await vi.waitFor(
        () => expect(redelivering.deliveries().map((attempt) => attempt.outcome)).toEqual(['failed', 'failed', 'delivered']),
        {
          timeout: 15_000,
        },
      );
      const [first, second, third] = redelivering.deliveries();
      expect(first).toMatchObject({ attempt: 1, status: 500 });
      expect(second).toMatchObject({ attempt: 2, error: expect.any(String) });
      expect(second?.status).toBeUndefined();
      expect(third).toMatchObject({ attempt: 3, status: 204 });
      // Exponential backoff: 100 ms after the first failure, 300 ms after the second (which itself waited 500 ms).
      expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(100);
      expect((third?.at ?? 0) - (second?.at ?? 0)).toBeGreaterThanOrEqual(500 + 300);
      const bodies = flaky.deliveries.map((delivery) => JSON.parse(delivery.rawBody).event_id);
      expect(new Set(bodies).size).toBe(1);
      expect(flaky.deliveries).toHaveLength(3);
      expect(own.problems()).toEqual([]);
      expect(redelivering.specViolations()).toEqual([]);
    } finally {
      await redelivering.stop();
      await flaky.stop();
    }
  });
});

describe('dispensing with OTP', () => {
  it('starts, needs the OTP the sponsor requires, validates it and completes; the code cannot be dispensed twice', async () => {
    const { completed } = await approvedSandboxAuthorization();
    const code = completed.authorizations[0]?.authorization_code ?? '';
    const started = await client.send('POST', '/dispensing/v1/dispensations', {
      headers: bearer,
      body: { code, beneficiary_id: maria.beneficiary_id },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      status: 'STARTED',
      code_type: 'AUTHORIZATION',
      verification_required: 'OTP',
      products: [{ product_code: 'MED-042', quantity: 30, unit_price: 1250.5 }],
    });
    const dispensationId = (started.body as { dispensation_id: string }).dispensation_id;
    const invoice = { amount: 37_515, document_number: 'FE-000123', document_date: '2026-06-26' };

    const unverified = await client.send('POST', `/dispensing/v1/dispensations/${dispensationId}/complete`, {
      headers: bearer,
      body: invoice,
    });
    expect(unverified.status).toBe(422);

    const sent = await client.send('POST', '/v1/otp/send', { headers: bearer, body: { ...maria, channel: 'SMS' } });
    const otpId = (sent.body as { otp_id: string }).otp_id;
    const otp = simulator.sentOtps().find((item) => item.otp_id === otpId);
    expect(otp).toMatchObject({ beneficiary_id: maria.beneficiary_id, channel: 'SMS', code: expect.stringMatching(/^\d{6}$/) });
    const wrongCode = otp?.code === '000000' ? '111111' : '000000';
    const wrong = await client.send('POST', '/v1/otp/validate', { headers: bearer, body: { otp_id: otpId, code: wrongCode } });
    expect(wrong).toMatchObject({ status: 422, body: { additional_information: { otp_id: otpId, remaining_attempts: 2 } } });
    const valid = await client.send('POST', '/v1/otp/validate', { headers: bearer, body: { otp_id: otpId, code: otp?.code } });
    expect(valid.status).toBe(200);
    const token = (valid.body as { otp_verification_token: string }).otp_verification_token;

    const done = await client.send('POST', `/dispensing/v1/dispensations/${dispensationId}/complete`, {
      headers: bearer,
      body: { ...invoice, otp_verification_token: token },
    });
    expect(done).toMatchObject({ status: 200, body: { dispensation_id: dispensationId, status: 'COMPLETED' } });
    const again = await client.send('POST', '/dispensing/v1/dispensations', {
      headers: bearer,
      body: { code, beneficiary_id: maria.beneficiary_id },
    });
    expect(again.status).toBe(422);
    expect(
      simulator
        .events()
        .filter((event) => event.data.dispensation_id === dispensationId)
        .map((event) => event.event_type),
    ).toEqual(['dispensing.started', 'dispensing.completed']);
  });

  it('needs no verification for a sponsor that requires none (the asynchronous demo-insurer, once it approved)', async () => {
    const { id } = await submitToAsyncSponsor(client, bearer);
    const decided = await vi.waitFor(async () => {
      const answer = await client.send('GET', `/arc/v1/authorization-requests/${id}`, { headers: bearer });
      expect(answer.body).toMatchObject({ status: 'COMPLETED' });
      return answer.body as { authorizations: { authorization_code: string }[] };
    });
    const code = decided.authorizations[0]?.authorization_code ?? '';
    const started = await client.send('POST', '/dispensing/v1/dispensations', {
      headers: bearer,
      body: { code, beneficiary_id: juan.beneficiary_id },
    });
    expect(started.body).toMatchObject({ status: 'STARTED', verification_required: null });
    const dispensationId = (started.body as { dispensation_id: string }).dispensation_id;
    const done = await client.send('POST', `/dispensing/v1/dispensations/${dispensationId}/complete`, {
      headers: bearer,
      body: { amount: 37_515, document_number: 'FE-000124', document_date: '2026-06-26' },
    });
    expect(done.status).toBe(200);
  });

  it('refuses a rejected authorization and an unknown code', async () => {
    const { completed } = await approvedSandboxAuthorization([{ ...medication, product_code: testInputs.rejectedProductCode }]);
    const code = completed.authorizations[0]?.authorization_code ?? '';
    const rejected = await client.send('POST', '/dispensing/v1/dispensations', {
      headers: bearer,
      body: { code, beneficiary_id: maria.beneficiary_id },
    });
    expect(rejected.status).toBe(422);
    const unknown = await client.send('POST', '/dispensing/v1/dispensations', {
      headers: bearer,
      body: { code: 'AUTH-0000-000000', beneficiary_id: maria.beneficiary_id },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('outpatient claims', () => {
  it('opens a claim for an approved authorization, submits it, and the sponsor settles it COMPLETED', async () => {
    const { completed } = await approvedSandboxAuthorization();
    const body = {
      authorization_code: completed.authorizations[0]?.authorization_code,
      ...maria,
      diagnosis_code: 'R51',
      service_date: '2026-06-26',
      products: [{ product_code: 'MED-042', quantity: 30, unit_price: 1250.5 }],
    };
    const created = await client.send('POST', '/arc/v1/outpatient-care-claim', { headers: bearer, body });
    expect(created).toMatchObject({ status: 201, body: { status: 'OPEN' } });
    const claimId = (created.body as { claim_id: string }).claim_id;
    const open = await client.send('GET', `/arc/v1/outpatient-care-claim/${claimId}`, { headers: bearer });
    expect(open.body).toMatchObject({ ...body, claim_id: claimId, status: 'OPEN', total_amount: 37_515 });

    const submitted = await client.send('POST', `/arc/v1/outpatient-care-claim/${claimId}/complete`, { headers: bearer });
    expect(submitted).toMatchObject({ status: 200, body: { status: 'IN_PROGRESS' } });
    await vi.waitFor(async () => {
      const settled = await client.send('GET', `/arc/v1/outpatient-care-claim/${claimId}`, { headers: bearer });
      expect(settled.body).toMatchObject({ status: 'COMPLETED' });
    });
    expect((await client.send('POST', `/arc/v1/outpatient-care-claim/${claimId}/complete`, { headers: bearer })).status).toBe(422);
  });
});
