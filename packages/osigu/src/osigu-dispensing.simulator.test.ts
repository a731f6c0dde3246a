import { inspect } from 'node:util';
import { UnprocessableEntityError } from '@coverlink/core';
import { type RunningOsiguSimulator, startOsiguSimulator } from '@coverlink/mock-osigu';
import { recordingFetch } from '@coverlink/mocks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  completeDispensing,
  createOsiguClient,
  type DispensingState,
  type DispensingStep,
  type OsiguClient,
  OsiguDispensingError,
  OsiguErrorCode,
  resendDispensingOtp,
  startDispensing,
} from './index.js';
import {
  approvedDemoInsurerAuthorization,
  approvedSandboxAuthorization,
  demoInsurerBeneficiaryId,
  sandboxBeneficiaryId,
} from './osigu-journeys.test-support.js';

const sale = { amount: 37515, documentNumber: 'FE-000123', documentDate: '2026-06-26', documentSerial: 'FE' };

let simulator: RunningOsiguSimulator;
let recorder: ReturnType<typeof recordingFetch>;
let osigu: OsiguClient;

beforeAll(async () => {
  simulator = await startOsiguSimulator({ port: 0, sponsorDecisionDelayMilliseconds: 20 });
  recorder = recordingFetch();
  osigu = createOsiguClient({ clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl: simulator.url, fetch: recorder.fetch });
});

afterAll(async () => {
  expect(simulator.specViolations()).toEqual([]);
  await simulator.stop();
});

/** The wire records from `index` on, as `METHOD path` and the JSON body sent. */
function sentSince(index: number): Array<{ call: string; body: unknown }> {
  return recorder.wire.slice(index).map((record) => ({
    call: `${record.method} ${record.path}`,
    body: record.body.length === 0 ? undefined : JSON.parse(new TextDecoder().decode(record.body)),
  }));
}

/** The code the simulator "sent by SMS" for `state`'s OTP: what the beneficiary would read out. */
function otpOf(state: DispensingState): string {
  const otp = simulator.sentOtps().find((sent) => state.verification === 'OTP' && sent.otp_id === state.otpId);
  if (otp === undefined) throw new Error('no OTP was sent for this state');
  return otp.code;
}

