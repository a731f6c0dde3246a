import { ApiError, unwrap } from '@coverlink/core';
import type { components } from './generated/osigu.js';
import type { OsiguClient } from './osigu-client.js';
import { OsiguError, OsiguErrorCode } from './osigu-errors.js';

type Schemas = components['schemas'];

/** A product the dispensation covers, with its unit price in the sponsor's currency. */
export type OsiguDispensationProduct = Schemas['DispensationProduct'];
/** The channel a one-time password is sent by. */
export type OsiguOtpChannel = Schemas['SendOtpRequest']['channel'];

/** Input of {@link startDispensing}. */
export interface StartDispensingInput {
  /** The `authorization_code` of an approved authorization (or a prescription code) to dispense. */
  code: string;
  /** The beneficiary at the counter, e.g. `bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O`. */
  beneficiaryId: string;
  /** The sponsor of the authorization: OSIGU sends the OTP on its behalf. */
  sponsorSlug: string;
  /** How the OTP reaches the beneficiary when the sponsor requires one. Default `SMS`, the documented channel. */
  otpChannel?: OsiguOtpChannel | undefined;
  /** Called as each step finishes, for progress displays. Receives ids and statuses only. */
  onStep?: ((step: DispensingStep) => void) | undefined;
}

/**
 * What {@link completeDispensing} needs from {@link startDispensing}: plain JSON, so it can wait in a
 * session, a database row or a form field while the beneficiary reads the OTP out. It holds ids only:
 * neither the authorization code nor the OTP.
 */
export type DispensingState = {
  /** Lets a later version of this package recognise states written by this one. */
  version: 1;
  dispensationId: string;
  beneficiaryId: string;
  sponsorSlug: string;
  /** Whether the code was an authorization or a prescription. */
  codeType: 'AUTHORIZATION' | 'PRESCRIPTION';
  /** What can be dispensed, with unit prices: the basis of the sale document. */
  products: OsiguDispensationProduct[];
} & (
  | {
      /** The sponsor requires no verification: complete without an OTP. */
      verification: 'NONE';
    }
  | {
      /** The sponsor requires the OTP the beneficiary received. */
      verification: 'OTP';
      /** The challenge the code was sent for. */
      otpId: string;
      /** When the code stops being valid (ISO 8601). */
      otpExpiresAt: string;
      otpChannel: OsiguOtpChannel;
    }
);

/** A finished step of the dispensing journey. */
export type DispensingStep =
  | { step: 'started'; dispensationId: string; verification: 'NONE' | 'OTP' | 'BIOMETRIC' }
  | { step: 'otp-sent'; dispensationId: string; otpId: string; channel: OsiguOtpChannel }
  | { step: 'otp-validated'; dispensationId: string; otpId: string }
  | { step: 'completed'; dispensationId: string };

/** The sale document (invoice) that closes a dispensation, in camelCase. */
export interface DispensingSale {
  /** Total amount of the sale document. */
  amount: number;
  /** The sale document's number, e.g. `FE-000123`. */
  documentNumber: string;
  /** Its date, `YYYY-MM-DD`. */
  documentDate: string;
  /** Its serial, e.g. `FE`. */
  documentSerial?: string | undefined;
  /** Your own transaction id, to reconcile later. */
  providerTransactionId?: string | undefined;
  /** Digital signature of the electronic sale document. */
  documentDigitalSignature?: string | undefined;
  /** The dispensing provider, when the client acts for several. */
  providerSlug?: string | undefined;
}

/** Input of {@link completeDispensing}. */
export interface CompleteDispensingInput {
  /** The six-digit code the beneficiary received; required when `state.verification` is `OTP`. Never logged. */
  otp?: string | undefined;
  /** The sale document. */
  sale: DispensingSale;
  /** Called as each step finishes. Receives ids only. */
  onStep?: ((step: DispensingStep) => void) | undefined;
}

/** The outcome of {@link completeDispensing}. */
export interface DispensingResult {
  dispensationId: string;
  status: 'COMPLETED';
  /** When OSIGU closed it (ISO 8601). */
  completedAt: string;
}

/**
 * The dispensing journey could not go on from where it is. `code` says why; `remainingAttempts`
 * is set for a wrong OTP. Carries ids only, never the OTP or the authorization code.
 */
export class OsiguDispensingError extends OsiguError {
  /** The dispensation concerned, to quote to OSIGU support. */
  readonly dispensationId: string;
  /** For `OSIGU_OTP_INVALID`: how many codes may still be tried for this OTP. */
  readonly remainingAttempts: number | undefined;

  constructor(
    message: string,
    options: { code: OsiguErrorCode; hint: string; dispensationId: string; remainingAttempts?: number; cause?: unknown },
  ) {
    super(message, { code: options.code, hint: options.hint, cause: options.cause });
    this.dispensationId = options.dispensationId;
    this.remainingAttempts = options.remainingAttempts;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), dispensationId: this.dispensationId, remainingAttempts: this.remainingAttempts };
  }
}

