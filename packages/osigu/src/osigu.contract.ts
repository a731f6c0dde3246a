import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeRecordedPactChecks, pactFolderOf, printingClientErrors, resetPactFolder } from '@coverlink/contract-testing';
import { NotFoundError, unwrap } from '@coverlink/core';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOsiguClient, createOsiguTokenProvider, type OsiguClient } from './index.js';
import { awaitOutpatientClaim } from './osigu-claims.js';
import { completeDispensing, type DispensingState, resendDispensingOtp, startDispensing } from './osigu-dispensing.js';
import { OsiguErrorCode } from './osigu-errors.js';

const { eachLike, regex, string, integer, boolean, datetime, decimal, number } = MatchersV3;

const pactFolder = pactFolderOf('osigu');
const consumer = 'coverlink-osigu';
const provider = 'osigu';
const clientId = 'contract-client';
const clientSecret = 'contract-secret';
const accessToken = 'eyJhbGciOiJSUzI1NiIs.contract.token';
const requestId = 'areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X';
const beneficiaryId = 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O';
const medication = {
  product_code: 'MED-042',
  product_type: 'MEDICATION' as const,
  quantity: 30,
  posology: '1 tablet every 8h for 10 days',
};
// What preauthorize sends when every optional field is given (osigu-preauthorize.simulator.test.ts checks the same bytes).
const createBody = {
  beneficiary_id: beneficiaryId,
  sponsor_slug: 'sponsor-sandbox',
  diagnosis_code: 'R51',
  products: [medication],
  provider_branch_id: 'branch-001',
  service_type_code: 'OUTPATIENT',
  authorization_type: 'PRESCRIPTION' as const,
  professional_license_number: 'MP-123456',
};
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% contract indication\n%%EOF\n');
const bearer = { Authorization: regex(/^Bearer \S+$/, `Bearer ${accessToken}`) };
const osiguError = { error_code: string('071-404'), message: string('Beneficiary not found') };

