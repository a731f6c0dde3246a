import { randomUUID } from 'node:crypto';
import type { AuthorizationRequests } from './authorization-requests.js';
import { osiguError, type SimulatedResponse } from './simulated-response.js';

/** The body of `createOutpatientCareClaim`. */
export interface CreateClaimBody {
  authorization_code: string;
  beneficiary_id: string;
  sponsor_slug: string;
  diagnosis_code?: string;
  service_date?: string;
  products: { product_code: string; quantity: number; unit_price: number }[];
}

interface StoredClaim {
  body: CreateClaimBody;
  id: string;
  status: 'OPEN' | 'IN_PROGRESS' | 'COMPLETED';
  createdAt: string;
  updatedAt: string;
}

/** Settings of {@link OutpatientClaims}. */
export interface OutpatientClaimSettings {
  authorizations: AuthorizationRequests;
  /** How long the sponsor takes to settle a submitted claim (IN_PROGRESS → COMPLETED). */
  claimProcessingDelayMilliseconds: number;
  onLog: (line: string) => void;
}

/**
 * Outpatient care claims (O-claim) through completion: created `OPEN` for an approved authorization of the same
 * beneficiary and sponsor, `complete` submits it (`IN_PROGRESS`), and the sponsor settles it `COMPLETED` after a delay.
 */
export class OutpatientClaims {
  readonly #settings: OutpatientClaimSettings;
  readonly #claims = new Map<string, StoredClaim>();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(settings: OutpatientClaimSettings) {
    this.#settings = settings;
  }

  /** `POST /arc/v1/outpatient-care-claim`. */
  create(body: CreateClaimBody): SimulatedResponse {
    const authorization = this.#settings.authorizations.authorization(body.authorization_code);
    if (authorization === undefined) return osiguError(422, 'Authorization not found');
    if (authorization.beneficiary_id !== body.beneficiary_id || authorization.sponsor_slug !== body.sponsor_slug) {
      return osiguError(422, 'The authorization belongs to another beneficiary or sponsor', { sponsor_slug: body.sponsor_slug });
    }
    if (authorization.status !== 'APPROVED') return osiguError(422, `The authorization is ${authorization.status} and cannot be claimed`);
    if (body.products.length === 0) return osiguError(422, 'A claim needs at least one product');
    const now = new Date().toISOString();
    const claim: StoredClaim = { body, id: `clm_${randomUUID()}`, status: 'OPEN', createdAt: now, updatedAt: now };
    this.#claims.set(claim.id, claim);
    return { status: 201, body: { claim_id: claim.id, status: claim.status, created_at: claim.createdAt } };
  }

  /** `GET /arc/v1/outpatient-care-claim/{id}`. */
  get(id: string): SimulatedResponse {
    const claim = this.#claims.get(id);
    if (claim === undefined) return osiguError(404, 'Resource not found', { id });
    return { status: 200, body: this.#view(claim) };
  }

  /** `POST /arc/v1/outpatient-care-claim/{id}/complete`: 422 unless OPEN; 200 IN_PROGRESS, settled later. */
  complete(id: string): SimulatedResponse {
    const claim = this.#claims.get(id);
    if (claim === undefined) return osiguError(404, 'Resource not found', { id });
    if (claim.status !== 'OPEN') return osiguError(422, `The claim is ${claim.status}; only an OPEN claim can be completed`);
    claim.status = 'IN_PROGRESS';
    claim.updatedAt = new Date().toISOString();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      claim.status = 'COMPLETED';
      claim.updatedAt = new Date().toISOString();
      this.#settings.onLog(`claim ${claim.id} COMPLETED`);
    }, this.#settings.claimProcessingDelayMilliseconds);
    this.#timers.add(timer);
    return { status: 200, body: this.#view(claim) };
  }

  /** Cancels settlements under way. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #view(claim: StoredClaim): Record<string, unknown> {
    const totalAmount = claim.body.products.reduce((sum, product) => sum + product.quantity * product.unit_price, 0);
    return {
      claim_id: claim.id,
      status: claim.status,
      ...claim.body,
      total_amount: Math.round(totalAmount * 100) / 100,
      created_at: claim.createdAt,
      updated_at: claim.updatedAt,
    };
  }
}
