import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import {
  isKnownOsiguWebhookEvent,
  type KnownOsiguWebhookEvent,
  type OsiguClient,
  OsiguWebhookError,
  type OsiguWebhookEvent,
  type PreauthorizeResult,
  type UnknownOsiguWebhookEvent,
  verifyOsiguWebhook,
} from './index.js';

describe('types generated from specs/osigu', () => {
  it('narrows known webhook events by event_type to their documented payload', () => {
    const handle = (event: OsiguWebhookEvent) => {
      if (!isKnownOsiguWebhookEvent(event)) return;
      if (event.event_type === 'authorization.created') expectTypeOf(event.data.authorization_code).toEqualTypeOf<string>();
      if (event.event_type === 'authorization.rejected') expectTypeOf(event.data.rejection_reason).toEqualTypeOf<string>();
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('types an event of an unlisted type as the generic envelope, and lists exactly the documented types as known', () => {
    expectTypeOf<UnknownOsiguWebhookEvent>().toExtend<OsiguWebhookEvent>();
    expectTypeOf<UnknownOsiguWebhookEvent['event_type']>().toEqualTypeOf<string>();
    expectTypeOf<UnknownOsiguWebhookEvent['data']>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<KnownOsiguWebhookEvent['event_type']>().toEqualTypeOf<
      | 'authorization.created'
      | 'authorization.rejected'
      | 'authorization.updated'
      | 'authorization.voided'
      | 'dispensing.started'
      | 'dispensing.completed'
      | 'dispensing.cancelled'
      | 'prescription.issued'
      | 'prescription.email_delivered'
      | 'prescription.email_failed'
      | 'settlement.paid'
      | 'settlement.rejected'
      | 'settlement.partially_accepted'
    >();
    const handle = (event: OsiguWebhookEvent) => {
      if (isKnownOsiguWebhookEvent(event)) return;
      expectTypeOf(event).toEqualTypeOf<UnknownOsiguWebhookEvent>();
    };
    expectTypeOf(handle).toBeFunction();
  });

  it('types the search body and the beneficiary it returns', () => {
    type Search = OsiguClient['POST'];
    expectTypeOf<Search>().toBeFunction();
    expectTypeOf<Awaited<ReturnType<typeof search>>>().toEqualTypeOf<string | undefined>();
    async function search(client: OsiguClient) {
      const { data } = await client.POST('/v1/sponsors/{sponsor_slug}/search', {
        params: { path: { sponsor_slug: 'sponsor-sandbox' } },
        body: { document_type: 'CC', document_number: '123456789' },
      });
      return data?.beneficiary_id;
    }
  });

  it('rejects a call without the path parameter the spec requires', () => {
    async function missingSlug(client: OsiguClient) {
      // @ts-expect-error sponsor_slug is a required path parameter
      await client.GET('/v1/sponsors/{sponsor_slug}/forms', {});
    }
    expectTypeOf(missingSlug).toBeFunction();
  });

  it('gives rejected authorizations a non-optional rejection_reason', () => {
    const reasons = (result: PreauthorizeResult) =>
      result.status === 'COMPLETED' ? result.rejected.map((item) => item.rejection_reason) : [];
    expectTypeOf(reasons).returns.toEqualTypeOf<string[]>();
  });

  it('takes the signature header as Node, fetch and the web frameworks type it', () => {
    type SignatureHeader = Parameters<typeof verifyOsiguWebhook>[1];
    expectTypeOf<IncomingHttpHeaders['x-osigu-signature']>().toMatchTypeOf<SignatureHeader>();
    expectTypeOf<NodeJS.Dict<string[]>[string]>().toMatchTypeOf<SignatureHeader>(); // request.headersDistinct
    expectTypeOf<ReturnType<Headers['get']>>().toMatchTypeOf<SignatureHeader>();
    expectTypeOf<readonly string[]>().toMatchTypeOf<SignatureHeader>();

    const receive = (request: IncomingMessage, rawBody: Buffer) =>
      Promise.all([
        verifyOsiguWebhook(rawBody, request.headers['x-osigu-signature'], ['secret']),
        verifyOsiguWebhook(rawBody, request.headersDistinct['x-osigu-signature'], 'secret'),
        verifyOsiguWebhook(new Uint8Array(rawBody), new Headers().get('x-osigu-signature'), 'secret'),
      ]);
    expectTypeOf(receive).returns.resolves.toEqualTypeOf<[OsiguWebhookEvent, OsiguWebhookEvent, OsiguWebhookEvent]>();
  });

  it('refuses a parsed body where the raw body belongs', () => {
    const parsed = (request: IncomingMessage, body: { event_id: string }) =>
      // @ts-expect-error a parsed object is not the raw body (a string, Buffer or Uint8Array)
      verifyOsiguWebhook(body, request.headers['x-osigu-signature'], 'secret');
    expectTypeOf(parsed).toBeFunction();
  });

  it("compiles the README's webhook line against IncomingHttpHeaders", () => {
    const route = async (rawBody: Buffer, request: IncomingMessage) => {
      // From README.md, "Using the OSIGU client":
      const event = await verifyOsiguWebhook(rawBody, request.headers['x-osigu-signature'], [process.env.OSIGU_WEBHOOK_SECRET ?? '']);
      return event;
    };
    expectTypeOf(route).returns.resolves.toEqualTypeOf<OsiguWebhookEvent>();
  });

  it("compiles docs/osigu.md's webhook receiver against IncomingHttpHeaders", () => {
    const secrets = [process.env.OSIGU_WEBHOOK_SECRET, process.env.OSIGU_WEBHOOK_SECRET_PREVIOUS].filter((secret): secret is string =>
      Boolean(secret),
    );
    const processed = new Set<string>();
    // From docs/osigu.md, "Webhook receiver", without listen():
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const rawBody = Buffer.concat(chunks); // the bytes exactly as received
      try {
        const event = await verifyOsiguWebhook(rawBody, request.headers['x-osigu-signature'], secrets);
        if (processed.has(event.event_id)) return void response.writeHead(200).end(); // a redelivery
        processed.add(event.event_id);
        response.writeHead(200).end(); // acknowledge within OSIGU's 10 s, then work
        if (!isKnownOsiguWebhookEvent(event)) return; // a type added after this version: acknowledged, ignored
        if (event.event_type === 'authorization.created') {
          expectTypeOf(event.data.authorization_code).toEqualTypeOf<string>();
          console.log('authorization', event.data.authorization_code);
        }
      } catch (error) {
        if (!OsiguWebhookError.isInstance(error)) throw error;
        response.writeHead(401).end(); // error.code says why; never act on it
      }
    });
    expectTypeOf(server.listen).toBeFunction();
  });
});
