import { multipartBody, safeCode, unwrap } from '@coverlink/core';
import type { components } from './generated/osigu.js';
import type { OsiguClient } from './osigu-client.js';
import { OsiguPreauthorizationError, OsiguPreauthorizationIncompleteError, type OsiguPreauthorizationShortfall } from './osigu-errors.js';
import { createOsiguSponsorRules, type OsiguSponsorRule, type OsiguSponsorRules } from './osigu-sponsor-rules.js';

type Schemas = components['schemas'];

/** One authorization issued by a sponsor. */
export type OsiguAuthorization = Schemas['Authorization'];
/** A product to authorize, as OSIGU takes it. */
export type OsiguRequestedProduct = Schemas['AuthorizationRequestProduct'];
/** The document kinds an indication can be filed as. */
export type OsiguIndicationFileType = Schemas['IndicationFileType'];
/** The kinds of document an authorization request can be based on. */
export type OsiguAuthorizationType = Schemas['AuthorizationType'];

type CreateAuthorizationRequestBody = Schemas['CreateAuthorizationRequest'];

/** Each input field and the body field it is sent as. */
const bodyFieldOf = {
  beneficiaryId: 'beneficiary_id',
  sponsorSlug: 'sponsor_slug',
  diagnosisCode: 'diagnosis_code',
  products: 'products',
  providerBranchId: 'provider_branch_id',
  serviceTypeCode: 'service_type_code',
  authorizationType: 'authorization_type',
  professionalLicenseNumber: 'professional_license_number',
} as const satisfies { [field in keyof PreauthorizeRequestFields]-?: keyof CreateAuthorizationRequestBody };

// Fails to compile when the spec gains a body field the input cannot carry: "every field the create operation accepts".
type UnmappedBodyField = Exclude<keyof CreateAuthorizationRequestBody, (typeof bodyFieldOf)[keyof typeof bodyFieldOf]>;
const everyBodyFieldMapped: [UnmappedBodyField] extends [never] ? true : UnmappedBodyField = true;
void everyBodyFieldMapped;

/** The medical indication (signed prescription or referral) attached to the request. */
export interface OsiguIndication {
  /** The file's bytes. */
  content: Blob | Uint8Array | ArrayBuffer;
  /** The file name OSIGU stores, e.g. `indication.pdf`. */
  fileName: string;
  /** Its media type. Default: the Blob's type, else `application/pdf`. */
  contentType?: string | undefined;
  /** How the sponsor should file it. Default `MEDICAL_INDICATION`; see getAuthorizationDocumentPolicy. */
  fileType?: OsiguIndicationFileType | undefined;
  /** `multipart` (default, the quickstart's upload) or `base64` (attachAuthorizationIndicationBase64). */
  transport?: 'multipart' | 'base64' | undefined;
}

/** The `createAuthorizationRequest` body fields, in camelCase, that {@link preauthorize} sends. */
export interface PreauthorizeRequestFields {
  /** From the beneficiary search, e.g. `bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O`. */
  beneficiaryId: string;
  /** The sponsor to request from, e.g. `sponsor-sandbox`. */
  sponsorSlug: string;
  /** ICD-10 diagnosis code, e.g. `R51`. */
  diagnosisCode: string;
  /** The products to authorize. */
  products: OsiguRequestedProduct[];
  /** The provider branch the service is rendered at (`provider_branch_id`). */
  providerBranchId?: string | undefined;
  /** The sponsor's service type code (`service_type_code`), e.g. `OUTPATIENT`. */
  serviceTypeCode?: string | undefined;
  /** The kind of document the request is based on (`authorization_type`); the sponsor's configuration lists those it accepts. */
  authorizationType?: OsiguAuthorizationType | undefined;
  /** The prescribing professional's licence number (`professional_license_number`), which some sponsors require. */
  professionalLicenseNumber?: string | undefined;
}

/** Input of {@link preauthorize}: the request's fields in camelCase, its indication(s) and where the sponsor's rules come from. */
export interface PreauthorizeInput extends PreauthorizeRequestFields {
  /**
   * The indication to attach before completing, or several when the sponsor's document policy
   * requires more than one file type.
   */
  indication: OsiguIndication | readonly OsiguIndication[];
  /**
   * Where the sponsor's configuration and document policy are read from. Default: a reader shared
   * by every call on the same client, caching for {@link defaultSponsorRulesTtlMs}; pass your own
   * ({@link createOsiguSponsorRules}) to choose the TTL.
   */
  sponsorRules?: OsiguSponsorRules | undefined;
  /** Called as each step finishes, for progress displays. Receives no personal data. */
  onStep?: ((step: PreauthorizeStep) => void) | undefined;
}

