import { inspect } from 'node:util';
import { recordingFetch } from '@coverlink/mocks';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import {
  createOsiguClient,
  createOsiguSponsorRules,
  OsiguErrorCode,
  OsiguPreauthorizationIncompleteError,
  type PreauthorizeInput,
  preauthorize,
} from './index.js';

// One client for the file, so one token: the simulator limits token requests to 10 a minute per client, as OSIGU does.
const recorder = recordingFetch();
const osigu = createOsiguClient({
  clientId: 'demo-client',
  clientSecret: 'demo-secret',
  baseUrl: inject('osiguSimulatorUrl'),
  fetch: recorder.fetch,
});
const pdf = (name = 'indication.pdf') => ({
  content: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'),
  fileName: name,
  contentType: 'application/pdf',
});

const sandboxRequest = {
  beneficiaryId: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O',
  sponsorSlug: 'sponsor-sandbox',
  diagnosisCode: 'R51',
  products: [{ product_code: 'MED-042', product_type: 'MEDICATION' as const, quantity: 30, posology: '1 tablet every 8h for 10 days' }],
  indication: { ...pdf(), fileType: 'MEDICAL_INDICATION' as const },
} satisfies PreauthorizeInput;

const apiCalls = () =>
  recorder.wire.filter((record) => record.path !== '/v1/oauth/token').map((record) => `${record.method} ${record.path}`);
const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

beforeEach(() => {
  recorder.wire.length = 0;
});

