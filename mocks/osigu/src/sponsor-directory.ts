import {
  documentPolicyLimits,
  initiallyRegisteredProducts,
  type ProductType,
  type SandboxSponsor,
  sandboxBeneficiaries,
  sandboxCatalogue,
  sandboxSponsors,
} from './sandbox-data.js';
import { osiguError, type SimulatedResponse } from './simulated-response.js';

/** A sponsor that may be used, or the answer that refuses it (404 unknown, 403 not affiliated). */
export type SponsorLookup = { ok: true; sponsor: SandboxSponsor } | { ok: false; response: SimulatedResponse };

/** What a product listing asks: the spec's `product_type` and `query` filters, `page` (zero-based) and `size`. */
export interface ProductListing {
  productType?: ProductType | undefined;
  query?: string | undefined;
  page: number;
  size: number;
  /** The listing's own URL, for the `self` link. */
  selfUrl: string;
}

/** Paging as the spec's `page` (zero-based) and `size` parameters, with the D-pagination body. */
export function pageOf<T>(items: readonly T[], page: number, size: number, selfUrl: string): SimulatedResponse {
  return {
    status: 200,
    body: {
      content: items.slice(page * size, page * size + size),
      page: { size, total_elements: items.length, total_pages: Math.ceil(items.length / size), number: page },
      links: [{ rel: 'self', href: selfUrl }],
    },
  };
}

/**
 * The sponsors, their directories and rules, and the provider's registered products: `listSponsorForms`,
 * `searchBeneficiary`, `getSponsorConfiguration`, `getAuthorizationDocumentPolicy` and the provider-product
 * operations, answered from the seeded sandbox (sandbox-data.ts).
 */
export class SponsorDirectory {
  readonly #registered = new Map<string, string>(initiallyRegisteredProducts.map((code) => [code, new Date(0).toISOString()]));

  /** The sponsor of `slug`, if the sandbox provider may use it. */
  sponsor(slug: string): SponsorLookup {
    const sponsor = sandboxSponsors.get(slug);
    if (sponsor === undefined) return { ok: false, response: osiguError(404, `Sponsor ${slug} not found`, { sponsor_slug: slug }) };
    if (!sponsor.affiliated) {
      return { ok: false, response: osiguError(403, `Provider is not affiliated with sponsor ${slug}`, { sponsor_slug: slug }) };
    }
    return { ok: true, sponsor };
  }

  /** `GET /v1/sponsors/{slug}/forms`. */
  forms(slug: string): SimulatedResponse {
    const lookup = this.sponsor(slug);
    if (!lookup.ok) return lookup.response;
    return { status: 200, body: { sponsor_slug: slug, fields: lookup.sponsor.searchForm } };
  }

  /** `POST /v1/sponsors/{slug}/search`: 422 for a missing form field, 404 for no match or an inactive coverage. */
  search(slug: string, fields: Record<string, string>): SimulatedResponse {
    const lookup = this.sponsor(slug);
    if (!lookup.ok) return lookup.response;
    const missing = lookup.sponsor.searchForm.filter((field) => field.required && !fields[field.name]).map((field) => field.name);
    if (missing.length > 0) return osiguError(422, 'Validation error', { missing_fields: missing });
    const found = sandboxBeneficiaries.find(
      (beneficiary) =>
        beneficiary.sponsorSlug === slug && Object.entries(beneficiary.search).every(([name, value]) => fields[name] === value),
    );
    if (found === undefined) return osiguError(404, 'Beneficiary not found', { sponsor_slug: slug });
    if (!found.active) return osiguError(404, 'Beneficiary coverage is not active', { sponsor_slug: slug });
    return {
      status: 200,
      body: {
        beneficiary_id: found.beneficiaryId,
        first_name: found.firstName,
        last_name: found.lastName,
        coverage: { plan_code: found.planCode, active: true, effective_until: found.effectiveUntil },
      },
    };
  }

  /** `GET /arc/v1/sponsors/{slug}/configuration?product_type=`. */
  configuration(slug: string, productType: ProductType): SimulatedResponse {
    const lookup = this.sponsor(slug);
    if (!lookup.ok) return lookup.response;
    const { sponsor } = lookup;
    return {
      status: 200,
      body: {
        sponsor_slug: slug,
        product_type: productType,
        required_fields: sponsor.requiredFields,
        authorization_types: sponsor.authorizationTypes,
        verification: sponsor.verification,
        processing_mode: sponsor.processingMode,
      },
    };
  }

  /** `GET /arc/v1/sponsors/{slug}/document-policy?product_type=`. */
  documentPolicy(slug: string, productType: ProductType): SimulatedResponse {
    const lookup = this.sponsor(slug);
    if (!lookup.ok) return lookup.response;
    return {
      status: 200,
      body: {
        sponsor_slug: slug,
        product_type: productType,
        required_file_types: lookup.sponsor.requiredFileTypes,
        accepted_content_types: documentPolicyLimits.acceptedContentTypes,
        max_file_size_bytes: documentPolicyLimits.maxFileSizeBytes,
      },
    };
  }

  /** The beneficiary id's record in the sponsor's directory, if there is one with an active coverage. */
  beneficiary(slug: string, beneficiaryId: string) {
    return sandboxBeneficiaries.find((beneficiary) => beneficiary.sponsorSlug === slug && beneficiary.beneficiaryId === beneficiaryId);
  }

  /** The catalogue product of `code`. */
  product(code: string) {
    return sandboxCatalogue.find((product) => product.productCode === code);
  }

  /** Whether the provider has registered `code`. */
  isRegistered(code: string): boolean {
    return this.#registered.has(code);
  }

  /** `POST /arc/v1/providers/products`: 201, or 422 for a code the catalogue does not have. */
  register(code: string): SimulatedResponse {
    if (this.product(code) === undefined) return osiguError(422, 'Product not found in the catalogue', { product_code: code });
    const registeredAt = this.#registered.get(code) ?? new Date().toISOString();
    this.#registered.set(code, registeredAt);
    return { status: 201, body: { product_code: code, registered_at: registeredAt } };
  }

  /** `DELETE /arc/v1/providers/products/{code}`. */
  unregister(code: string): SimulatedResponse {
    if (!this.#registered.delete(code)) return osiguError(404, `Product ${code} is not registered`, { product_code: code });
    return { status: 204 };
  }

  /** `GET /arc/v1/providers/products`. */
  registeredProducts(listing: ProductListing): SimulatedResponse {
    const items = [...this.#registered]
      .map(([code, registeredAt]) => ({ product: this.product(code), registeredAt }))
      .filter(({ product }) => product !== undefined && matches(product, listing))
      .map(({ product, registeredAt }) => ({
        product_code: product?.productCode,
        product_type: product?.productType,
        name: product?.name,
        registered_at: registeredAt,
      }));
    return pageOf(items, listing.page, listing.size, listing.selfUrl);
  }

  /** `GET /arc/v1/products`. */
  catalogue(listing: ProductListing): SimulatedResponse {
    const items = sandboxCatalogue
      .filter((product) => matches(product, listing))
      .map((product) => ({ product_code: product.productCode, product_type: product.productType, name: product.name }));
    return pageOf(items, listing.page, listing.size, listing.selfUrl);
  }
}

function matches(
  product: { productCode: string; productType: ProductType; name: string },
  filter: { productType?: ProductType; query?: string },
) {
  if (filter.productType !== undefined && product.productType !== filter.productType) return false;
  const query = filter.query?.toLowerCase();
  return query === undefined || product.productCode.toLowerCase().includes(query) || product.name.toLowerCase().includes(query);
}
