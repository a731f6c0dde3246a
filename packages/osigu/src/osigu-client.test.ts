import { inspect } from 'node:util';
import { AuthError, AuthErrorCode } from '@coverlink/auth';
import {
  AuthenticationError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  unwrap,
} from '@coverlink/core';
import { recordingFetch } from '@coverlink/mocks';
import { rejectionOf } from '@coverlink/test-kit';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import {
  createOsiguClient,
  OsiguApiError,
  type OsiguClient,
  OsiguPreauthorizationError,
  type PreauthorizeInput,
  preauthorize,
} from './index.js';

const baseUrl = inject('osiguMockUrl');
const clientId = 'client-osigu-test';
const clientSecret = 'osigu-secret-never-shown';
const sponsor = { sponsor_slug: 'sponsor-sandbox' };
const medication = {
  product_code: 'MED-042',
  product_type: 'MEDICATION' as const,
  quantity: 30,
  posology: '1 tablet every 8h for 10 days',
};
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% test indication\n%%EOF\n');

/** The quickstart's pre-authorization, with the indication overridable per test. */
function quickstartRequest(indication: Partial<PreauthorizeInput['indication']> = {}): PreauthorizeInput {
  return {
    beneficiaryId: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O',
    sponsorSlug: 'sponsor-sandbox',
    diagnosisCode: 'R51',
    products: [medication],
    // The spec's example sponsor configuration (what Prism answers) requires it.
    professionalLicenseNumber: 'MP-123456',
    indication: { content: pdfBytes, fileName: 'indication.pdf', ...indication },
  };
}

let recorder: ReturnType<typeof recordingFetch>;
let osigu: OsiguClient;
beforeEach(() => {
  recorder = recordingFetch();
  osigu = createOsiguClient({ clientId, clientSecret, baseUrl, fetch: recorder.fetch });
});

