import { randomUUID } from 'node:crypto';
import { documentPolicyLimits, type IndicationFileType, type ProductType } from './sandbox-data.js';
import { osiguError, type SimulatedResponse } from './simulated-response.js';
import type { SponsorDirectory } from './sponsor-directory.js';
import type { WebhookDelivery } from './webhook-delivery.js';

/** One requested product (`AuthorizationRequestProduct`). */
export interface RequestedProduct {
  product_code: string;
  product_type: ProductType;
  quantity: number;
  posology: string;
}

/** The body of `createAuthorizationRequest`. */
export interface CreateAuthorizationRequestBody {
  beneficiary_id: string;
  sponsor_slug: string;
  diagnosis_code: string;
  products: RequestedProduct[];
  [field: string]: unknown;
}

/** An authorization a sponsor decided (`Authorization`). */
export interface IssuedAuthorization {
  authorization_id: string;
  authorization_code: string;
  product_type: ProductType;
  status: 'APPROVED' | 'REJECTED' | 'MANUAL_APPROVAL_REQUIRED';
  expires_at?: string;
  rejection_reason?: string;
  products: RequestedProduct[];
  authorization_request_id: string;
  beneficiary_id: string;
  sponsor_slug: string;
  diagnosis_code: string;
}

interface StoredRequest {
  body: CreateAuthorizationRequestBody;
  id: string;
  status: 'PENDING_INDICATION' | 'PENDING_SPONSOR' | 'COMPLETED';
  createdAt: string;
  updatedAt: string;
  attachedFileTypes: Set<IndicationFileType>;
  authorizations: IssuedAuthorization[];
}

/** An attached indication file, as either upload variant hands it over. */
export interface IndicationFile {
  fileType: IndicationFileType;
  contentType: string;
  size: number;
}

/** Settings of {@link AuthorizationRequests}. */
export interface AuthorizationRequestSettings {
  directory: SponsorDirectory;
  webhooks: WebhookDelivery;
  /** How long an asynchronous sponsor takes to decide after `complete`. */
  sponsorDecisionDelayMilliseconds: number;
  onLog: (line: string) => void;
}

const authorizationValidityMilliseconds = 30 * 24 * 60 * 60_000;

/**
 * Authorization requests with real state (O-qs steps 3 to 5): created `PENDING_INDICATION`, they stay there until
 * every indication file type the sponsor's document policy requires is attached; `complete` then has a synchronous
 * sponsor answer `COMPLETED` with its authorizations (one per product type), and an asynchronous one `PENDING_SPONSOR`,
 * deciding after a delay and publishing `authorization.created` or `authorization.rejected` for each authorization.
 */
export class AuthorizationRequests {
  readonly #settings: AuthorizationRequestSettings;
  readonly #requests = new Map<string, StoredRequest>();
  readonly #authorizations = new Map<string, IssuedAuthorization>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #codes = 0;

  constructor(settings: AuthorizationRequestSettings) {
    this.#settings = settings;
  }

  /** The authorization of `code`, for dispensing and claims. */
  authorization(code: string): IssuedAuthorization | undefined {
    return this.#authorizations.get(code);
  }

  /** `POST /arc/v1/authorization-requests`: 403, 422 (sponsor-required fields, product not registered) or 202. */
  create(body: CreateAuthorizationRequestBody): SimulatedResponse {
    const { directory } = this.#settings;
    const lookup = directory.sponsor(body.sponsor_slug);
    if (!lookup.ok) {
      // The create operation declares no 404: an unknown sponsor is a validation error of the body.
      return lookup.response.status === 404
        ? osiguError(422, `Unknown sponsor ${body.sponsor_slug}`, { sponsor_slug: body.sponsor_slug })
        : lookup.response;
    }
    const { sponsor } = lookup;
    const missing = sponsor.requiredFields.filter((field) => body[field] === undefined || body[field] === '');
    if (missing.length > 0) return osiguError(422, 'Validation error', { sponsor_slug: sponsor.slug, missing_fields: missing });
    const authorizationType = body.authorization_type as string | undefined;
    if (authorizationType !== undefined && !(sponsor.authorizationTypes as readonly string[]).includes(authorizationType)) {
      return osiguError(422, `Sponsor ${sponsor.slug} does not accept authorization_type ${authorizationType}`, {
        sponsor_slug: sponsor.slug,
      });
    }
    for (const product of body.products) {
      if (!directory.isRegistered(product.product_code)) {
        return osiguError(422, 'Product not registered', { product_code: product.product_code }, '071-104');
      }
      const known = directory.product(product.product_code);
      if (known?.productType !== product.product_type) {
        return osiguError(422, `Product ${product.product_code} is not of type ${product.product_type}`, {
          product_code: product.product_code,
        });
      }
    }
    const beneficiary = directory.beneficiary(sponsor.slug, body.beneficiary_id);
    if (beneficiary === undefined || !beneficiary.active) {
      return osiguError(422, 'Beneficiary not found or coverage inactive', { sponsor_slug: sponsor.slug });
    }
    const now = new Date().toISOString();
    const stored: StoredRequest = {
      body,
      id: `areq_${randomUUID()}`,
      status: 'PENDING_INDICATION',
      createdAt: now,
      updatedAt: now,
      attachedFileTypes: new Set(),
      authorizations: [],
    };
    this.#requests.set(stored.id, stored);
    return { status: 202, body: { authorization_request_id: stored.id, status: stored.status, created_at: stored.createdAt } };
  }