/** Any code but the right one. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function rejectionOf(promise: Promise<unknown>): Promise<OsiguDispensingError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!OsiguDispensingError.isInstance(error)) throw new Error(`expected an OsiguDispensingError, got ${String(error)}`);
  return error;
}

describe('dispensing with an OTP (sponsor-sandbox)', () => {
  it('starts, sends the OTP, keeps a plain-JSON state without codes, and completes with the token validateOtp issued', async () => {
    const authorizationCode = await approvedSandboxAuthorization(osigu);
    const steps: DispensingStep[] = [];
    const from = recorder.wire.length;

    const state = await startDispensing(osigu, {
      code: authorizationCode,
      beneficiaryId: sandboxBeneficiaryId,
      sponsorSlug: 'sponsor-sandbox',
      onStep: (step) => steps.push(step),
    });
    expect(state).toMatchObject({
      version: 1,
      verification: 'OTP',
      otpChannel: 'SMS',
      codeType: 'AUTHORIZATION',
      products: [{ product_code: 'MED-042', quantity: 30, unit_price: 1250.5 }],
    });
    // What the integrator stores between the two phases: JSON, with neither the authorization code nor the OTP.
    const stored = JSON.stringify(state);
    const otp = otpOf(state);
    expect(stored).not.toContain(authorizationCode);
    expect(stored).not.toContain(otp);

    const result = await completeDispensing(osigu, JSON.parse(stored) as DispensingState, {
      otp,
      sale,
      onStep: (step) => steps.push(step),
    });
    expect(result).toEqual({ dispensationId: state.dispensationId, status: 'COMPLETED', completedAt: expect.any(String) });
    expect(Number.isNaN(Date.parse(result.completedAt))).toBe(false);

    const wire = sentSince(from);
    expect(wire.map((record) => record.call)).toEqual([
      'POST /dispensing/v1/dispensations',
      'POST /v1/otp/send',
      'POST /v1/otp/validate',
      `POST /dispensing/v1/dispensations/${state.dispensationId}/complete`,
    ]);
    expect(wire[0]?.body).toEqual({ code: authorizationCode, beneficiary_id: sandboxBeneficiaryId });
    expect(wire[1]?.body).toEqual({ beneficiary_id: sandboxBeneficiaryId, sponsor_slug: 'sponsor-sandbox', channel: 'SMS' });
    expect(wire[2]?.body).toEqual({ otp_id: state.verification === 'OTP' ? state.otpId : '', code: otp });
    expect(wire[3]?.body).toEqual({
      amount: 37515,
      document_number: 'FE-000123',
      document_date: '2026-06-26',
      document_serial: 'FE',
      otp_verification_token: expect.stringMatching(/^otpv_/),
    });
    expect(steps.map((step) => step.step)).toEqual(['started', 'otp-sent', 'otp-validated', 'completed']);
    expect(JSON.stringify(steps)).not.toContain(otp);
    expect(simulator.events().map((event) => event.event_type)).toEqual(
      expect.arrayContaining(['dispensing.started', 'dispensing.completed']),
    );
  });

  it('counts wrong codes down, then refuses the used-up OTP; a resent OTP completes it. Errors carry no code', async () => {
    const state = await startDispensing(osigu, {
      code: await approvedSandboxAuthorization(osigu),
      beneficiaryId: sandboxBeneficiaryId,
      sponsorSlug: 'sponsor-sandbox',
    });
    const otp = otpOf(state);
    const wrong = wrongCode(otp);

    const first = await rejectionOf(completeDispensing(osigu, state, { otp: wrong, sale }));
    expect(first).toMatchObject({ code: OsiguErrorCode.otpInvalid, remainingAttempts: 2, dispensationId: state.dispensationId });
    const second = await rejectionOf(completeDispensing(osigu, state, { otp: wrong, sale }));
    expect(second).toMatchObject({ code: OsiguErrorCode.otpInvalid, remainingAttempts: 1 });
    const third = await rejectionOf(completeDispensing(osigu, state, { otp: wrong, sale }));
    expect(third.code).toBe(OsiguErrorCode.otpAttemptsExhausted);
    // Even the right code cannot succeed on a used-up challenge.
    const exhausted = await rejectionOf(completeDispensing(osigu, state, { otp, sale }));
    expect(exhausted.code).toBe(OsiguErrorCode.otpAttemptsExhausted);
    for (const error of [first, second, third, exhausted]) {
      for (const view of [String(error), JSON.stringify(error), inspect(error), error.stack ?? '', inspect(error.cause)]) {
        expect(view).not.toContain(otp);
        expect(view).not.toContain(wrong);
      }
    }

    const renewed = await resendDispensingOtp(osigu, state);
    expect(renewed.verification === 'OTP' && renewed.otpId).not.toBe(state.verification === 'OTP' && state.otpId);
    const result = await completeDispensing(osigu, renewed, { otp: otpOf(renewed), sale });
    expect(result.status).toBe('COMPLETED');
  });

  it('refuses to complete without the OTP, or from a state it did not write, before sending anything', async () => {
    const state = await startDispensing(osigu, {
      code: await approvedSandboxAuthorization(osigu),
      beneficiaryId: sandboxBeneficiaryId,
      sponsorSlug: 'sponsor-sandbox',
    });
    const from = recorder.wire.length;
    expect((await rejectionOf(completeDispensing(osigu, state, { sale }))).code).toBe(OsiguErrorCode.otpRequired);
    const forged = { ...state, version: 2 } as unknown as DispensingState;
    expect((await rejectionOf(completeDispensing(osigu, forged, { otp: '123456', sale }))).code).toBe(
      OsiguErrorCode.dispensingStateInvalid,
    );
    expect(recorder.wire.length).toBe(from);
  });

  it('answers a second dispensation of the same authorization with OSIGU’s 422', async () => {
    const code = await approvedSandboxAuthorization(osigu);
    const input = { code, beneficiaryId: sandboxBeneficiaryId, sponsorSlug: 'sponsor-sandbox' };
    const state = await startDispensing(osigu, input);
    await completeDispensing(osigu, state, { otp: otpOf(state), sale });
    const again = await startDispensing(osigu, input).catch((error: unknown) => error);
    expect(UnprocessableEntityError.isInstance(again)).toBe(true);
  });
});

describe('an expired OTP', () => {
  it('is told apart from used-up attempts, and resendDispensingOtp replaces it', async () => {
    const shortLived = await startOsiguSimulator({ port: 0, otpLifetimeMilliseconds: 50 });
    try {
      const client = createOsiguClient({ clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl: shortLived.url });
      const state = await startDispensing(client, {
        code: await approvedSandboxAuthorization(client),
        beneficiaryId: sandboxBeneficiaryId,
        sponsorSlug: 'sponsor-sandbox',
      });
      const sent = shortLived.sentOtps().at(-1);
      if (state.verification !== 'OTP' || sent === undefined) throw new Error('expected an OTP challenge');
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(Date.parse(state.otpExpiresAt)), { timeout: 5000, interval: 20 });
      const expired = await rejectionOf(completeDispensing(client, state, { otp: sent.code, sale }));
      expect(expired.code).toBe(OsiguErrorCode.otpExpired);
      expect(JSON.stringify(expired)).not.toContain(sent.code);
      // resendDispensingOtp replaces the challenge: a new id, a later expiry.
      const renewed = await resendDispensingOtp(client, state);
      if (renewed.verification !== 'OTP') throw new Error('expected an OTP challenge');
      expect(renewed.otpId).not.toBe(state.otpId);
      expect(Date.parse(renewed.otpExpiresAt)).toBeGreaterThan(Date.parse(state.otpExpiresAt));
      expect(shortLived.specViolations()).toEqual([]);
    } finally {
      await shortLived.stop();
    }
  });
});

describe('dispensing without verification (demo-insurer)', () => {
  it('starts and completes without any OTP call', async () => {
    const code = await approvedDemoInsurerAuthorization(osigu);

    const from = recorder.wire.length;
    const state = await startDispensing(osigu, { code, beneficiaryId: demoInsurerBeneficiaryId, sponsorSlug: 'demo-insurer' });
    expect(state.verification).toBe('NONE');
    const result = await completeDispensing(osigu, state, { sale });
    expect(result.status).toBe('COMPLETED');
    const calls = sentSince(from).map((record) => record.call);
    expect(calls).toEqual(['POST /dispensing/v1/dispensations', `POST /dispensing/v1/dispensations/${state.dispensationId}/complete`]);
    expect(sentSince(from)[1]?.body).not.toHaveProperty('otp_verification_token');
  });
});
