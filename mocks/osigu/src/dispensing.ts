import { randomInt, randomUUID } from 'node:crypto';
import type { AuthorizationRequests } from './authorization-requests.js';
import { osiguError, type SimulatedResponse } from './simulated-response.js';
import type { SponsorDirectory } from './sponsor-directory.js';
import type { WebhookDelivery } from './webhook-delivery.js';

/** A one-time password as the simulator "sent" it: what a test reads instead of the beneficiary's phone. */
export interface SentOtp {
  otp_id: string;
  beneficiary_id: string;
  sponsor_slug: string;
  channel: 'SMS' | 'EMAIL';
  /** The six-digit code the beneficiary would receive. */
  code: string;
  expires_at: string;
}

interface StoredOtp extends SentOtp {
  remainingAttempts: number;
  verificationToken?: string;
}

interface StoredDispensation {
  id: string;
  code: string;
  authorizationId: string;
  beneficiaryId: string;
  sponsorSlug: string;
  verification: 'OTP' | 'BIOMETRIC' | null;
  products: { product_code: string; quantity: number; unit_price: number }[];
  status: 'STARTED' | 'COMPLETED';
}

/** Settings of {@link Dispensing}. */
export interface DispensingSettings {
  directory: SponsorDirectory;
  authorizations: AuthorizationRequests;
  webhooks: WebhookDelivery;
  /** How long an OTP stays valid. */
  otpLifetimeMilliseconds: number;
  onLog: (line: string) => void;
}

const otpAttempts = 3;

/**
 * Dispensing at the counter (O-disp): `startDispensation` with an approved authorization code, the OTP challenge when
 * the sponsor requires it (`sendOtp`, then `validateOtp` with the code from {@link Dispensing.sentOtps}), and
 * `completeDispensation`, which needs the verification token. Publishes `dispensing.started` and `dispensing.completed`.
 */
export class Dispensing {
  readonly #settings: DispensingSettings;
  readonly #dispensations = new Map<string, StoredDispensation>();
  readonly #otps = new Map<string, StoredOtp>();
  readonly #dispensedCodes = new Set<string>();

  constructor(settings: DispensingSettings) {
    this.#settings = settings;
  }