  /** `GET /arc/v1/authorization-requests/{id}`: the request as created, with its status and authorizations. */
  get(id: string): SimulatedResponse {
    const stored = this.#requests.get(id);
    if (stored === undefined) return notFound(id);
    const { beneficiary_id, sponsor_slug, diagnosis_code, products } = stored.body;
    return {
      status: 200,
      body: {
        id: stored.id,
        status: stored.status,
        beneficiary_id,
        sponsor_slug,
        diagnosis_code,
        products,
        created_at: stored.createdAt,
        updated_at: stored.updatedAt,
        authorizations: stored.authorizations.map(publicAuthorization),
      },
    };
  }

  /** Either upload variant: 404, 422 (already submitted, content type), 413 (too large) or 204. */
  attach(id: string, file: IndicationFile): SimulatedResponse {
    const stored = this.#requests.get(id);
    if (stored === undefined) return notFound(id);
    if (stored.status !== 'PENDING_INDICATION')
      return osiguError(422, `The request is ${stored.status}; indications can no longer be attached`);
    if (!(documentPolicyLimits.acceptedContentTypes as readonly string[]).includes(file.contentType)) {
      return osiguError(422, `Content type ${file.contentType} is not accepted`, { sponsor_slug: stored.body.sponsor_slug });
    }
    if (file.size > documentPolicyLimits.maxFileSizeBytes) {
      return osiguError(413, 'File exceeds the maximum size', { max_file_size_bytes: documentPolicyLimits.maxFileSizeBytes });
    }
    if (file.size === 0) return osiguError(422, 'The file is empty');
    stored.attachedFileTypes.add(file.fileType);
    stored.updatedAt = new Date().toISOString();
    return { status: 204 };
  }