/** A finished step of {@link preauthorize}. */
export type PreauthorizeStep =
  | { step: 'created'; authorizationRequestId: string; status: string }
  | { step: 'indication-attached'; authorizationRequestId: string; transport: 'multipart' | 'base64' }
  | { step: 'completed'; authorizationRequestId: string; status: string };

/** The outcome of {@link preauthorize}. */
export type PreauthorizeResult =
  | {
      /** The sponsor decided synchronously. */
      status: 'COMPLETED';
      authorizationRequestId: string;
      /** Every authorization issued, approved or not. */
      authorizations: OsiguAuthorization[];
      /** The approved ones: hand their `authorization_code` to dispensation. */
      approved: OsiguAuthorization[];
      /** The rejected ones, each with the sponsor's `rejection_reason` to show the end user. */
      rejected: Array<OsiguAuthorization & { rejection_reason: string }>;
    }
  | {
      /** The sponsor decides asynchronously: an `authorization.created` or `authorization.rejected` webhook follows. */
      status: 'PENDING_SPONSOR';
      authorizationRequestId: string;
    };

/**
 * Runs OSIGU's pre-authorization loop: read the sponsor's configuration and document policy for
 * each product type (cached, see {@link createOsiguSponsorRules}), refuse locally what they would
 * refuse, then create the authorization request, attach the indication(s) (multipart or base64),
 * complete it, and report the sponsor's decision, or that it is pending for a sponsor that decides
 * asynchronously.
 *
 * @throws {OsiguPreauthorizationIncompleteError} Before anything is created, when the request lacks
 *   a field the sponsor requires, uses an `authorizationType` it does not accept, or lacks an
 *   indication of a file type (or content type, or size) its document policy requires.
 * @throws {OsiguApiError} When a call fails (403: not affiliated with the sponsor, 422: product not registered, …).
 * @throws {OsiguPreauthorizationError} When the request is still waiting for its indication after
 *   completion although the policy read before was met (the sponsor changed its rules), or ends in another status.
 */
export async function preauthorize(client: OsiguClient, input: PreauthorizeInput): Promise<PreauthorizeResult> {
  const indications = (Array.isArray(input.indication) ? input.indication : [input.indication]) as readonly OsiguIndication[];
  const files = indications.map((indication) => ({
    indication,
    file: toFile(indication),
    fileType: indication.fileType ?? 'MEDICAL_INDICATION',
  }));
  const body = requestBody(input);

  const sponsorRules = input.sponsorRules ?? defaultSponsorRules(client);
  const productTypes = [...new Set(input.products.map((product) => product.product_type))];
  const rules = await Promise.all(productTypes.map((productType) => sponsorRules.rule(input.sponsorSlug, productType)));
  const shortfall = shortfallOf(body, files, rules);
  if (shortfall !== undefined) throw new OsiguPreauthorizationIncompleteError(input.sponsorSlug, shortfall);

  const created = unwrap(await client.POST('/arc/v1/authorization-requests', { body }));
  const authorizationRequestId = created.authorization_request_id;
  input.onStep?.({ step: 'created', authorizationRequestId, status: created.status });

  const path = { authorization_request_id: authorizationRequestId };
  for (const { indication, file, fileType } of files) {
    const transport = indication.transport ?? 'multipart';
    if (transport === 'multipart') {
      unwrap(
        await client.POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/files', {
          params: { path },
          body: { file, file_type: fileType },
          bodySerializer: multipartBody,
        }),
      );
    } else {
      const contentType = base64ContentType(file.type);
      unwrap(
        await client.POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/base64', {
          params: { path },
          body: {
            file_name: file.name,
            content_type: contentType,
            file_type: fileType,
            content: toBase64(new Uint8Array(await file.arrayBuffer())),
          },
        }),
      );
    }
    input.onStep?.({ step: 'indication-attached', authorizationRequestId, transport });
  }

  const completed = unwrap(await client.POST('/arc/v1/authorization-requests/{authorization_request_id}/complete', { params: { path } }));
  input.onStep?.({ step: 'completed', authorizationRequestId, status: completed.status });

  if (completed.status === 'PENDING_SPONSOR') return { status: 'PENDING_SPONSOR', authorizationRequestId };
  if (completed.status === 'COMPLETED') {
    const authorizations = completed.authorizations ?? [];
    return {
      status: 'COMPLETED',
      authorizationRequestId,
      authorizations,
      approved: authorizations.filter((authorization) => authorization.status === 'APPROVED'),
      rejected: authorizations.filter(
        (authorization): authorization is OsiguAuthorization & { rejection_reason: string } => authorization.status === 'REJECTED',
      ),
    };
  }
  if (completed.status === 'PENDING_INDICATION') {
    throw new OsiguPreauthorizationError(
      'The authorization request is still waiting for its indication after completion.',
      `The sponsor did not take the attached file types (${files.map(({ fileType }) => fileType).join(', ')}), though its document policy read before creating asked for no other: it may have changed; call sponsorRules.clear() and look at getAuthorizationDocumentPolicy.`,
      authorizationRequestId,
      completed.status,
    );
  }
  throw new OsiguPreauthorizationError(
    `The authorization request ended in status ${completed.status}.`,
    `Look the request up with getAuthorizationRequest, or quote ${authorizationRequestId} to support@osigu.com.`,
    authorizationRequestId,
    completed.status,
  );
}

