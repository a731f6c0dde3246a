// The seeded sandbox of the simulator: what OSIGU onboarding would give an integrator (a client, sponsors, test
// beneficiaries, registered products), plus the designated test inputs that play each troubleshooting row of the
// quickstart, like a card issuer's test card numbers. The README's table lists the same values; keep them in step.

/** A product type of the spec (`ProductType`). */
export type ProductType = 'MEDICATION' | 'LAB' | 'IMAGING' | 'PROCEDURE';
/** An indication file type of the spec (`IndicationFileType`). */
export type IndicationFileType = 'MEDICAL_INDICATION' | 'PRESCRIPTION' | 'LAB_ORDER' | 'REFERRAL' | 'OTHER';
/** An authorization type of the spec (`AuthorizationType`). */
export type AuthorizationType = 'PRESCRIPTION' | 'MEDICAL_INDICATION' | 'LAB_ORDER' | 'PROCEDURE';

/** An OAuth client the token endpoint knows. */
export interface SimulatorClient {
  clientId: string;
  clientSecret: string;
}

/** The client every simulator knows unless `clients` is given: the CLI's local default credentials. */
export const demoClient = { clientId: 'demo-client', clientSecret: 'demo-secret' } as const satisfies SimulatorClient;

/** The provider the clients act for, as webhook envelopes name it. */
export const sandboxProvider = { provider_id: 'prv_01HW7A1B2C3D4E5F6G7H8J9K0M', provider_slug: 'provider-sandbox' } as const;

/** One field of a sponsor's beneficiary search form (`SponsorFormField`). */
export interface SearchFormField {
  name: string;
  label: string;
  type: 'string' | 'date' | 'enum';
  required: boolean;
  options?: { value: string; label: string }[];
}

/** A sponsor of the sandbox and its rules. */
export interface SandboxSponsor {
  slug: string;
  /** Whether the sandbox provider is affiliated with it; when not, everything about it answers 403. */
  affiliated: boolean;
  /** SYNC answers `complete` with the outcome; ASYNC answers PENDING_SPONSOR and notifies by webhook. */
  processingMode: 'SYNC' | 'ASYNC';
  /** Beneficiary verification at dispensing. */
  verification: 'NONE' | 'OTP' | 'BIOMETRIC';
  /** `createAuthorizationRequest` body fields the sponsor requires. */
  requiredFields: readonly string[];
  /** The `authorization_type`s it accepts. */
  authorizationTypes: readonly AuthorizationType[];
  /** Indication file types that must all be attached before `complete` moves the request on. */
  requiredFileTypes: readonly IndicationFileType[];
  /** Its beneficiary search form. */
  searchForm: readonly SearchFormField[];
}

const documentForm: SearchFormField[] = [
  {
    name: 'document_type',
    label: 'Document type',
    type: 'enum',
    required: true,
    options: [
      { value: 'CC', label: 'Cedula de ciudadania' },
      { value: 'CE', label: 'Cedula de extranjeria' },
      { value: 'PA', label: 'Passport' },
    ],
  },
  { name: 'document_number', label: 'Document number', type: 'string', required: true },
];

const minimumRequestFields = ['beneficiary_id', 'sponsor_slug', 'diagnosis_code', 'products'];

/** The sandbox sponsors, by slug. */
export const sandboxSponsors: ReadonlyMap<string, SandboxSponsor> = new Map(
  [
    {
      // The spec's example sponsor (getSponsorConfiguration's example): synchronous, OTP, and it requires the
      // prescriber's licence number, so the quickstart's minimum body ends in a 422 here.
      slug: 'sponsor-sandbox',
      affiliated: true,
      processingMode: 'SYNC',
      verification: 'OTP',
      requiredFields: [...minimumRequestFields, 'professional_license_number'],
      authorizationTypes: ['PRESCRIPTION', 'MEDICAL_INDICATION'],
      requiredFileTypes: ['MEDICAL_INDICATION'],
      searchForm: documentForm,
    },
    {
      // The quickstart's other sandbox name: an asynchronous sponsor that decides later and notifies by webhook.
      slug: 'demo-insurer',
      affiliated: true,
      processingMode: 'ASYNC',
      verification: 'NONE',
      requiredFields: minimumRequestFields,
      authorizationTypes: ['PRESCRIPTION', 'MEDICAL_INDICATION', 'LAB_ORDER', 'PROCEDURE'],
      requiredFileTypes: ['PRESCRIPTION'],
      searchForm: [
        { name: 'member_id', label: 'Member id', type: 'string', required: true },
        { name: 'birthdate', label: 'Birthdate', type: 'date', required: true },
      ],
    },
    {
      // Troubleshooting row "403 Forbidden on beneficiary search": the provider is not affiliated.
      slug: 'sponsor-unaffiliated',
      affiliated: false,
      processingMode: 'SYNC',
      verification: 'NONE',
      requiredFields: minimumRequestFields,
      authorizationTypes: ['PRESCRIPTION'],
      requiredFileTypes: ['MEDICAL_INDICATION'],
      searchForm: documentForm,
    },
  ].map((sponsor) => [sponsor.slug, sponsor as SandboxSponsor]),
);

