import { AbortError, UnprocessableEntityError } from '@coverlink/core';
import { startOsiguSimulator } from '@coverlink/mock-osigu';
import { recordingFetch } from '@coverlink/mocks';
import { describe, expect, inject, it } from 'vitest';
import { awaitOutpatientClaim, type ClaimStep, createOsiguClient, fileOutpatientClaim, OsiguClaimError, OsiguErrorCode } from './index.js';
import { approvedSandboxAuthorization, demoInsurerBeneficiaryId, sandboxBeneficiaryId } from './osigu-journeys.test-support.js';

const products = [{ product_code: 'MED-042', quantity: 30, unit_price: 1250.5 }];

function clientOn(baseUrl: string) {
  const recorder = recordingFetch();
  return { recorder, osigu: createOsiguClient({ clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl, fetch: recorder.fetch }) };
}

const bodyOf = (body: Uint8Array): unknown => (body.length === 0 ? undefined : JSON.parse(new TextDecoder().decode(body)));

describe('outpatient claims on the OSIGU simulator', () => {
  it('files a claim (create → complete) and waits until the sponsor settles it COMPLETED', async () => {
    const { osigu, recorder } = clientOn(inject('osiguSimulatorUrl'));
    const authorizationCode = await approvedSandboxAuthorization(osigu);
    const from = recorder.wire.length;
    const steps: ClaimStep[] = [];

    const filed = await fileOutpatientClaim(osigu, {
      authorizationCode,
      beneficiaryId: sandboxBeneficiaryId,
      sponsorSlug: 'sponsor-sandbox',
      diagnosisCode: 'R51',
      serviceDate: '2026-06-26',
      products,
      onStep: (step) => steps.push(step),
    });
    expect(filed).toMatchObject({ status: 'IN_PROGRESS', claim: { claim_id: filed.claimId, status: 'IN_PROGRESS', total_amount: 37515 } });
    expect(steps).toEqual([
      { step: 'created', claimId: filed.claimId, status: 'OPEN' },
      { step: 'completed', claimId: filed.claimId, status: 'IN_PROGRESS' },
    ]);

    const settled = await awaitOutpatientClaim(osigu, filed.claimId, { intervalMilliseconds: 50, timeoutMilliseconds: 30_000 });
    expect(settled).toMatchObject({ claim_id: filed.claimId, status: 'COMPLETED', authorization_code: authorizationCode });

    const wire = recorder.wire.slice(from);
    expect(wire.slice(0, 2).map((record) => `${record.method} ${record.path}`)).toEqual([
      'POST /arc/v1/outpatient-care-claim',
      `POST /arc/v1/outpatient-care-claim/${filed.claimId}/complete`,
    ]);
    expect(bodyOf(wire[0]?.body ?? new Uint8Array())).toEqual({
      authorization_code: authorizationCode,
      beneficiary_id: sandboxBeneficiaryId,
      sponsor_slug: 'sponsor-sandbox',
      diagnosis_code: 'R51',
      service_date: '2026-06-26',
      products,
    });
    expect(wire[1]?.body.length).toBe(0);
    // Then only reads of the claim, the last one finding it settled.
    expect(new Set(wire.slice(2).map((record) => `${record.method} ${record.path}`))).toEqual(
      new Set([`GET /arc/v1/outpatient-care-claim/${filed.claimId}`]),
    );
  });

  it('answers a claim for another beneficiary’s authorization with OSIGU’s 422', async () => {
    const { osigu } = clientOn(inject('osiguSimulatorUrl'));
    const authorizationCode = await approvedSandboxAuthorization(osigu);
    const error = await fileOutpatientClaim(osigu, {
      authorizationCode,
      beneficiaryId: demoInsurerBeneficiaryId,
      sponsorSlug: 'sponsor-sandbox',
      products,
    }).catch((caught: unknown) => caught);
    expect(UnprocessableEntityError.isInstance(error)).toBe(true);
  });

  it('gives up with OSIGU_CLAIM_SETTLEMENT_TIMEOUT while the sponsor still processes, and stops on abort', async () => {
    // A sponsor that takes a minute: the claim is surely still IN_PROGRESS during this test.
    const slow = await startOsiguSimulator({ port: 0, claimProcessingDelayMilliseconds: 60_000 });
    try {
      const { osigu } = clientOn(slow.url);
      const filed = await fileOutpatientClaim(osigu, {
        authorizationCode: await approvedSandboxAuthorization(osigu),
        beneficiaryId: sandboxBeneficiaryId,
        sponsorSlug: 'sponsor-sandbox',
        products,
      });
      const timedOut = await awaitOutpatientClaim(osigu, filed.claimId, { intervalMilliseconds: 20, timeoutMilliseconds: 100 }).catch(
        (caught: unknown) => caught,
      );
      expect(OsiguClaimError.isInstance(timedOut)).toBe(true);
      expect(timedOut).toMatchObject({ code: OsiguErrorCode.claimSettlementTimeout, claimId: filed.claimId, claimStatus: 'IN_PROGRESS' });
      expect(JSON.parse(JSON.stringify(timedOut))).toMatchObject({ claimId: filed.claimId, claimStatus: 'IN_PROGRESS' });

      const controller = new AbortController();
      const waiting = awaitOutpatientClaim(osigu, filed.claimId, { intervalMilliseconds: 10_000, signal: controller.signal });
      controller.abort();
      const aborted = await waiting.catch((caught: unknown) => caught);
      expect(AbortError.isInstance(aborted)).toBe(true);
      expect(slow.specViolations()).toEqual([]);
    } finally {
      await slow.stop();
    }
  });
});