/**
 * Phase one of dispensing at the counter: starts the dispensation (`startDispensation`) and, when
 * the sponsor requires it, has OSIGU send the beneficiary a one-time password (`sendOtp`). Keep the
 * returned state, ask the beneficiary for the code, then call {@link completeDispensing}.
 *
 * @example
 * ```ts
 * const state = await startDispensing(osigu, { code: authorizationCode, beneficiaryId, sponsorSlug: 'sponsor-sandbox' });
 * session.dispensing = JSON.stringify(state); // the OTP arrives by SMS; the request ends here
 * // later, with the code the beneficiary read out:
 * const done = await completeDispensing(osigu, JSON.parse(session.dispensing), { otp, sale });
 * ```
 * @throws {OsiguApiError} When a call fails (404 unknown code, 422 already dispensed or not approved, …).
 * @throws {OsiguDispensingError} `OSIGU_DISPENSING_VERIFICATION_UNSUPPORTED` when the sponsor requires
 *   biometric verification, which happens on OSIGU's device, not through this API.
 */
export async function startDispensing(client: OsiguClient, input: StartDispensingInput): Promise<DispensingState> {
  const started = unwrap(
    await client.POST('/dispensing/v1/dispensations', { body: { code: input.code, beneficiary_id: input.beneficiaryId } }),
  );
  const dispensationId = started.dispensation_id;
  const verification = started.verification_required ?? 'NONE';
  input.onStep?.({ step: 'started', dispensationId, verification });
  const common = {
    version: 1 as const,
    dispensationId,
    beneficiaryId: input.beneficiaryId,
    sponsorSlug: input.sponsorSlug,
    codeType: started.code_type,
    products: started.products,
  };
  if (verification === 'NONE') return { ...common, verification };
  if (verification === 'BIOMETRIC') {
    throw new OsiguDispensingError('The sponsor requires biometric verification of the beneficiary.', {
      code: OsiguErrorCode.dispensingVerificationUnsupported,
      hint: 'Biometric verification runs on OSIGU’s capture device; the API documents no way to pass it. Complete this dispensation in the OSIGU portal.',
      dispensationId,
    });
  }
  return { ...common, ...(await sendOtp(client, common, input.otpChannel ?? 'SMS', input.onStep)) };
}

/**
 * Sends the beneficiary a new OTP for a started dispensation, after `OSIGU_OTP_EXPIRED` or
 * `OSIGU_OTP_ATTEMPTS_EXHAUSTED`. Returns the state to keep instead of the old one.
 *
 * @throws {OsiguDispensingError} `OSIGU_DISPENSING_STATE_INVALID` when `state` needs no OTP.
 * @throws {OsiguApiError} When `sendOtp` fails.
 */
export async function resendDispensingOtp(
  client: OsiguClient,
  state: DispensingState,
  options: { channel?: OsiguOtpChannel | undefined; onStep?: ((step: DispensingStep) => void) | undefined } = {},
): Promise<DispensingState> {
  checkState(state);
  if (state.verification !== 'OTP') {
    throw new OsiguDispensingError('This dispensation needs no OTP.', {
      code: OsiguErrorCode.dispensingStateInvalid,
      hint: 'Call completeDispensing without an otp.',
      dispensationId: state.dispensationId,
    });
  }
  return { ...state, ...(await sendOtp(client, state, options.channel ?? state.otpChannel, options.onStep)) };
}

/**
 * Phase two: validates the beneficiary's OTP (`validateOtp`) when the sponsor requires one, then
 * completes the dispensation with the sale document (`completeDispensation`, with the
 * `otp_verification_token`).
 *
 * A wrong code throws `OSIGU_OTP_INVALID` with `remainingAttempts`: ask again and call this again
 * with the same state. `OSIGU_OTP_ATTEMPTS_EXHAUSTED` and `OSIGU_OTP_EXPIRED` mean the code can no
 * longer succeed: {@link resendDispensingOtp}, then try again with the new state.
 *
 * @throws {OsiguDispensingError} For the OTP outcomes above, `OSIGU_OTP_REQUIRED` without an `otp`,
 *   and `OSIGU_DISPENSING_STATE_INVALID` for a state this package did not write.
 * @throws {OsiguApiError} When a call fails otherwise (404 unknown dispensation, 422 completed already, …).
 */