const sharedSponsorRules = new WeakMap<OsiguClient, OsiguSponsorRules>();

function defaultSponsorRules(client: OsiguClient): OsiguSponsorRules {
  let rules = sharedSponsorRules.get(client);
  if (rules === undefined) {
    rules = createOsiguSponsorRules(client);
    sharedSponsorRules.set(client, rules);
  }
  return rules;
}

function requestBody(input: PreauthorizeRequestFields): CreateAuthorizationRequestBody {
  const body: Record<string, unknown> = {};
  for (const [field, bodyField] of Object.entries(bodyFieldOf)) {
    const value = input[field as keyof PreauthorizeRequestFields];
    if (value !== undefined) body[bodyField] = value;
  }
  return body as unknown as CreateAuthorizationRequestBody;
}

/** A name or enum value OSIGU sent, as the error may repeat it: only when shaped like a code, never free text. */
function printable(value: string): string {
  return safeCode(value) ?? '(a value OSIGU sent that is not a plain name)';
}

const mediaTypePattern = /^[A-Za-z0-9.+-]{1,64}\/[A-Za-z0-9.+-]{1,64}$/;

/** What the request lacks under the sponsor's rules of each of its product types, or undefined when it meets them all. */
function shortfallOf(
  body: CreateAuthorizationRequestBody,
  files: ReadonlyArray<{ file: File; fileType: OsiguIndicationFileType }>,
  rules: readonly OsiguSponsorRule[],
): OsiguPreauthorizationShortfall | undefined {
  const fields = body as unknown as Record<string, unknown>;
  const missingFields = new Set<string>();
  const acceptedAuthorizationTypes = new Set<string>();
  const missingFileTypes = new Set<string>();
  const acceptedContentTypes = new Set<string>();
  let maxFileSizeBytes: number | undefined;
  const attachedFileTypes = new Set<string>(files.map(({ fileType }) => fileType));
  for (const { configuration, documentPolicy } of rules) {
    for (const field of configuration.required_fields) {
      const value = fields[field];
      // Names come from OSIGU: one that is not a plain field name is reported as such, never quoted.
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) missingFields.add(printable(field));
    }
    if (body.authorization_type !== undefined && !configuration.authorization_types.includes(body.authorization_type)) {
      for (const type of configuration.authorization_types) acceptedAuthorizationTypes.add(printable(type));
    }
    for (const fileType of documentPolicy.required_file_types)
      if (!attachedFileTypes.has(fileType)) missingFileTypes.add(printable(fileType));
    for (const { file } of files) {
      if (documentPolicy.accepted_content_types.length > 0 && !documentPolicy.accepted_content_types.includes(file.type)) {
        for (const type of documentPolicy.accepted_content_types) if (mediaTypePattern.test(type)) acceptedContentTypes.add(type);
      }
      if (file.size > documentPolicy.max_file_size_bytes) {
        maxFileSizeBytes = Math.min(maxFileSizeBytes ?? Number.POSITIVE_INFINITY, documentPolicy.max_file_size_bytes);
      }
    }
  }
  const shortfall = {
    missingFields: [...missingFields],
    acceptedAuthorizationTypes: [...acceptedAuthorizationTypes],
    missingFileTypes: [...missingFileTypes],
    acceptedContentTypes: [...acceptedContentTypes],
    maxFileSizeBytes,
  };
  const short =
    shortfall.missingFields.length +
      shortfall.acceptedAuthorizationTypes.length +
      shortfall.missingFileTypes.length +
      shortfall.acceptedContentTypes.length >
      0 || maxFileSizeBytes !== undefined;
  return short ? shortfall : undefined;
}

const base64ContentTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;

function base64ContentType(type: string): (typeof base64ContentTypes)[number] {
  const found = base64ContentTypes.find((allowed) => allowed === type);
  if (found === undefined) {
    throw new TypeError(
      `The base64 indication transport takes ${base64ContentTypes.join(', ')}; got "${type}". Convert the file, or use transport 'multipart'.`,
    );
  }
  return found;
}

function toFile(indication: OsiguIndication): File {
  const { content } = indication;
  const type = indication.contentType ?? (content instanceof Blob && content.type !== '' ? content.type : 'application/pdf');
  return new File([content as BlobPart], indication.fileName, { type });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so a large file does not overflow the argument limit of String.fromCharCode.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}