// API interactions are recorded one per mock server (PactV4), so their tokens come from a small
// local token endpoint; the token interaction itself is recorded on its own below.
let tokenServer: Server;
let tokenUrl: string;
beforeAll(async () => {
  await resetPactFolder(pactFolder);
  tokenServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: accessToken, token_type: 'bearer', expires_in: 3600 }));
  });
  await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/v1/oauth/token`;
});
afterAll(async () => {
  await new Promise((resolve) => tokenServer.close(resolve));
});

const pact = new PactV4({ consumer, provider, dir: pactFolder, logLevel: (process.env.PACT_LOG_LEVEL as 'warn' | undefined) ?? 'warn' });
const clientFor = (url: string): OsiguClient => createOsiguClient({ clientId, clientSecret, baseUrl: url, tokenUrl });

describe('consumer contract: what @coverlink/osigu sends and relies on', () => {
  it('getAccessToken: client credentials, form body, HTTP Basic over the raw id:secret', async () => {
    await pact
      .addInteraction()
      .uponReceiving('a client-credentials token request')
      .withRequest('POST', '/v1/oauth/token', (builder) => {
        // Pact's form matcher would require the raw bytes to sniff as a form, which they never do:
        // record the body as text and set the header explicitly (pact-js issue 767).
        builder.body('text/plain', Buffer.from('grant_type=client_credentials')).headers({
          'Content-Type': regex(/^application\/x-www-form-urlencoded(;\s*charset=(UTF|utf)-8)?$/, 'application/x-www-form-urlencoded'),
          Authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}`,
        });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          access_token: string(accessToken),
          token_type: string('bearer'),
          expires_in: integer(3600),
          scope: string('arc:read arc:write dispensing:read dispensing:write'),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const tokens = createOsiguTokenProvider({ clientId, clientSecret, baseUrl: mockServer.url });
          expect(await tokens.getToken()).toBe(accessToken);
        }),
      );
  });

  it('listSponsorForms: the fields a sponsor searches beneficiaries by', async () => {
    await pact
      .addInteraction()
      .given('sponsor sponsor-sandbox searches by document type and number')
      .uponReceiving('a request for the search form of sponsor-sandbox')
      .withRequest('GET', '/v1/sponsors/sponsor-sandbox/forms', (builder) => {
        builder.headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          sponsor_slug: string('sponsor-sandbox'),
          fields: eachLike({
            name: string('document_type'),
            label: string('Document type'),
            type: string('enum'),
            required: boolean(true),
          }),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const form = unwrap(
            await clientFor(mockServer.url).GET('/v1/sponsors/{sponsor_slug}/forms', {
              params: { path: { sponsor_slug: 'sponsor-sandbox' } },
            }),
          );
          expect(form.fields[0]?.name).toBe('document_type');
        }),
      );
  });

  it('searchBeneficiary: a document search finds the beneficiary and their coverage', async () => {
    await pact
      .addInteraction()
      .given('beneficiary CC 123456789 has active coverage with sponsor-sandbox')
      .uponReceiving('a beneficiary search by document')
      .withRequest('POST', '/v1/sponsors/sponsor-sandbox/search', (builder) => {
        builder.headers(bearer).jsonBody({ document_type: 'CC', document_number: '123456789' });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          beneficiary_id: string(beneficiaryId),
          first_name: string('MARIA'),
          last_name: string('GONZALEZ'),
          coverage: { plan_code: string('GOLD-100'), active: boolean(true), effective_until: string('2027-01-31') },
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const beneficiary = unwrap(
            await clientFor(mockServer.url).POST('/v1/sponsors/{sponsor_slug}/search', {
              params: { path: { sponsor_slug: 'sponsor-sandbox' } },
              body: { document_type: 'CC', document_number: '123456789' },
            }),
          );
          expect(beneficiary.beneficiary_id).toBe(beneficiaryId);
        }),
      );
  });

  it('searchBeneficiary: an unknown beneficiary is a 404 with the OSIGU error body', async () => {
    await pact
      .addInteraction()
      .given('no beneficiary CC 000000000 with sponsor-sandbox')
      .uponReceiving('a beneficiary search that finds nobody')
      .withRequest('POST', '/v1/sponsors/sponsor-sandbox/search', (builder) => {
        builder.headers(bearer).jsonBody({ document_type: 'CC', document_number: '000000000' });
      })
      .willRespondWith(404, (builder) => {
        builder.jsonBody(osiguError);
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const result = await clientFor(mockServer.url).POST('/v1/sponsors/{sponsor_slug}/search', {
            params: { path: { sponsor_slug: 'sponsor-sandbox' } },
            body: { document_type: 'CC', document_number: '000000000' },
          });
          expect(() => unwrap(result)).toThrowError(NotFoundError);
        }),
      );
  });

  it('getSponsorConfiguration: what the sponsor requires, as preauthorize reads it before creating anything', async () => {
    await pact
      .addInteraction()
      .given('sponsor sponsor-sandbox requires professional_license_number for medications')
      .uponReceiving('a request for the configuration of sponsor-sandbox for medications')
      .withRequest('GET', '/arc/v1/sponsors/sponsor-sandbox/configuration', (builder) => {
        builder.headers(bearer).query({ product_type: 'MEDICATION' });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          sponsor_slug: string('sponsor-sandbox'),
          product_type: 'MEDICATION',
          required_fields: eachLike(string('professional_license_number')),
          authorization_types: eachLike(regex(/^(PRESCRIPTION|MEDICAL_INDICATION|LAB_ORDER|PROCEDURE)$/, 'PRESCRIPTION')),
          verification: regex(/^(NONE|OTP|BIOMETRIC)$/, 'OTP'),
          processing_mode: regex(/^(SYNC|ASYNC)$/, 'SYNC'),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const configuration = unwrap(
            await clientFor(mockServer.url).GET('/arc/v1/sponsors/{sponsor_slug}/configuration', {
              params: { path: { sponsor_slug: 'sponsor-sandbox' }, query: { product_type: 'MEDICATION' } },
            }),
          );
          expect(configuration.required_fields).toContain('professional_license_number');
        }),
      );
  });

  it('getAuthorizationDocumentPolicy: the indication file types, content types and size the sponsor takes', async () => {
    await pact
      .addInteraction()
      .given('sponsor sponsor-sandbox requires a medical indication for medications')
      .uponReceiving('a request for the document policy of sponsor-sandbox for medications')
      .withRequest('GET', '/arc/v1/sponsors/sponsor-sandbox/document-policy', (builder) => {
        builder.headers(bearer).query({ product_type: 'MEDICATION' });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          sponsor_slug: string('sponsor-sandbox'),
          product_type: 'MEDICATION',
          required_file_types: eachLike(regex(/^(MEDICAL_INDICATION|PRESCRIPTION|LAB_ORDER|REFERRAL|OTHER)$/, 'MEDICAL_INDICATION')),
          accepted_content_types: eachLike(string('application/pdf')),
          max_file_size_bytes: integer(10485760),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const policy = unwrap(
            await clientFor(mockServer.url).GET('/arc/v1/sponsors/{sponsor_slug}/document-policy', {
              params: { path: { sponsor_slug: 'sponsor-sandbox' }, query: { product_type: 'MEDICATION' } },
            }),
          );
          expect(policy.required_file_types).toContain('MEDICAL_INDICATION');
        }),
      );
  });

  it('createAuthorizationRequest: 202 with the request id, waiting for its indication', async () => {
    await pact
      .addInteraction()
      .given('beneficiary CC 123456789 has active coverage with sponsor-sandbox')
      .uponReceiving('a pre-authorization request for a medication, with the optional fields sponsors may require')
      .withRequest('POST', '/arc/v1/authorization-requests', (builder) => {
        builder.headers(bearer).jsonBody(createBody);
      })
      .willRespondWith(202, (builder) => {
        builder.jsonBody({
          authorization_request_id: string(requestId),
          status: 'PENDING_INDICATION',
          created_at: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSX", '2026-06-25T14:02:11.789Z'),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const created = unwrap(await clientFor(mockServer.url).POST('/arc/v1/authorization-requests', { body: createBody }));
          expect(created.authorization_request_id).toBe(requestId);
        }),
      );
  });

  it('uploadAuthorizationIndication: the indication as multipart, as preauthorize sends it', async () => {
    const boundary = 'coverlink-contract-boundary';
    const multipart = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="indication.pdf"',
      'Content-Type: application/pdf',
      '',
      new TextDecoder().decode(pdfBytes),
      `--${boundary}`,
      'Content-Disposition: form-data; name="file_type"',
      '',
      'MEDICAL_INDICATION',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    await pact
      .addInteraction()
      .given(`authorization request ${requestId} waits for its indication`)
      .uponReceiving('a multipart indication upload')
      .withRequest('POST', `/arc/v1/authorization-requests/${requestId}/upload/files`, (builder) => {
        // As with forms, a multipart content-type rule would also be applied to each part's bytes:
        // record the body as text; the header (any boundary) makes Pact compare part by part.
        builder.body('text/plain', Buffer.from(multipart)).headers({
          ...bearer,
          'Content-Type': regex(/^multipart\/form-data; ?boundary=.+$/, `multipart/form-data; boundary=${boundary}`),
        });
      })
      .willRespondWith(204)
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const result = await clientFor(mockServer.url).POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/files', {
            params: { path: { authorization_request_id: requestId } },
            body: { file: new File([pdfBytes], 'indication.pdf', { type: 'application/pdf' }), file_type: 'MEDICAL_INDICATION' },
            bodySerializer: (body) => {
              const form = new FormData();
              form.append('file', body.file);
              form.append('file_type', body.file_type);
              return form;
            },
          });
          expect(result.response.status).toBe(204);
        }),
      );
  });

  it('attachAuthorizationIndicationBase64: the indication as base64 JSON', async () => {
    const content = Buffer.from(pdfBytes).toString('base64');
    await pact
      .addInteraction()
      .given(`authorization request ${requestId} waits for its indication`)
      .uponReceiving('a base64 indication upload')
      .withRequest('POST', `/arc/v1/authorization-requests/${requestId}/upload/base64`, (builder) => {
        builder.headers(bearer).jsonBody({
          file_name: 'indication.pdf',
          content_type: 'application/pdf',
          file_type: 'MEDICAL_INDICATION',
          content: string(content),
        });
      })
      .willRespondWith(204)
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const result = await clientFor(mockServer.url).POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/base64', {
            params: { path: { authorization_request_id: requestId } },
            body: { file_name: 'indication.pdf', content_type: 'application/pdf', file_type: 'MEDICAL_INDICATION', content },
          });
          expect(result.response.status).toBe(204);
        }),
      );
  });

  it('completeAuthorizationRequest: a synchronous sponsor answers with the authorizations', async () => {
    await pact
      .addInteraction()
      .given(`authorization request ${requestId} has its indication and sponsor-sandbox decides synchronously`)
      .uponReceiving('a request to complete an authorization request')
      .withRequest('POST', `/arc/v1/authorization-requests/${requestId}/complete`, (builder) => {
        builder.headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          authorization_request_id: string(requestId),
          status: 'COMPLETED',
          authorizations: eachLike({
            authorization_code: string('AUTH-2026-001234'),
            product_type: string('MEDICATION'),
            status: 'APPROVED',
            expires_at: string('2026-07-25T00:00:00Z'),
          }),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const completed = unwrap(
            await clientFor(mockServer.url).POST('/arc/v1/authorization-requests/{authorization_request_id}/complete', {
              params: { path: { authorization_request_id: requestId } },
            }),
          );
          expect(completed.status).toBe('COMPLETED');
        }),
      );
  });

  it('getAuthorizationRequest: the decided request, as awaitDecision polls it', async () => {
    await pact
      .addInteraction()
      .given(`authorization request ${requestId} has been decided by its sponsor`)
      .uponReceiving('a request for a decided authorization request')
      .withRequest('GET', `/arc/v1/authorization-requests/${requestId}`, (builder) => {
        builder.headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          id: string(requestId),
          status: 'COMPLETED',
          beneficiary_id: string(beneficiaryId),
          sponsor_slug: string('sponsor-sandbox'),
          diagnosis_code: string('R51'),
          products: eachLike({
            product_code: string('MED-042'),
            product_type: string('MEDICATION'),
            quantity: integer(30),
            posology: string('1 tablet every 8h for 10 days'),
          }),
          created_at: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSX", '2026-06-25T14:02:11.789Z'),
          updated_at: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSX", '2026-06-25T14:05:42.120Z'),
          authorizations: eachLike({
            authorization_code: string('AUTH-2026-001234'),
            product_type: string('MEDICATION'),
            status: 'APPROVED',
            expires_at: string('2026-07-25T00:00:00Z'),
          }),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const request = unwrap(
            await clientFor(mockServer.url).GET('/arc/v1/authorization-requests/{authorization_request_id}', {
              params: { path: { authorization_request_id: requestId } },
            }),
          );
          expect(request.status).toBe('COMPLETED');
        }),
      );
  });

  it('completeAuthorizationRequest: an asynchronous sponsor leaves the request pending', async () => {
    await pact
      .addInteraction()
      .given(`authorization request ${requestId} has its indication and sponsor-sandbox decides asynchronously`)
      .uponReceiving('a request to complete an authorization request for an asynchronous sponsor')
      .withRequest('POST', `/arc/v1/authorization-requests/${requestId}/complete`, (builder) => {
        builder.headers(bearer);
      })
      .willRespondWith(202, (builder) => {
        builder.jsonBody({ authorization_request_id: string(requestId), status: 'PENDING_SPONSOR' });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const completed = unwrap(
            await clientFor(mockServer.url).POST('/arc/v1/authorization-requests/{authorization_request_id}/complete', {
              params: { path: { authorization_request_id: requestId } },
            }),
          );
          expect(completed.status).toBe('PENDING_SPONSOR');
        }),
      );
  });
});