  /** `POST …/{id}/complete`: 202 PENDING_INDICATION while a required file type is missing; else the sponsor's answer. */
  complete(id: string): SimulatedResponse {
    const stored = this.#requests.get(id);
    if (stored === undefined) return notFound(id);
    const lookup = this.#settings.directory.sponsor(stored.body.sponsor_slug);
    if (!lookup.ok) return lookup.response;
    if (stored.status === 'COMPLETED') return this.#completed(stored);
    if (stored.status === 'PENDING_SPONSOR') return { status: 202, body: { authorization_request_id: id, status: 'PENDING_SPONSOR' } };
    const missing = lookup.sponsor.requiredFileTypes.filter((type) => !stored.attachedFileTypes.has(type));
    if (missing.length > 0) {
      this.#settings.onLog(`authorization request ${id} stays PENDING_INDICATION: ${missing.join(', ')} not attached`);
      return { status: 202, body: { authorization_request_id: id, status: 'PENDING_INDICATION' } };
    }
    if (lookup.sponsor.processingMode === 'SYNC') {
      this.#decide(stored);
      return this.#completed(stored);
    }
    stored.status = 'PENDING_SPONSOR';
    stored.updatedAt = new Date().toISOString();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#decide(stored);
      for (const authorization of stored.authorizations) this.#publish(authorization);
    }, this.#settings.sponsorDecisionDelayMilliseconds);
    this.#timers.add(timer);
    return { status: 202, body: { authorization_request_id: id, status: 'PENDING_SPONSOR' } };
  }

  /** Cancels the decisions of asynchronous sponsors still under way. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #completed(stored: StoredRequest): SimulatedResponse {
    return {
      status: 200,
      body: { authorization_request_id: stored.id, status: 'COMPLETED', authorizations: stored.authorizations.map(publicAuthorization) },
    };
  }

  /** The sponsor's decision: one authorization per product type, rejected if any of its products is, as designated. */
  #decide(stored: StoredRequest): void {
    const { directory } = this.#settings;
    const byType = new Map<ProductType, RequestedProduct[]>();
    for (const product of stored.body.products) byType.set(product.product_type, [...(byType.get(product.product_type) ?? []), product]);
    const beneficiary = directory.beneficiary(stored.body.sponsor_slug, stored.body.beneficiary_id);
    for (const [productType, products] of byType) {
      const decisions = products.map((product) => ({ product, decision: directory.product(product.product_code)?.decision ?? 'APPROVE' }));
      const rejected = decisions.filter(({ decision }) => decision === 'REJECT').map(({ product }) => product.product_code);
      const code = `AUTH-${new Date().getUTCFullYear()}-${String(++this.#codes).padStart(6, '0')}`;
      const authorization: IssuedAuthorization = {
        authorization_id: `auth_${randomUUID()}`,
        authorization_code: code,
        product_type: productType,
        status:
          rejected.length > 0
            ? 'REJECTED'
            : decisions.some(({ decision }) => decision === 'REVIEW')
              ? 'MANUAL_APPROVAL_REQUIRED'
              : 'APPROVED',
        products,
        authorization_request_id: stored.id,
        beneficiary_id: stored.body.beneficiary_id,
        sponsor_slug: stored.body.sponsor_slug,
        diagnosis_code: stored.body.diagnosis_code,
      };
      if (authorization.status === 'REJECTED') {
        authorization.rejection_reason = `${rejected.join(', ')} ${rejected.length === 1 ? 'is' : 'are'} not covered by plan ${beneficiary?.planCode ?? 'of the beneficiary'} for diagnosis ${stored.body.diagnosis_code}`;
      } else {
        authorization.expires_at = new Date(Date.now() + authorizationValidityMilliseconds).toISOString();
      }
      stored.authorizations.push(authorization);
      this.#authorizations.set(code, authorization);
    }
    stored.status = 'COMPLETED';
    stored.updatedAt = new Date().toISOString();
    // Statuses only: authorization codes are sensitive (x-coverlink-sensitive) and stay out of log lines.
    this.#settings.onLog(
      `authorization request ${stored.id} COMPLETED: ${stored.authorizations.map((authorization) => `${authorization.product_type} ${authorization.status}`).join(', ')}`,
    );
  }

  #publish(authorization: IssuedAuthorization): void {
    const { webhooks } = this.#settings;
    if (authorization.status === 'REJECTED') {
      webhooks.publish('authorization.rejected', {
        authorization_request_id: authorization.authorization_request_id,
        authorization_code: authorization.authorization_code,
        beneficiary_id: authorization.beneficiary_id,
        sponsor_slug: authorization.sponsor_slug,
        product_type: authorization.product_type,
        rejection_reason: authorization.rejection_reason,
      });
      return;
    }
    webhooks.publish('authorization.created', {
      authorization_id: authorization.authorization_id,
      authorization_code: authorization.authorization_code,
      authorization_request_id: authorization.authorization_request_id,
      beneficiary_id: authorization.beneficiary_id,
      sponsor_slug: authorization.sponsor_slug,
      product_type: authorization.product_type,
      products: authorization.products.map(({ product_code, quantity, posology }) => ({ product_code, quantity, posology })),
      expires_at: authorization.expires_at,
      sponsor_reference: `SPN-${authorization.authorization_code.slice(-6)}`,
      additional_data: {},
    });
  }
}

/** The authorization as the API shows it (`Authorization`). */
function publicAuthorization(authorization: IssuedAuthorization): Record<string, unknown> {
  const { authorization_code, product_type, status, expires_at, rejection_reason } = authorization;
  return status === 'REJECTED'
    ? { authorization_code, product_type, status, rejection_reason }
    : { authorization_code, product_type, status, expires_at };
}

function notFound(id: string): SimulatedResponse {
  return osiguError(404, 'Resource not found', { id });
}
