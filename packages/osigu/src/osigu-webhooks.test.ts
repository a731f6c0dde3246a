import { createHmac } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { rejectionOf } from '@coverlink/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isKnownOsiguWebhookEvent,
  OsiguErrorCode,
  OsiguWebhookError,
  type OsiguWebhookEvent,
  signOsiguWebhook,
  verifyOsiguWebhook,
} from './index.js';

const secret = 'whsec_current_5f2c9a';
const previousSecret = 'whsec_previous_81d0b3';
const now = 1_782_400_000_000; // 2026-06-25, in milliseconds
const timestamp = now / 1000;

const event = {
  event_id: 'evt_01HXA0Q4V9M2',
  event_type: 'authorization.created',
  created_at: '2026-06-25T14:05:00Z',
  api_version: '2026-01-01',
  environment: 'sandbox',
  provider: { provider_id: 'prv_123', provider_slug: 'clinica-demo' },
  data: {
    authorization_id: 'auth_01HX',
    authorization_code: 'AUTH-2026-001234',
    authorization_request_id: 'areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X',
    beneficiary_id: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O',
    sponsor_slug: 'sponsor-sandbox',
    product_type: 'MEDICATION',
    products: [{ product_code: 'MED-042', quantity: 30, posology: '1 tablet every 8h for 10 days' }],
    expires_at: '2026-07-25T00:00:00Z',
  },
};
const rawBody = JSON.stringify(event);

// Independent of the code under test: Node's own HMAC, as OSIGU documents it.
function sign(body: string, key: string, t: number = timestamp): string {
  return createHmac('sha256', key).update(`${t}.${body}`).digest('hex');
}

async function rejection(promise: Promise<unknown>): Promise<OsiguWebhookError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(OsiguWebhookError);
  return error as OsiguWebhookError;
}