describe('the quickstart journey against the OSIGU mock', () => {
  it('gets a token, finds the beneficiary, and pre-authorizes with a multipart indication', async () => {
    const form = unwrap(await osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: sponsor } }));
    expect(form.fields.length).toBeGreaterThan(0);

    const beneficiary = unwrap(
      await osigu.POST('/v1/sponsors/{sponsor_slug}/search', {
        params: { path: sponsor },
        body: { document_type: 'CC', document_number: '123456789' },
      }),
    );
    expect(beneficiary.beneficiary_id).toBe('bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O');
    expect(beneficiary.coverage.active).toBe(true);

    const steps: string[] = [];
    const result = await preauthorize(osigu, {
      beneficiaryId: beneficiary.beneficiary_id,
      sponsorSlug: 'sponsor-sandbox',
      diagnosisCode: 'R51',
      products: [medication],
      professionalLicenseNumber: 'MP-123456',
      indication: { content: pdfBytes, fileName: 'indication.pdf', contentType: 'application/pdf' },
      onStep: (event) => steps.push(`${event.step}:${event.authorizationRequestId}`),
    });

    expect(result).toMatchObject({ status: 'COMPLETED', authorizationRequestId: 'areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X' });
    if (result.status !== 'COMPLETED') throw new Error('unreachable');
    expect(result.approved.map((authorization) => authorization.authorization_code)).toEqual(['AUTH-2026-001234']);
    expect(result.rejected).toEqual([]);
    expect(steps).toEqual([
      'created:areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X',
      'indication-attached:areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X',
      'completed:areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X',
    ]);

    // The bytes on the wire: one token request (form body, Basic over the raw id:secret), then
    // bearer-authenticated API calls in the quickstart's order; the sponsor's two rule reads run side by side.
    const calls = recorder.wire.map((record) => `${record.method} ${record.path} ${record.status}`);
    expect([...calls.slice(0, 3), ...calls.slice(3, 5).sort(), ...calls.slice(5)]).toEqual([
      'POST /v1/oauth/token 200',
      'GET /v1/sponsors/sponsor-sandbox/forms 200',
      'POST /v1/sponsors/sponsor-sandbox/search 200',
      'GET /arc/v1/sponsors/sponsor-sandbox/configuration 200',
      'GET /arc/v1/sponsors/sponsor-sandbox/document-policy 200',
      'POST /arc/v1/authorization-requests 202',
      'POST /arc/v1/authorization-requests/areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X/upload/files 204',
      'POST /arc/v1/authorization-requests/areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X/complete 200',
    ]);
    const [tokenRequest, ...apiRequests] = recorder.wire;
    expect(new TextDecoder().decode(tokenRequest?.body)).toBe('grant_type=client_credentials');
    expect(tokenRequest?.headers.get('authorization')).toBe(`Basic ${btoa(`${clientId}:${clientSecret}`)}`);
    for (const request of apiRequests) expect(request.headers.get('authorization')).toMatch(/^Bearer \S+$/);

    const created = JSON.parse(new TextDecoder().decode(apiRequests[4]?.body));
    expect(created).toEqual({
      beneficiary_id: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O',
      sponsor_slug: 'sponsor-sandbox',
      diagnosis_code: 'R51',
      products: [medication],
      professional_license_number: 'MP-123456',
    });

    const upload = apiRequests[5];
    expect(upload?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const multipart = new TextDecoder().decode(upload?.body);
    expect(multipart).toContain('Content-Disposition: form-data; name="file"; filename="indication.pdf"');
    expect(multipart).toContain('Content-Type: application/pdf');
    expect(multipart).toContain('% test indication');
    expect(multipart).toMatch(/name="file_type"\r\n\r\nMEDICAL_INDICATION\r\n/);
  });

  it('attaches the indication as base64 JSON when asked', async () => {
    const result = await preauthorize(
      osigu,
      quickstartRequest({ content: new Blob([pdfBytes], { type: 'application/pdf' }), transport: 'base64' }),
    );
    expect(result.status).toBe('COMPLETED');
    const attach = recorder.wire.find((record) => record.path.endsWith('/upload/base64'));
    expect(attach?.status).toBe(204);
    expect(attach?.headers.get('content-type')).toBe('application/json');
    const body = JSON.parse(new TextDecoder().decode(attach?.body));
    expect(body).toMatchObject({ file_name: 'indication.pdf', content_type: 'application/pdf', file_type: 'MEDICAL_INDICATION' });
    expect(Buffer.from(body.content, 'base64')).toEqual(Buffer.from(pdfBytes));
  });

  it('reports a pending status for a sponsor that decides asynchronously', async () => {
    const asynchronous = recordingFetch((path) => (path.endsWith('/complete') ? 'code=202' : undefined));
    const client = createOsiguClient({ clientId, clientSecret, baseUrl, fetch: asynchronous.fetch });
    const result = await preauthorize(client, quickstartRequest());
    expect(result).toEqual({ status: 'PENDING_SPONSOR', authorizationRequestId: 'areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X' });
  });

  it('surfaces the rejection_reason of a REJECTED authorization', async () => {
    const rejecting = recordingFetch((path) => (path.endsWith('/complete') ? 'example=rejected' : undefined));
    const client = createOsiguClient({ clientId, clientSecret, baseUrl, fetch: rejecting.fetch });
    const result = await preauthorize(client, quickstartRequest());
    if (result.status !== 'COMPLETED') throw new Error(`expected COMPLETED, got ${result.status}`);
    expect(result.approved).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.rejection_reason).toEqual(expect.any(String));
    expect(result.rejected[0]?.rejection_reason.length).toBeGreaterThan(0);
  });

  it('names the document policy when the request is still waiting for its indication after completion', async () => {
    // The policy read first asks for MEDICAL_INDICATION, which is attached: only a sponsor whose rules changed since leaves it waiting.
    const stuck = recordingFetch((path) => (path.endsWith('/complete') ? 'code=202, example=pendingIndication' : undefined));
    const client = createOsiguClient({ clientId, clientSecret, baseUrl, fetch: stuck.fetch });
    const error = await rejectionOf(preauthorize(client, quickstartRequest({ fileType: 'MEDICAL_INDICATION' })));
    expect(error).toBeInstanceOf(OsiguPreauthorizationError);
    expect((error as OsiguPreauthorizationError).requestStatus).toBe('PENDING_INDICATION');
    expect((error as OsiguPreauthorizationError).authorizationRequestId).toBe('areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X');
    expect((error as OsiguPreauthorizationError).hint).toMatch(/MEDICAL_INDICATION.*getAuthorizationDocumentPolicy/);
  });

  it('has Prism validate the multipart body: an upload without file_type is refused', async () => {
    const form = new FormData();
    form.append('file', new File([pdfBytes], 'indication.pdf', { type: 'application/pdf' }));
    const result = await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/files', {
      params: { path: { authorization_request_id: 'areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X' } },
      // Deliberately incomplete, to prove the mock checks what the client sends.
      body: {} as never,
      bodySerializer: () => form,
    });
    expect(result.response.status).toBeGreaterThanOrEqual(400);
    expect(result.response.status).toBeLessThan(500);
  });
});