export async function completeDispensing(
  client: OsiguClient,
  state: DispensingState,
  input: CompleteDispensingInput,
): Promise<DispensingResult> {
  checkState(state);
  const { dispensationId } = state;
  let otpVerificationToken: string | undefined;
  if (state.verification === 'OTP') {
    if (input.otp === undefined || input.otp === '') {
      throw new OsiguDispensingError('The sponsor requires the beneficiary’s OTP to complete this dispensation.', {
        code: OsiguErrorCode.otpRequired,
        hint: 'Ask the beneficiary for the code OSIGU sent them and pass it as otp.',
        dispensationId,
      });
    }
    otpVerificationToken = await validateOtp(client, state, input.otp);
    input.onStep?.({ step: 'otp-validated', dispensationId, otpId: state.otpId });
  }
  const { sale } = input;
  const completed = unwrap(
    await client.POST('/dispensing/v1/dispensations/{dispensation_id}/complete', {
      params: { path: { dispensation_id: dispensationId } },
      body: {
        amount: sale.amount,
        document_number: sale.documentNumber,
        document_date: sale.documentDate,
        document_serial: sale.documentSerial,
        provider_transaction_id: sale.providerTransactionId,
        document_digital_signature: sale.documentDigitalSignature,
        provider_slug: sale.providerSlug,
        otp_verification_token: otpVerificationToken,
      },
    }),
  );
  input.onStep?.({ step: 'completed', dispensationId });
  return { dispensationId: completed.dispensation_id, status: completed.status, completedAt: completed.completed_at };
}

async function sendOtp(
  client: OsiguClient,
  state: { dispensationId: string; beneficiaryId: string; sponsorSlug: string },
  channel: OsiguOtpChannel,
  onStep: ((step: DispensingStep) => void) | undefined,
): Promise<{ verification: 'OTP'; otpId: string; otpExpiresAt: string; otpChannel: OsiguOtpChannel }> {
  const sent = unwrap(
    await client.POST('/v1/otp/send', { body: { beneficiary_id: state.beneficiaryId, sponsor_slug: state.sponsorSlug, channel } }),
  );
  onStep?.({ step: 'otp-sent', dispensationId: state.dispensationId, otpId: sent.otp_id, channel });
  return { verification: 'OTP', otpId: sent.otp_id, otpExpiresAt: sent.expires_at, otpChannel: channel };
}

async function validateOtp(client: OsiguClient, state: DispensingState & { verification: 'OTP' }, otp: string): Promise<string> {
  const { dispensationId } = state;
  try {
    return unwrap(await client.POST('/v1/otp/validate', { body: { otp_id: state.otpId, code: otp } })).otp_verification_token;
  } catch (error) {
    if (!(ApiError.isInstance(error) && error.status === 422)) throw error;
    const remainingAttempts = remainingAttemptsOf(error.body);
    // OSIGU answers an expired code and a used-up challenge alike (422, no attempts left); the
    // expiry it announced tells them apart without reading its free-text message.
    if (Date.parse(state.otpExpiresAt) <= Date.now()) {
      throw new OsiguDispensingError('The OTP has expired.', {
        code: OsiguErrorCode.otpExpired,
        hint: 'Send a new code with resendDispensingOtp and ask the beneficiary for it.',
        dispensationId,
        cause: error,
      });
    }
    if (remainingAttempts === undefined || remainingAttempts <= 0) {
      throw new OsiguDispensingError('The OTP was entered wrongly too many times.', {
        code: OsiguErrorCode.otpAttemptsExhausted,
        hint: 'Send a new code with resendDispensingOtp and ask the beneficiary for it.',
        dispensationId,
        cause: error,
      });
    }
    throw new OsiguDispensingError(`The OTP does not match; ${remainingAttempts} attempt(s) left.`, {
      code: OsiguErrorCode.otpInvalid,
      hint: 'Ask the beneficiary to read the code out again and call completeDispensing again with the same state.',
      dispensationId,
      remainingAttempts,
      cause: error,
    });
  }
}

function remainingAttemptsOf(body: unknown): number | undefined {
  const details = (body as { additional_information?: { remaining_attempts?: unknown } } | null | undefined)?.additional_information;
  return typeof details?.remaining_attempts === 'number' ? details.remaining_attempts : undefined;
}

/** A state read back from storage may be anything: check the parts this module relies on. */
function checkState(state: DispensingState): void {
  const candidate = state as Partial<Record<string, unknown>> | null;
  const valid =
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.version === 1 &&
    typeof candidate.dispensationId === 'string' &&
    typeof candidate.beneficiaryId === 'string' &&
    typeof candidate.sponsorSlug === 'string' &&
    (candidate.verification === 'NONE' ||
      (candidate.verification === 'OTP' && typeof candidate.otpId === 'string' && typeof candidate.otpExpiresAt === 'string'));
  if (!valid) {
    throw new OsiguDispensingError('The dispensing state is not one startDispensing returned.', {
      code: OsiguErrorCode.dispensingStateInvalid,
      hint: 'Pass the object startDispensing or resendDispensingOtp returned (after JSON.parse when you stored it as text).',
      dispensationId: typeof candidate?.dispensationId === 'string' ? candidate.dispensationId : 'unknown',
    });
  }
}