// Dispensing, outpatient claims (osigu-dispensing.ts, osigu-claims.ts): one interaction per call the helpers make.
const dispensationId = 'disp_01HXB4N6C8D0E2F4G6H8J0K2M4';
const otpId = 'otp_01HXB5P7D9E1F3G5H7J9K1M3N5';
const dispensingSale = { amount: 37515, documentNumber: 'FE-000123', documentDate: '2026-06-26', documentSerial: 'FE' };
const dispensedProducts = eachLike({ product_code: string('MED-042'), quantity: integer(30), unit_price: decimal(1250.5) });
const noVerificationSponsor = 'authorization AUTH-2026-001234 is approved and its sponsor requires no verification';
const wrongOtp = `OTP ${otpId} was sent and 482913 is not its code`;
const otpState: DispensingState = {
  version: 1,
  dispensationId,
  beneficiaryId,
  sponsorSlug: 'sponsor-sandbox',
  codeType: 'AUTHORIZATION',
  products: [{ product_code: 'MED-042', quantity: 30, unit_price: 1250.5 }],
  verification: 'OTP',
  otpId,
  otpExpiresAt: '2099-01-01T00:00:00Z',
  otpChannel: 'SMS',
};

describe('consumer contract: dispensing', () => {
  it('startDispensation: startDispensing with an approved authorization code, no verification required', async () => {
    await pact
      .addInteraction()
      .given(noVerificationSponsor)
      .uponReceiving('a dispensation start by authorization code')
      .withRequest('POST', '/dispensing/v1/dispensations', (builder) => {
        builder.headers(bearer).jsonBody({ code: 'AUTH-2026-001234', beneficiary_id: beneficiaryId });
      })
      .willRespondWith(201, (builder) => {
        builder.jsonBody({
          dispensation_id: string(dispensationId),
          status: 'STARTED',
          code_type: regex(/^(AUTHORIZATION|PRESCRIPTION)$/, 'AUTHORIZATION'),
          products: dispensedProducts,
          verification_required: null,
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const state = await startDispensing(clientFor(mockServer.url), {
            code: 'AUTH-2026-001234',
            beneficiaryId,
            sponsorSlug: 'demo-insurer',
          });
          expect(state).toMatchObject({ dispensationId, verification: 'NONE', codeType: 'AUTHORIZATION' });
        }),
      );
  });

  it('startDispensation: the sponsor requires an OTP', async () => {
    await pact
      .addInteraction()
      .given('authorization AUTH-2026-001234 is approved and sponsor-sandbox requires an OTP')
      .uponReceiving('a dispensation start for a sponsor that requires an OTP')
      .withRequest('POST', '/dispensing/v1/dispensations', (builder) => {
        builder.headers(bearer).jsonBody({ code: 'AUTH-2026-001234', beneficiary_id: beneficiaryId });
      })
      .willRespondWith(201, (builder) => {
        builder.jsonBody({
          dispensation_id: string(dispensationId),
          status: 'STARTED',
          code_type: regex(/^(AUTHORIZATION|PRESCRIPTION)$/, 'AUTHORIZATION'),
          products: dispensedProducts,
          verification_required: 'OTP',
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          // startDispensing goes on to sendOtp, recorded below on its own.
          const started = unwrap(
            await clientFor(mockServer.url).POST('/dispensing/v1/dispensations', {
              body: { code: 'AUTH-2026-001234', beneficiary_id: beneficiaryId },
            }),
          );
          expect(started.verification_required).toBe('OTP');
        }),
      );
  });

  it('sendOtp: resendDispensingOtp asks OSIGU to text the beneficiary a code', async () => {
    await pact
      .addInteraction()
      .given('beneficiary CC 123456789 has active coverage with sponsor-sandbox')
      .uponReceiving('an OTP request by SMS')
      .withRequest('POST', '/v1/otp/send', (builder) => {
        builder.headers(bearer).jsonBody({ beneficiary_id: beneficiaryId, sponsor_slug: 'sponsor-sandbox', channel: 'SMS' });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({ otp_id: string(otpId), expires_at: string('2026-06-26T10:12:00Z') });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const state = await resendDispensingOtp(clientFor(mockServer.url), otpState);
          expect(state).toMatchObject({ verification: 'OTP', otpId, otpExpiresAt: '2026-06-26T10:12:00Z' });
        }),
      );
  });

  it('validateOtp: a wrong code is a 422 with the attempts left, which completeDispensing reports', async () => {
    await pact
      .addInteraction()
      .given(wrongOtp)
      .uponReceiving('an OTP validation with a wrong code')
      .withRequest('POST', '/v1/otp/validate', (builder) => {
        builder.headers(bearer).jsonBody({ otp_id: otpId, code: '482913' });
      })
      .willRespondWith(422, (builder) => {
        builder.jsonBody({
          error_code: string('071-422'),
          message: string('Invalid OTP code'),
          additional_information: { otp_id: string(otpId), remaining_attempts: integer(2) },
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const error = await completeDispensing(clientFor(mockServer.url), otpState, { otp: '482913', sale: dispensingSale }).catch(
            (caught: unknown) => caught,
          );
          expect(error).toMatchObject({ code: OsiguErrorCode.otpInvalid, remainingAttempts: 2 });
        }),
      );
  });

  it('validateOtp: the right code is exchanged for a verification token', async () => {
    await pact
      .addInteraction()
      .given(`OTP ${otpId} was sent and 482913 is its code`)
      .uponReceiving('an OTP validation with the right code')
      .withRequest('POST', '/v1/otp/validate', (builder) => {
        builder.headers(bearer).jsonBody({ otp_id: otpId, code: '482913' });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({ otp_verification_token: string('otpv_01HXB6Q8E0F2G4H6J8K0M2N4P6') });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          // completeDispensing goes on to completeDispensation, recorded below on its own.
          const validated = unwrap(await clientFor(mockServer.url).POST('/v1/otp/validate', { body: { otp_id: otpId, code: '482913' } }));
          expect(validated.otp_verification_token).toBe('otpv_01HXB6Q8E0F2G4H6J8K0M2N4P6');
        }),
      );
  });

  it('completeDispensation: completeDispensing closes it with the sale document', async () => {
    await pact
      .addInteraction()
      .given(`dispensation ${dispensationId} was started and needs no verification`)
      .uponReceiving('a dispensation completion with the sale document')
      .withRequest('POST', `/dispensing/v1/dispensations/${dispensationId}/complete`, (builder) => {
        builder
          .headers(bearer)
          .jsonBody({ amount: 37515, document_number: 'FE-000123', document_date: '2026-06-26', document_serial: 'FE' });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          dispensation_id: string(dispensationId),
          status: 'COMPLETED',
          completed_at: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSX", '2026-06-26T10:15:03.412Z'),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const result = await completeDispensing(
            clientFor(mockServer.url),
            { ...otpState, verification: 'NONE' },
            { sale: dispensingSale },
          );
          expect(result).toEqual({ dispensationId, status: 'COMPLETED', completedAt: '2026-06-26T10:15:03.412Z' });
        }),
      );
  });

  it('completeDispensation: with the OTP verification token', async () => {
    await pact
      .addInteraction()
      .given(`dispensation ${dispensationId} was started and its OTP validated`)
      .uponReceiving('a dispensation completion with the OTP verification token')
      .withRequest('POST', `/dispensing/v1/dispensations/${dispensationId}/complete`, (builder) => {
        builder.headers(bearer).jsonBody({
          amount: 37515,
          document_number: 'FE-000123',
          document_date: '2026-06-26',
          otp_verification_token: 'otpv_01HXB6Q8E0F2G4H6J8K0M2N4P6',
        });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          dispensation_id: string(dispensationId),
          status: 'COMPLETED',
          completed_at: string('2026-06-26T10:15:03.412Z'),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const completed = unwrap(
            await clientFor(mockServer.url).POST('/dispensing/v1/dispensations/{dispensation_id}/complete', {
              params: { path: { dispensation_id: dispensationId } },
              body: {
                amount: 37515,
                document_number: 'FE-000123',
                document_date: '2026-06-26',
                otp_verification_token: 'otpv_01HXB6Q8E0F2G4H6J8K0M2N4P6',
              },
            }),
          );
          expect(completed.status).toBe('COMPLETED');
        }),
      );
  });
});
const claimId = 'clm_01HXC6Q8E0F2G4H6J8K0M2N4P6';
const claimProducts = [{ product_code: 'MED-042', quantity: 30, unit_price: 1250.5 }];
const claimStatus = (example: string) =>
  regex(
    /^(OPEN|IN_PROGRESS|UPDATE_IN_PROGRESS|EXPIRATION_IN_PROGRESS|EXPIRED|CANCELED|READY|COMPLETED|VOIDED|ERROR|FAILED|PAID)$/,
    example,
  );