describe("the quickstart's troubleshooting table", () => {
  async function callWith(preference: string, call: (client: OsiguClient) => Promise<unknown>): Promise<OsiguApiError> {
    const client = createOsiguClient({ clientId, clientSecret, baseUrl, headers: { Prefer: preference } });
    const error = await rejectionOf(call(client));
    expect(OsiguApiError.isInstance(error)).toBe(true);
    return error as OsiguApiError;
  }
  const search = (client: OsiguClient) =>
    client
      .POST('/v1/sponsors/{sponsor_slug}/search', {
        params: { path: sponsor },
        body: { document_type: 'CC', document_number: '123456789' },
      })
      .then(unwrap);

  it('401 on the token endpoint: wrong credentials or the wrong environment', async () => {
    const refusing = recordingFetch((path) => (path === '/v1/oauth/token' ? 'code=401' : undefined));
    const client = createOsiguClient({ clientId, clientSecret, baseUrl, fetch: refusing.fetch });
    const error = await rejectionOf(search(client));
    expect(AuthError.isInstance(error)).toBe(true);
    expect((error as AuthError).code).toBe(AuthErrorCode.invalidClient);
    expect((error as AuthError).hint).toMatch(/environment/);
    expect(inspect(error, { depth: 10 })).not.toContain(clientSecret);
  });

  it('403 on beneficiary search: the provider is not affiliated with the sponsor', async () => {
    const error = await callWith('code=403', search);
    expect(PermissionDeniedError.isInstance(error)).toBe(true);
    expect(error.status).toBe(403);
    expect(error.hint).toMatch(/not affiliated/);
    expect(error.operation).toBe('POST /v1/sponsors/{sponsor_slug}/search');
    expect(error.providerCode).toEqual(expect.any(String));
    expect(error.message).toContain(`OSIGU answered 403 to POST /v1/sponsors/{sponsor_slug}/search: ${error.providerCode}`);
  });

  it('404 on beneficiary search: not found or coverage inactive', async () => {
    const error = await callWith('code=404', search);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.status).toBe(404);
    expect(error.hint).toMatch(/coverage is inactive/);
  });

  it('422 on the request POST: a sponsor-required field is missing, see getSponsorConfiguration', async () => {
    const error = await callWith('code=422', (client) =>
      client
        .POST('/arc/v1/authorization-requests', {
          body: {
            beneficiary_id: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O',
            sponsor_slug: 'sponsor-sandbox',
            diagnosis_code: 'R51',
            products: [medication],
          },
        })
        .then(unwrap),
    );
    expect(UnprocessableEntityError.isInstance(error)).toBe(true);
    expect(error.status).toBe(422);
    expect(error.hint).toMatch(/getSponsorConfiguration/);
  });

  it('429 carries Retry-After', async () => {
    const error = await callWith('code=429', search);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.status).toBe(429);
    expect(error.hint).toMatch(/rate-limited/);
  });
});

describe('token handling', () => {
  it('reuses one token across calls', async () => {
    for (let call = 0; call < 3; call++) unwrap(await osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: sponsor } }));
    expect(recorder.tokenRequests()).toBe(1);
  });

  it('50 concurrent calls on a cold client cost one token request', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: sponsor } }).then(unwrap)),
    );
    expect(results).toHaveLength(50);
    expect(recorder.tokenRequests()).toBe(1);
    expect(recorder.wire.filter((record) => record.path.endsWith('/forms'))).toHaveLength(50);
  });

  it('on a 401 from the API, fetches a fresh token and retries once', async () => {
    const once = recordingFetch((path, attempt) => (path.endsWith('/forms') && attempt === 1 ? 'code=401' : undefined));
    const client = createOsiguClient({ clientId, clientSecret, baseUrl, fetch: once.fetch });
    const form = unwrap(await client.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: sponsor } }));
    expect(form.fields.length).toBeGreaterThan(0);
    expect(once.exchanges()).toEqual([
      '/v1/oauth/token 200',
      '/v1/sponsors/sponsor-sandbox/forms 401',
      '/v1/oauth/token 200',
      '/v1/sponsors/sponsor-sandbox/forms 200',
    ]);
  });

  it('never retries more than once: a second 401 is the caller’s error', async () => {
    const always = recordingFetch((path) => (path.endsWith('/forms') ? 'code=401' : undefined));
    const client = createOsiguClient({ clientId, clientSecret, baseUrl, fetch: always.fetch });
    const error = await rejectionOf(client.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: sponsor } }).then(unwrap));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(OsiguApiError.isInstance(error)).toBe(true);
    expect((error as OsiguApiError).status).toBe(401);
    expect((error as OsiguApiError).hint).toMatch(/environment/);
    expect(always.wire.filter((record) => record.path.endsWith('/forms'))).toHaveLength(2);
    expect(always.tokenRequests()).toBe(2);
  });

  it('refuses plain http to anything but loopback', () => {
    expect(() => createOsiguClient({ clientId, clientSecret, baseUrl: 'http://sandbox.osigu.com' })).toThrowError(/https/);
  });
});