describe('verifyOsiguWebhook', () => {
  it('returns the typed event for a valid signature', async () => {
    const verified = await verifyOsiguWebhook(rawBody, `t=${timestamp},v1=${sign(rawBody, secret)}`, [secret], { now: () => now });
    expect(verified).toEqual(event);
    expect(isKnownOsiguWebhookEvent(verified)).toBe(true);
    if (isKnownOsiguWebhookEvent(verified) && verified.event_type === 'authorization.created') {
      expect(verified.data.authorization_code).toBe('AUTH-2026-001234');
    }
  });

  it('accepts a signed event of a type it does not know as a generic event, with its envelope and data intact', async () => {
    const newer = {
      ...event,
      event_id: 'evt_newer',
      event_type: 'authorization.expired',
      data: { authorization_id: 'auth_1', expired_at: '2026-07-25T00:00:00Z' },
    };
    const body = JSON.stringify(newer);
    const verified = await verifyOsiguWebhook(body, `t=${timestamp},v1=${sign(body, secret)}`, [secret], { now: () => now });
    expect(verified).toEqual(newer);
    expect(isKnownOsiguWebhookEvent(verified)).toBe(false);
  });

  it('takes no inherited property name for a known event type', () => {
    for (const eventType of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(isKnownOsiguWebhookEvent({ ...event, event_type: eventType } as OsiguWebhookEvent), eventType).toBe(false);
    }
    expect(isKnownOsiguWebhookEvent({ ...event, event_type: 'settlement.partially_accepted' } as OsiguWebhookEvent)).toBe(true);
  });

  it('accepts the body as bytes', async () => {
    const header = `t=${timestamp},v1=${sign(rawBody, secret)}`;
    await expect(verifyOsiguWebhook(new TextEncoder().encode(rawBody), header, secret, { now: () => now })).resolves.toEqual(event);
  });

  it('rejects a signature made with another secret', async () => {
    const error = await rejection(
      verifyOsiguWebhook(rawBody, `t=${timestamp},v1=${sign(rawBody, 'not-the-secret')}`, [secret], { now: () => now }),
    );
    expect(error.code).toBe(OsiguErrorCode.webhookSignatureMismatch);
  });

  it('rejects a tampered body, even one that differs only in whitespace', async () => {
    const header = `t=${timestamp},v1=${sign(rawBody, secret)}`;
    const tampered = rawBody.replace('AUTH-2026-001234', 'AUTH-2026-999999');
    expect((await rejection(verifyOsiguWebhook(tampered, header, [secret], { now: () => now }))).code).toBe(
      OsiguErrorCode.webhookSignatureMismatch,
    );
    const reformatted = JSON.stringify(event, null, 2);
    expect((await rejection(verifyOsiguWebhook(reformatted, header, [secret], { now: () => now }))).code).toBe(
      OsiguErrorCode.webhookSignatureMismatch,
    );
  });

  it('rejects a timestamp that was altered after signing', async () => {
    const header = `t=${timestamp + 1},v1=${sign(rawBody, secret)}`;
    expect((await rejection(verifyOsiguWebhook(rawBody, header, [secret], { now: () => now }))).code).toBe(
      OsiguErrorCode.webhookSignatureMismatch,
    );
  });

  it('rejects deliveries signed more than the tolerance ago or ahead, and accepts the edges', async () => {
    const at = (t: number) => `t=${t},v1=${sign(rawBody, secret, t)}`;
    const expired = await rejection(verifyOsiguWebhook(rawBody, at(timestamp - 301), [secret], { now: () => now }));
    expect(expired.code).toBe(OsiguErrorCode.webhookTimestampOutOfTolerance);
    const future = await rejection(verifyOsiguWebhook(rawBody, at(timestamp + 301), [secret], { now: () => now }));
    expect(future.code).toBe(OsiguErrorCode.webhookTimestampOutOfTolerance);
    await expect(verifyOsiguWebhook(rawBody, at(timestamp - 300), [secret], { now: () => now })).resolves.toEqual(event);
    await expect(verifyOsiguWebhook(rawBody, at(timestamp + 300), [secret], { now: () => now })).resolves.toEqual(event);
    const custom = await rejection(verifyOsiguWebhook(rawBody, at(timestamp - 61), [secret], { now: () => now, toleranceSeconds: 60 }));
    expect(custom.code).toBe(OsiguErrorCode.webhookTimestampOutOfTolerance);
  });

  it('handles key rotation: several v1 values in the header, several secrets configured', async () => {
    const header = `t=${timestamp},v1=${sign(rawBody, previousSecret)},v1=${sign(rawBody, secret)}`;
    await expect(verifyOsiguWebhook(rawBody, header, [secret], { now: () => now })).resolves.toEqual(event);
    await expect(verifyOsiguWebhook(rawBody, header, [previousSecret], { now: () => now })).resolves.toEqual(event);
    const signedWithOldOnly = `t=${timestamp},v1=${sign(rawBody, previousSecret)}`;
    await expect(verifyOsiguWebhook(rawBody, signedWithOldOnly, [secret, previousSecret], { now: () => now })).resolves.toEqual(event);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without t', `v1=${'a'.repeat(64)}`],
    ['without v1', `t=${timestamp}`],
    ['with a non-numeric t', `t=yesterday,v1=${'a'.repeat(64)}`],
    ['with two different t', `t=${timestamp},t=${timestamp + 1},v1=${'a'.repeat(64)}`],
    ['as an empty list of lines', []],
    ['as lines that disagree on t', [`t=${timestamp},v1=${'a'.repeat(64)}`, `t=${timestamp - 60},v1=${'b'.repeat(64)}`]],
    ['with a short v1', `t=${timestamp},v1=abc123`],
    ['with a non-hex v1', `t=${timestamp},v1=${'z'.repeat(64)}`],
    ['with an element that is not key=value', `t=${timestamp},garbage,v1=${'a'.repeat(64)}`],
  ])('rejects a header %s as malformed', async (_case, header) => {
    const error = await rejection(verifyOsiguWebhook(rawBody, header, [secret], { now: () => now }));
    expect(error.code).toBe(OsiguErrorCode.webhookSignatureMalformed);
    expect(error.hint).toMatch(/t=<unix seconds>,v1=/);
  });

  it('reads one string per header line as one value joined with "," (RFC 9110), so every v1 counts', async () => {
    const lines = [`t=${timestamp},v1=${sign(rawBody, previousSecret)}`, `t=${timestamp},v1=${sign(rawBody, secret)}`];
    await expect(verifyOsiguWebhook(rawBody, lines, [secret], { now: () => now })).resolves.toEqual(event);
    await expect(verifyOsiguWebhook(rawBody, lines, [previousSecret], { now: () => now })).resolves.toEqual(event);
    // What Node makes of those two lines in `request.headers`: one string, joined with ", ".
    await expect(verifyOsiguWebhook(rawBody, lines.join(', '), [secret], { now: () => now })).resolves.toEqual(event);
    const mismatch = await rejection(verifyOsiguWebhook(rawBody, lines, ['a-third-secret'], { now: () => now }));
    expect(mismatch.code).toBe(OsiguErrorCode.webhookSignatureMismatch);
  });

  it.each([
    ['the object a JSON body parser made of it', () => JSON.parse(rawBody) as unknown],
    ['an array', () => [event]],
    ['null', () => null],
    ['undefined (no body parser ran)', () => undefined],
    ['a number', () => 42],
    ['an ArrayBuffer', () => new TextEncoder().encode(rawBody).buffer],
  ])('refuses %s as the raw body with OSIGU_WEBHOOK_BODY_NOT_RAW, not a RangeError', async (_case, body) => {
    const header = `t=${timestamp},v1=${sign(rawBody, secret)}`;
    // The cast stands for a JavaScript route, or an Express `req.body`, which is typed any.
    const error = await rejection(verifyOsiguWebhook(body() as string, header, [secret], { now: () => now }));
    expect(error.code).toBe(OsiguErrorCode.webhookBodyNotRaw);
    expect(error.message).toMatch(/^verifyOsiguWebhook needs the raw request body, got /);
    expect(error.hint).toContain('Buffer, Uint8Array or string');
    expect(error.hint).toContain("express.raw({ type: 'application/json' })");
    for (const rendering of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
      expect(rendering).not.toContain('bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O');
      expect(rendering).not.toContain(secret);
    }
  });

  it('accepts a Buffer, as Node and Express hand the raw body over', async () => {
    const header = `t=${timestamp},v1=${sign(rawBody, secret)}`;
    await expect(verifyOsiguWebhook(Buffer.from(rawBody), header, [secret], { now: () => now })).resolves.toEqual(event);
  });

  it('ignores signature schemes it does not know, as long as a v1 matches', async () => {
    const header = `t=${timestamp},v0=deadbeef,v1=${sign(rawBody, secret)}`;
    await expect(verifyOsiguWebhook(rawBody, header, [secret], { now: () => now })).resolves.toEqual(event);
  });

  it('rejects a correctly signed body that is not an event envelope', async () => {
    for (const body of ['not json', '[1,2]', JSON.stringify({ event_type: 'authorization.created', data: {} })]) {
      const error = await rejection(verifyOsiguWebhook(body, `t=${timestamp},v1=${sign(body, secret)}`, [secret], { now: () => now }));
      expect(error.code).toBe(OsiguErrorCode.webhookPayloadInvalid);
    }
  });

  it('refuses to run without a secret', async () => {
    await expect(verifyOsiguWebhook(rawBody, `t=${timestamp},v1=${sign(rawBody, secret)}`, [])).rejects.toThrow(TypeError);
    await expect(verifyOsiguWebhook(rawBody, `t=${timestamp},v1=${sign(rawBody, secret)}`, [''])).rejects.toThrow(TypeError);
  });

  it('never puts the secret or the body in its errors', async () => {
    const error = await rejection(verifyOsiguWebhook(rawBody, `t=${timestamp},v1=${sign(rawBody, 'x')}`, [secret], { now: () => now }));
    for (const rendering of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
      expect(rendering).not.toContain(secret);
      expect(rendering).not.toContain('bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O');
    }
  });
});