const claimBody = (status: string) => ({
  claim_id: string(claimId),
  status: claimStatus(status),
  authorization_code: string('AUTH-2026-001234'),
  beneficiary_id: string(beneficiaryId),
  sponsor_slug: string('sponsor-sandbox'),
  products: eachLike({ product_code: string('MED-042'), quantity: integer(30), unit_price: decimal(1250.5) }),
  total_amount: number(37515),
  created_at: string('2026-06-26T11:00:00.000Z'),
});

describe('consumer contract: outpatient claims', () => {
  it('createOutpatientCareClaim: opens the claim for an approved authorization', async () => {
    await pact
      .addInteraction()
      .given('authorization AUTH-2026-001234 of sponsor-sandbox is approved')
      .uponReceiving('an outpatient care claim')
      .withRequest('POST', '/arc/v1/outpatient-care-claim', (builder) => {
        builder.headers(bearer).jsonBody({
          authorization_code: 'AUTH-2026-001234',
          beneficiary_id: beneficiaryId,
          sponsor_slug: 'sponsor-sandbox',
          diagnosis_code: 'R51',
          service_date: '2026-06-26',
          products: claimProducts,
        });
      })
      .willRespondWith(201, (builder) => {
        builder.jsonBody({ claim_id: string(claimId), status: 'OPEN', created_at: string('2026-06-26T11:00:00.000Z') });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          // fileOutpatientClaim goes on to complete the claim, recorded below on its own.
          const created = unwrap(
            await clientFor(mockServer.url).POST('/arc/v1/outpatient-care-claim', {
              body: {
                authorization_code: 'AUTH-2026-001234',
                beneficiary_id: beneficiaryId,
                sponsor_slug: 'sponsor-sandbox',
                diagnosis_code: 'R51',
                service_date: '2026-06-26',
                products: claimProducts,
              },
            }),
          );
          expect(created).toMatchObject({ claim_id: claimId, status: 'OPEN' });
        }),
      );
  });

  it('completeOutpatientCareClaim: submits the open claim, without a body', async () => {
    await pact
      .addInteraction()
      .given(`claim ${claimId} is open`)
      .uponReceiving('a claim completion')
      .withRequest('POST', `/arc/v1/outpatient-care-claim/${claimId}/complete`, (builder) => {
        builder.headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody(claimBody('IN_PROGRESS'));
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const claim = unwrap(
            await clientFor(mockServer.url).POST('/arc/v1/outpatient-care-claim/{claim_id}/complete', {
              params: { path: { claim_id: claimId } },
            }),
          );
          expect(claim.status).toBe('IN_PROGRESS');
        }),
      );
  });

  it('getOutpatientCareClaim: awaitOutpatientClaim reads the settled claim', async () => {
    await pact
      .addInteraction()
      .given(`claim ${claimId} was settled`)
      .uponReceiving('a read of a claim')
      .withRequest('GET', `/arc/v1/outpatient-care-claim/${claimId}`, (builder) => {
        builder.headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody(claimBody('COMPLETED'));
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const claim = await awaitOutpatientClaim(clientFor(mockServer.url), claimId);
          expect(claim).toMatchObject({ claim_id: claimId, status: 'COMPLETED' });
        }),
      );
  });
});
// End of the dispensing and claims interactions.

// Each provider state picks the spec's response for it through Prism's Prefer header.
describeRecordedPactChecks('osigu', {
  preferByProviderState: {
    'no beneficiary CC 000000000 with sponsor-sandbox': 'code=404',
    [`authorization request ${requestId} has its indication and sponsor-sandbox decides asynchronously`]: 'code=202',
    // Dispensing and claims.
    [noVerificationSponsor]: 'example=startedNoVerification',
    [wrongOtp]: 'code=422',
  },
});