/** What the document policy says beyond the required file types (the spec's example values). */
export const documentPolicyLimits = {
  acceptedContentTypes: ['application/pdf', 'image/png', 'image/jpeg'],
  maxFileSizeBytes: 10 * 1024 * 1024,
} as const;

/** A test beneficiary in a sponsor's directory. */
export interface SandboxBeneficiary {
  sponsorSlug: string;
  /** The search form values that find it. */
  search: Readonly<Record<string, string>>;
  beneficiaryId: string;
  firstName: string;
  lastName: string;
  planCode: string;
  /** An inactive coverage is found but answered 404 (troubleshooting row "404 on beneficiary search"). */
  active: boolean;
  effectiveUntil: string;
}

/** The seeded test beneficiaries. */
export const sandboxBeneficiaries: readonly SandboxBeneficiary[] = [
  {
    sponsorSlug: 'sponsor-sandbox',
    search: { document_type: 'CC', document_number: '123456789' },
    beneficiaryId: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O',
    firstName: 'MARIA',
    lastName: 'GONZALEZ',
    planCode: 'GOLD-100',
    active: true,
    effectiveUntil: '2027-01-31',
  },
  {
    sponsorSlug: 'sponsor-sandbox',
    search: { document_type: 'CC', document_number: '000000410' },
    beneficiaryId: 'bnf_01HW8GQ2KMNP3F4R5T6Y7U8INA',
    firstName: 'PEDRO',
    lastName: 'INACTIVO',
    planCode: 'GOLD-100',
    active: false,
    effectiveUntil: '2025-12-31',
  },
  {
    sponsorSlug: 'demo-insurer',
    search: { member_id: 'GOLD-100-0042', birthdate: '1986-03-14' },
    beneficiaryId: 'bnf_01HW9DM0J4QK7N2P5R8T1V3X6Z',
    firstName: 'JUAN',
    lastName: 'PEREZ',
    planCode: 'GOLD-100',
    active: true,
    effectiveUntil: '2027-06-30',
  },
];

/** A catalogue product and what the sandbox sponsors decide about it. */
export interface SandboxProduct {
  productCode: string;
  productType: ProductType;
  name: string;
  unitPrice: number;
  /** APPROVE, REJECT (with a reason) or REVIEW (MANUAL_APPROVAL_REQUIRED): the designated outcomes. */
  decision: 'APPROVE' | 'REJECT' | 'REVIEW';
}

/** The catalogue (`listProducts`). */
export const sandboxCatalogue: readonly SandboxProduct[] = [
  { productCode: 'MED-042', productType: 'MEDICATION', name: 'Acetaminophen 500 mg tablet', unitPrice: 1250.5, decision: 'APPROVE' },
  { productCode: 'MED-104', productType: 'MEDICATION', name: 'Ibuprofen 400 mg tablet', unitPrice: 980, decision: 'APPROVE' },
  { productCode: 'MED-777', productType: 'MEDICATION', name: 'Adalimumab 40 mg pen', unitPrice: 1_850_000, decision: 'REVIEW' },
  { productCode: 'MED-999', productType: 'MEDICATION', name: 'Sildenafil 50 mg tablet', unitPrice: 4200, decision: 'REJECT' },
  { productCode: 'LAB-110', productType: 'LAB', name: 'Complete blood count', unitPrice: 35_000, decision: 'APPROVE' },
  { productCode: 'IMG-220', productType: 'IMAGING', name: 'Chest X-ray', unitPrice: 90_000, decision: 'APPROVE' },
  { productCode: 'PRC-330', productType: 'PROCEDURE', name: 'Minor wound suture', unitPrice: 150_000, decision: 'APPROVE' },
];

/**
 * The products the sandbox provider has registered at start. `MED-104` is in the catalogue but not registered:
 * requesting it answers 422 `071-104` "Product not registered" until `registerProviderProduct` adds it (O-pp).
 */
export const initiallyRegisteredProducts: readonly string[] = sandboxCatalogue
  .map((product) => product.productCode)
  .filter((code) => code !== 'MED-104');

/** The designated test inputs, one per troubleshooting row and outcome; the README's table lists them. */
export const testInputs = {
  /** A client id the token endpoint does not know: 401 `invalid_client`. */
  unknownClientId: 'unknown-client',
  /** A sponsor the provider is not affiliated with: 403 `071-403` on search, forms, configuration and requests. */
  unaffiliatedSponsor: 'sponsor-unaffiliated',
  /** A document number no beneficiary has (any other unknown value too): 404 "Beneficiary not found". */
  unknownDocumentNumber: '000000404',
  /** A beneficiary whose coverage ended: 404 "Beneficiary coverage is not active". */
  inactiveCoverageDocumentNumber: '000000410',
  /** A product the sponsors reject: the authorization is REJECTED with a `rejection_reason`. */
  rejectedProductCode: 'MED-999',
  /** A product the sponsors send to manual review: MANUAL_APPROVAL_REQUIRED. */
  manualReviewProductCode: 'MED-777',
  /** A catalogue product the provider has not registered: 422 `071-104`. */
  unregisteredProductCode: 'MED-104',
} as const;