describe('preauthorize reads the sponsor’s rules first and refuses locally what the sponsor would refuse', () => {
  it('sponsor-sandbox without professionalLicenseNumber: a typed error naming the field, and no authorization request created', async () => {
    const error = await rejectionOf(preauthorize(osigu, { ...sandboxRequest, sponsorRules: createOsiguSponsorRules(osigu) }));

    expect(OsiguPreauthorizationIncompleteError.isInstance(error)).toBe(true);
    const incomplete = error as OsiguPreauthorizationIncompleteError;
    expect(incomplete.code).toBe(OsiguErrorCode.preauthorizationIncomplete);
    expect(incomplete).toMatchObject({
      sponsorSlug: 'sponsor-sandbox',
      missingFields: ['professional_license_number'],
      missingFileTypes: [],
    });
    // Only the two rule reads went out: no POST, so nothing is left in PENDING_INDICATION and no 422 came back.
    expect(apiCalls().sort()).toEqual([
      'GET /arc/v1/sponsors/sponsor-sandbox/configuration',
      'GET /arc/v1/sponsors/sponsor-sandbox/document-policy',
    ]);
    expect(recorder.wire.find((record) => record.path.endsWith('/configuration'))?.headers.get('authorization')).toMatch(/^Bearer /);
    // Names, never values: not the diagnosis, the beneficiary, the posology or the file name.
    for (const view of [String(incomplete), JSON.stringify(incomplete), inspect(incomplete), incomplete.stack ?? '']) {
      expect(view).toContain('professional_license_number');
      for (const value of ['R51', 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O', '1 tablet', 'indication.pdf']) expect(view).not.toContain(value);
    }
  });

  it('an indication of another file type than the document policy requires: names the type needed, creates nothing', async () => {
    const error = await rejectionOf(
      preauthorize(osigu, {
        ...sandboxRequest,
        professionalLicenseNumber: 'MP-123456',
        indication: { ...pdf(), fileType: 'PRESCRIPTION' },
        sponsorRules: createOsiguSponsorRules(osigu),
      }),
    );
    expect(error).toBeInstanceOf(OsiguPreauthorizationIncompleteError);
    expect(error).toMatchObject({ missingFields: [], missingFileTypes: ['MEDICAL_INDICATION'] });
    expect(String(error)).not.toContain('MP-123456');
    expect(apiCalls().some((call) => call.startsWith('POST'))).toBe(false);
  });

  it('an authorizationType the sponsor does not accept, and a content type the policy does not take: both named', async () => {
    const error = await rejectionOf(
      preauthorize(osigu, {
        ...sandboxRequest,
        professionalLicenseNumber: 'MP-123456',
        authorizationType: 'LAB_ORDER',
        indication: { ...pdf('indication.txt'), contentType: 'text/plain', fileType: 'MEDICAL_INDICATION' },
        sponsorRules: createOsiguSponsorRules(osigu),
      }),
    );
    expect(error).toMatchObject({
      acceptedAuthorizationTypes: ['PRESCRIPTION', 'MEDICAL_INDICATION'],
      acceptedContentTypes: ['application/pdf', 'image/png', 'image/jpeg'],
    });
    expect(apiCalls().some((call) => call.startsWith('POST'))).toBe(false);
  });

  it('with every field the create operation accepts: sends each under its body name, and the synchronous sponsor approves', async () => {
    const result = await preauthorize(osigu, {
      ...sandboxRequest,
      providerBranchId: 'branch-001',
      serviceTypeCode: 'OUTPATIENT',
      authorizationType: 'PRESCRIPTION',
      professionalLicenseNumber: 'MP-123456',
      sponsorRules: createOsiguSponsorRules(osigu),
    });

    expect(result.status).toBe('COMPLETED');
    if (result.status === 'COMPLETED') expect(result.approved.map((authorization) => authorization.product_type)).toEqual(['MEDICATION']);
    const create = recorder.wire.find((record) => record.method === 'POST' && record.path === '/arc/v1/authorization-requests');
    expect(JSON.parse(new TextDecoder().decode(create?.body))).toEqual({
      beneficiary_id: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O',
      sponsor_slug: 'sponsor-sandbox',
      diagnosis_code: 'R51',
      products: sandboxRequest.products,
      provider_branch_id: 'branch-001',
      service_type_code: 'OUTPATIENT',
      authorization_type: 'PRESCRIPTION',
      professional_license_number: 'MP-123456',
    });
    expect(recorder.wire.map((record) => record.status).filter((status) => status >= 400)).toEqual([]);
  });

  it('the asynchronous sponsor’s policy (PRESCRIPTION) is read for it: refused with the default type, pending with the right one', async () => {
    const demoInsurer = {
      ...sandboxRequest,
      beneficiaryId: 'bnf_01HW9DM0J4QK7N2P5R8T1V3X6Z',
      sponsorSlug: 'demo-insurer',
      indication: pdf(),
      sponsorRules: createOsiguSponsorRules(osigu),
    };
    await expect(preauthorize(osigu, demoInsurer)).rejects.toMatchObject({
      sponsorSlug: 'demo-insurer',
      missingFileTypes: ['PRESCRIPTION'],
    });
    const pending = await preauthorize(osigu, { ...demoInsurer, indication: { ...pdf(), fileType: 'PRESCRIPTION', transport: 'base64' } });
    expect(pending.status).toBe('PENDING_SPONSOR');
  });
});

describe('the sponsor rules cache', () => {
  it('reads a sponsor’s rules once per TTL: a second request within it sends no rule read, one after it reads again', async () => {
    let now = 1_000_000;
    const sponsorRules = createOsiguSponsorRules(osigu, { ttlMs: 60_000, now: () => now });
    const request = { ...sandboxRequest, professionalLicenseNumber: 'MP-123456', sponsorRules };
    const ruleReads = () => apiCalls().filter((call) => call.startsWith('GET /arc/v1/sponsors/')).length;

    await preauthorize(osigu, request);
    expect(ruleReads()).toBe(2);
    now += 59_000;
    await preauthorize(osigu, request);
    expect(ruleReads()).toBe(2);
    now += 2_000;
    await preauthorize(osigu, request);
    expect(ruleReads()).toBe(4);
  });

  it('does not keep a failed read: a sponsor that answered 403 is asked again', async () => {
    const sponsorRules = createOsiguSponsorRules(osigu);
    const unaffiliated = { ...sandboxRequest, sponsorSlug: 'sponsor-unaffiliated', sponsorRules };
    await expect(preauthorize(osigu, unaffiliated)).rejects.toMatchObject({ status: 403 });
    await expect(preauthorize(osigu, unaffiliated)).rejects.toMatchObject({ status: 403 });
    expect(apiCalls().filter((call) => call.endsWith('/configuration'))).toHaveLength(2);
    expect(apiCalls().some((call) => call.startsWith('POST'))).toBe(false);
  });
});