describe('behind a real node:http server', () => {
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    // The receiver the docs describe, reading the header the three ways Node offers it.
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const outcome = async (verify: () => Promise<OsiguWebhookEvent>) =>
        verify().then(
          (verified) => verified.event_id,
          (error: unknown) => (OsiguWebhookError.isInstance(error) ? error.code : String(error)),
        );
      const options = { now: () => now };
      const result = {
        headers: await outcome(() => verifyOsiguWebhook(body, request.headers['x-osigu-signature'], [secret], options)),
        headersDistinct: await outcome(() => verifyOsiguWebhook(body, request.headersDistinct['x-osigu-signature'], [secret], options)),
        // A JSON body parser's output in place of the raw body, as an Express route with express.json() has it.
        parsedBody: await outcome(() =>
          verifyOsiguWebhook(JSON.parse(body.toString('utf8')) as string, request.headers['x-osigu-signature'], [secret], options),
        ),
      };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** POSTs `rawBody` with one X-Osigu-Signature header line per element of `lines`. */
  function deliver(lines: string[]): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
      const outgoing = request(`${origin}/webhooks/osigu`, { method: 'POST' }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>));
        incoming.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.setHeader('content-type', 'application/json');
      // An array makes Node send one header line per value.
      outgoing.setHeader('X-Osigu-Signature', lines.length === 1 ? (lines[0] ?? '') : lines);
      outgoing.end(rawBody);
    });
  }

  it('verifies one header line from request.headers and request.headersDistinct', async () => {
    expect(await deliver([`t=${timestamp},v1=${sign(rawBody, secret)}`])).toEqual({
      headers: event.event_id,
      headersDistinct: event.event_id,
      parsedBody: OsiguErrorCode.webhookBodyNotRaw,
    });
  });

  it('counts the v1 of every header line during a key rotation, however Node hands the lines over', async () => {
    const lines = [`t=${timestamp},v1=${sign(rawBody, previousSecret)}`, `t=${timestamp},v1=${sign(rawBody, secret)}`];
    expect(await deliver(lines)).toEqual({
      headers: event.event_id,
      headersDistinct: event.event_id,
      parsedBody: OsiguErrorCode.webhookBodyNotRaw,
    });
  });

  it('still refuses header lines none of which matches', async () => {
    const lines = [`t=${timestamp},v1=${sign(rawBody, previousSecret)}`, `t=${timestamp},v1=${sign(rawBody, 'another-secret')}`];
    expect(await deliver(lines)).toMatchObject({
      headers: OsiguErrorCode.webhookSignatureMismatch,
      headersDistinct: OsiguErrorCode.webhookSignatureMismatch,
    });
  });
});

describe('signOsiguWebhook', () => {
  it('produces the header OSIGU sends, which verifies', async () => {
    const header = await signOsiguWebhook(rawBody, secret, timestamp);
    expect(header).toBe(`t=${timestamp},v1=${sign(rawBody, secret)}`);
    await expect(verifyOsiguWebhook(rawBody, header, [secret], { now: () => now })).resolves.toEqual(event);
  });
});
