import {
  createOsiguClient,
  type OsiguWebhookEvent,
  osiguSignatureHeader,
  preauthorize,
  unwrap,
  verifyOsiguWebhook,
} from '@coverlink/osigu';
import type { FastifyInstance } from 'fastify';
import { PortalInputError } from './errors.js';
import { html, page } from './html.js';

/** Settings of the OSIGU part of the portal. */
export interface OsiguPortalSettings {
  clientId: string;
  /** Server-side only. */
  clientSecret: string;
  /** The OSIGU API (the mock, the sandbox or production). */
  baseUrl: string;
  /** The webhook signing secret(s); two while rotating. */
  webhookSecrets: readonly string[];
}

/** What the events page keeps of a delivery: identifiers only, no personal data. */
export interface ReceivedOsiguEvent {
  eventId: string;
  eventType: string;
  authorizationCode: string | undefined;
}

const acceptedIndicationTypes = new Set(['application/pdf', 'image/png', 'image/jpeg']);
const maxIndicationBytes = 5 * 1024 * 1024;

function authorizationCodeOf(event: OsiguWebhookEvent): string | undefined {
  const data: Record<string, unknown> = event.data;
  return typeof data.authorization_code === 'string' ? data.authorization_code : undefined;
}

function required(fields: Map<string, string>, name: string, label: string): string {
  const value = fields.get(name)?.trim() ?? '';
  if (value === '') throw new PortalInputError(`${label} is required.`);
  return value;
}

export function registerOsiguRoutes(app: FastifyInstance, settings: OsiguPortalSettings): void {
  const osigu = createOsiguClient({ clientId: settings.clientId, clientSecret: settings.clientSecret, baseUrl: settings.baseUrl });
  const events: ReceivedOsiguEvent[] = [];

  app.get('/osigu', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      page(
        'OSIGU pre-authorization',
        html`<form method="post" action="/osigu/preauthorize" enctype="multipart/form-data">
<label>Sponsor <input name="sponsor" value="sponsor-sandbox" required></label>
<label>Document type <select name="documentType"><option value="CC">CC (citizenship card)</option><option value="CE">CE (foreigner ID)</option><option value="PA">PA (passport)</option><option value="TI">TI (identity card)</option></select></label>
<label>Document number <input name="documentNumber" required autocomplete="off"></label>
<label>Diagnosis (ICD-10) <input name="diagnosis" value="R51" required></label>
<label>Product code <input name="productCode" value="MED-042" required></label>
<label>Quantity <input name="quantity" type="number" min="1" value="30" required></label>
<label>Posology <input name="posology" value="1 tablet every 8h for 10 days" required></label>
<label>Prescriber licence number (some sponsors require it) <input name="professionalLicenseNumber" value="MP-123456"></label>
<label>Indication (PDF, PNG or JPEG) <input name="indication" type="file" accept="application/pdf,image/png,image/jpeg" required></label>
<p><button type="submit" id="osigu-submit">Request pre-authorization</button></p>
</form>
<p><a href="/osigu/events">Received webhook events</a></p>`,
      ),
    ),
  );

  app.post('/osigu/preauthorize', async (request, reply) => {
    if (!request.isMultipart()) throw new PortalInputError('Send the form as multipart/form-data.');
    const fields = new Map<string, string>();
    let indication: { content: Uint8Array; fileName: string; contentType: string } | undefined;
    for await (const part of request.parts({ limits: { fileSize: maxIndicationBytes, files: 1, fields: 20 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'indication' && content.length > 0) {
          indication = { content: new Uint8Array(content), fileName: part.filename, contentType: part.mimetype };
        }
      } else if (typeof part.value === 'string') {
        fields.set(part.fieldname, part.value);
      }
    }
    const sponsorSlug = required(fields, 'sponsor', 'Sponsor');
    const documentType = required(fields, 'documentType', 'Document type');
    const documentNumber = required(fields, 'documentNumber', 'Document number');
    const diagnosisCode = required(fields, 'diagnosis', 'Diagnosis');
    const productCode = required(fields, 'productCode', 'Product code');
    const posology = required(fields, 'posology', 'Posology');
    const quantity = Number(fields.get('quantity') ?? '1');
    if (!Number.isInteger(quantity) || quantity < 1) throw new PortalInputError('Quantity must be a whole number of at least 1.');
    if (indication === undefined) throw new PortalInputError('Attach the indication (the prescription).');
    if (!acceptedIndicationTypes.has(indication.contentType)) {
      throw new PortalInputError('The indication must be a PDF, PNG or JPEG file.');
    }

    const beneficiary = unwrap(
      await osigu.POST('/v1/sponsors/{sponsor_slug}/search', {
        params: { path: { sponsor_slug: sponsorSlug } },
        body: { document_type: documentType, document_number: documentNumber },
      }),
    );
    const result = await preauthorize(osigu, {
      beneficiaryId: beneficiary.beneficiary_id,
      sponsorSlug,
      diagnosisCode,
      products: [{ product_code: productCode, product_type: 'MEDICATION', quantity, posology }],
      professionalLicenseNumber: fields.get('professionalLicenseNumber') || undefined,
      indication,
    });

    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (result.status === 'PENDING_SPONSOR') {
      return reply.send(
        page(
          'Pre-authorization pending',
          html`<p id="osigu-status">Request <code>${result.authorizationRequestId}</code> is <strong>pending</strong> the sponsor's decision.</p>
<p>OSIGU will send an <code>authorization.*</code> webhook; see <a href="/osigu/events">received events</a>.</p>`,
        ),
      );
    }
    return reply.send(
      page(
        'Pre-authorization result',
        html`<p id="osigu-status">Request <code>${result.authorizationRequestId}</code>: ${result.status}.</p>
<table id="osigu-authorizations">
<thead><tr><th>Authorization code</th><th>Product type</th><th>Status</th><th>Reason</th></tr></thead>
<tbody>${result.authorizations.map(
          (authorization) =>
            html`<tr><td>${authorization.authorization_code}</td><td>${authorization.product_type}</td><td>${authorization.status}</td><td>${'rejection_reason' in authorization ? authorization.rejection_reason : ''}</td></tr>`,
        )}</tbody>
</table>
<p><a href="/osigu">New request</a></p>`,
      ),
    );
  });

  // The webhook needs the body exactly as sent: this scope parses every content type into a Buffer.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/osigu/webhooks', async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
      let event: OsiguWebhookEvent;
      try {
        event = await verifyOsiguWebhook(raw, request.headers[osiguSignatureHeader], settings.webhookSecrets);
      } catch (error) {
        request.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'OSIGU webhook refused');
        return reply.status(401).send();
      }
      // OSIGU may deliver an event more than once: keep each event id once.
      if (!events.some((known) => known.eventId === event.event_id)) {
        events.push({ eventId: event.event_id, eventType: event.event_type, authorizationCode: authorizationCodeOf(event) });
      }
      return reply.status(204).send();
    });
  });

  app.get('/osigu/events', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      page(
        'OSIGU webhook events',
        events.length === 0
          ? html`<p id="osigu-no-events">No events received yet.</p>`
          : html`<table id="osigu-events">
<thead><tr><th>Event type</th><th>Event id</th><th>Authorization code</th></tr></thead>
<tbody>${events.map((event) => html`<tr><td>${event.eventType}</td><td>${event.eventId}</td><td>${event.authorizationCode ?? '—'}</td></tr>`)}</tbody>
</table>`,
      ),
    ),
  );
}