  /** Every OTP sent so far, oldest first: the sandbox's SMS outbox. */
  sentOtps(): SentOtp[] {
    return [...this.#otps.values()].map(({ otp_id, beneficiary_id, sponsor_slug, channel, code, expires_at }) => ({
      otp_id,
      beneficiary_id,
      sponsor_slug,
      channel,
      code,
      expires_at,
    }));
  }

  /** `POST /dispensing/v1/dispensations`: 404 for an unknown code, 422 when it cannot be dispensed, else 201. */
  start(body: { code: string; beneficiary_id: string }): SimulatedResponse {
    const authorization = this.#settings.authorizations.authorization(body.code);
    if (authorization === undefined) return osiguError(404, 'Authorization or prescription code not found');
    if (authorization.beneficiary_id !== body.beneficiary_id) return osiguError(422, 'The code belongs to another beneficiary');
    if (authorization.status !== 'APPROVED') return osiguError(422, `The authorization is ${authorization.status} and cannot be dispensed`);
    if (this.#dispensedCodes.has(body.code)) return osiguError(422, 'The authorization has been dispensed already');
    const lookup = this.#settings.directory.sponsor(authorization.sponsor_slug);
    if (!lookup.ok) return lookup.response;
    const verification = lookup.sponsor.verification === 'NONE' ? null : lookup.sponsor.verification;
    const dispensation: StoredDispensation = {
      id: `disp_${randomUUID()}`,
      code: body.code,
      authorizationId: authorization.authorization_id,
      beneficiaryId: body.beneficiary_id,
      sponsorSlug: authorization.sponsor_slug,
      verification,
      products: authorization.products.map((product) => ({
        product_code: product.product_code,
        quantity: product.quantity,
        unit_price: this.#settings.directory.product(product.product_code)?.unitPrice ?? 0,
      })),
      status: 'STARTED',
    };
    this.#dispensations.set(dispensation.id, dispensation);
    this.#settings.webhooks.publish('dispensing.started', {
      dispensation_id: dispensation.id,
      code: dispensation.code,
      code_type: 'AUTHORIZATION',
      beneficiary_id: dispensation.beneficiaryId,
      sponsor_slug: dispensation.sponsorSlug,
    });
    return {
      status: 201,
      body: {
        dispensation_id: dispensation.id,
        status: 'STARTED',
        code_type: 'AUTHORIZATION',
        products: dispensation.products,
        verification_required: verification,
      },
    };
  }

  /** `POST /v1/otp/send`: records the code in the outbox and answers its id. */
  sendOtp(body: { beneficiary_id: string; sponsor_slug: string; channel: 'SMS' | 'EMAIL' }): SimulatedResponse {
    const lookup = this.#settings.directory.sponsor(body.sponsor_slug);
    if (!lookup.ok) return lookup.response;
    if (this.#settings.directory.beneficiary(body.sponsor_slug, body.beneficiary_id) === undefined) {
      return osiguError(404, 'Beneficiary not found', { sponsor_slug: body.sponsor_slug });
    }
    const otp: StoredOtp = {
      otp_id: `otp_${randomUUID()}`,
      beneficiary_id: body.beneficiary_id,
      sponsor_slug: body.sponsor_slug,
      channel: body.channel,
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      expires_at: new Date(Date.now() + this.#settings.otpLifetimeMilliseconds).toISOString(),
      remainingAttempts: otpAttempts,
    };
    this.#otps.set(otp.otp_id, otp);
    // The code itself stays out of the log, as any secret does: tests read it from sentOtps().
    this.#settings.onLog(`OTP ${otp.otp_id} sent by ${otp.channel} (readable in sentOtps())`);
    return { status: 200, body: { otp_id: otp.otp_id, expires_at: otp.expires_at } };
  }

  /** `POST /v1/otp/validate`: 404 unknown, 422 wrong (with the attempts left) or expired, else the verification token. */
  validateOtp(body: { otp_id: string; code: string }): SimulatedResponse {
    const otp = this.#otps.get(body.otp_id);
    if (otp === undefined) return osiguError(404, 'OTP not found', { id: body.otp_id });
    if (Date.parse(otp.expires_at) <= Date.now()) return osiguError(422, 'OTP expired', { otp_id: otp.otp_id, remaining_attempts: 0 });
    if (otp.remainingAttempts <= 0)
      return osiguError(422, 'No attempts left; send a new OTP', { otp_id: otp.otp_id, remaining_attempts: 0 });
    if (body.code !== otp.code) {
      otp.remainingAttempts--;
      return osiguError(422, 'Invalid OTP code', { otp_id: otp.otp_id, remaining_attempts: otp.remainingAttempts });
    }
    otp.verificationToken ??= `otpv_${randomUUID()}`;
    return { status: 200, body: { otp_verification_token: otp.verificationToken } };
  }

  /** `POST /dispensing/v1/dispensations/{id}/complete`: 404, 422 (already complete, verification missing) or 200. */
  complete(id: string, body: { amount: number; otp_verification_token?: string }): SimulatedResponse {
    const dispensation = this.#dispensations.get(id);
    if (dispensation === undefined) return osiguError(404, 'Resource not found', { id });
    if (dispensation.status === 'COMPLETED') return osiguError(422, 'The dispensation is completed already');
    if (dispensation.verification === 'OTP') {
      const token = body.otp_verification_token;
      const verified = [...this.#otps.values()].some(
        (otp) => token !== undefined && otp.verificationToken === token && otp.beneficiary_id === dispensation.beneficiaryId,
      );
      if (!verified) return osiguError(422, 'OTP verification required: send otp_verification_token from validateOtp');
    }
    dispensation.status = 'COMPLETED';
    this.#dispensedCodes.add(dispensation.code);
    const completedAt = new Date().toISOString();
    this.#settings.webhooks.publish('dispensing.completed', {
      dispensation_id: dispensation.id,
      code: dispensation.code,
      code_type: 'AUTHORIZATION',
      authorization_id: dispensation.authorizationId,
      prescription_id: null,
      beneficiary_id: dispensation.beneficiaryId,
      sponsor_slug: dispensation.sponsorSlug,
      products: dispensation.products,
      total_amount: body.amount,
    });
    return { status: 200, body: { dispensation_id: dispensation.id, status: 'COMPLETED', completed_at: completedAt } };
  }
}
