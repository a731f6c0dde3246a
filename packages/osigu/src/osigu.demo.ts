import { type DemoJourney, step, tracingFetch } from '@coverlink/demo';
import { createOsiguClient, preauthorize, unwrap } from './index.js';

// A one-page PDF, so the multipart upload carries a real document.
const minimalPdf = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

/**
 * OSIGU's quickstart: token, beneficiary, pre-authorization with the indication, authorization codes.
 * With OSIGU_BASE_URL set, it runs against that host with OSIGU_CLIENT_ID/SECRET instead of the mock.
 */
async function osiguJourney(mockBaseUrl: string): Promise<void> {
  const baseUrl = process.env.OSIGU_BASE_URL ?? mockBaseUrl;
  const sponsorSlug = process.env.OSIGU_SPONSOR_SLUG ?? 'sponsor-sandbox';
  const osigu = createOsiguClient({
    clientId: process.env.OSIGU_CLIENT_ID ?? 'demo-client',
    clientSecret: process.env.OSIGU_CLIENT_SECRET ?? 'demo-secret',
    baseUrl,
    fetch: tracingFetch(),
  });

  const form = unwrap(await osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: sponsorSlug } } }));
  step(`token obtained; ${sponsorSlug} searches beneficiaries by ${form.fields.map((field) => field.name).join(' + ')}`);

  const beneficiary = unwrap(
    await osigu.POST('/v1/sponsors/{sponsor_slug}/search', {
      params: { path: { sponsor_slug: sponsorSlug } },
      body: { document_type: 'CC', document_number: process.env.OSIGU_DOCUMENT_NUMBER ?? '123456789' },
    }),
  );
  step(`beneficiary found: ${beneficiary.beneficiary_id} (plan ${beneficiary.coverage.plan_code}, active: ${beneficiary.coverage.active})`);

  const result = await preauthorize(osigu, {
    beneficiaryId: beneficiary.beneficiary_id,
    sponsorSlug,
    diagnosisCode: 'R51',
    products: [{ product_code: 'MED-042', product_type: 'MEDICATION', quantity: 30, posology: '1 tablet every 8h for 10 days' }],
    indication: { content: new TextEncoder().encode(minimalPdf), fileName: 'indication.pdf', contentType: 'application/pdf' },
    onStep(event) {
      if (event.step === 'created') step(`authorization request ${event.authorizationRequestId} created, status ${event.status}`);
      if (event.step === 'indication-attached') step(`indication attached (${event.transport})`);
      if (event.step === 'completed') step(`request completed, status ${event.status}`);
    },
  });
  if (result.status === 'PENDING_SPONSOR') {
    step('the sponsor decides asynchronously: an authorization.* webhook will follow');
    return;
  }
  for (const authorization of result.approved) {
    step(`authorization code ${authorization.authorization_code} (${authorization.product_type}, ${authorization.status})`);
  }
  for (const authorization of result.rejected) step(`rejected: ${authorization.rejection_reason}`);
}

/** The demo's OSIGU journey. */
export default { title: 'OSIGU pre-authorization journey', run: ({ baseUrl }) => osiguJourney(baseUrl) } satisfies DemoJourney;
