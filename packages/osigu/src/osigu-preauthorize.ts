import { multipartBody, unwrap } from '@coverlink/core';
import type { components } from './generated/osigu.js';
import type { OsiguClient } from './osigu-client.js';
import { OsiguPreauthorizationError } from './osigu-errors.js';

type Schemas = components['schemas'];

/** One authorization issued by a sponsor. */
export type OsiguAuthorization = Schemas['Authorization'];
/** A product to authorize, as OSIGU takes it. */
export type OsiguRequestedProduct = Schemas['AuthorizationRequestProduct'];
/** The document kinds an indication can be filed as. */
export type OsiguIndicationFileType = Schemas['IndicationFileType'];

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

/** Input of {@link preauthorize}: the quickstart's request, in camelCase. */
export interface PreauthorizeInput {
  /** From the beneficiary search, e.g. `bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O`. */
  beneficiaryId: string;
  /** The sponsor to request from, e.g. `sponsor-sandbox`. */
  sponsorSlug: string;
  /** ICD-10 diagnosis code, e.g. `R51`. */
  diagnosisCode: string;
  /** The products to authorize. */
  products: OsiguRequestedProduct[];
  /** The indication to attach before completing. */
  indication: OsiguIndication;
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
 * Runs OSIGU's pre-authorization loop: create the authorization request, attach the indication
 * (multipart or base64), complete it, and report the sponsor's decision, or that it is pending
 * for a sponsor that decides asynchronously.
 *
 * @throws {OsiguApiError} When a call fails (422: a field the sponsor requires is missing, …).
 * @throws {OsiguPreauthorizationError} When the request is still waiting for its indication after
 *   completion (the sponsor wants another `fileType`; see getAuthorizationDocumentPolicy).
 */
export async function preauthorize(client: OsiguClient, input: PreauthorizeInput): Promise<PreauthorizeResult> {
  const created = unwrap(
    await client.POST('/arc/v1/authorization-requests', {
      body: {
        beneficiary_id: input.beneficiaryId,
        sponsor_slug: input.sponsorSlug,
        diagnosis_code: input.diagnosisCode,
        products: input.products,
      },
    }),
  );
  const authorizationRequestId = created.authorization_request_id;
  input.onStep?.({ step: 'created', authorizationRequestId, status: created.status });

  const path = { authorization_request_id: authorizationRequestId };
  const { indication } = input;
  const fileType = indication.fileType ?? 'MEDICAL_INDICATION';
  const file = toFile(indication);
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
      `The sponsor did not take the attached file as type ${fileType}. getAuthorizationDocumentPolicy lists the file types it requires.`,
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
