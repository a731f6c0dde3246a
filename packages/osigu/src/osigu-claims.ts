import { abortedByCaller, unwrap } from '@coverlink/core';
import type { components } from './generated/osigu.js';
import type { OsiguClient } from './osigu-client.js';
import { OsiguError, OsiguErrorCode } from './osigu-errors.js';

type Schemas = components['schemas'];

/** An outpatient care claim as OSIGU returns it. */
export type OsiguOutpatientClaim = Schemas['OutpatientCareClaim'];
/** A claim's status. */
export type OsiguClaimStatus = Schemas['ClaimStatus'];
/** A product or service billed on a claim. */
export type OsiguClaimProduct = Schemas['ClaimProduct'];

/** Input of {@link fileOutpatientClaim}: the claim for one approved authorization, in camelCase. */
export interface FileOutpatientClaimInput {
  /** The `authorization_code` of the approved authorization being claimed. */
  authorizationCode: string;
  beneficiaryId: string;
  sponsorSlug: string;
  /** What was rendered, with unit prices. */
  products: OsiguClaimProduct[];
  /** ICD-10 diagnosis code, e.g. `R51`. */
  diagnosisCode?: string | undefined;
  /** When the service was rendered, `YYYY-MM-DD`. */
  serviceDate?: string | undefined;
  /** Called as each step finishes. Receives ids and statuses only. */
  onStep?: ((step: ClaimStep) => void) | undefined;
}

/** A finished step of {@link fileOutpatientClaim}. */
export type ClaimStep =
  | { step: 'created'; claimId: string; status: OsiguClaimStatus }
  | { step: 'completed'; claimId: string; status: OsiguClaimStatus };

/** The outcome of {@link fileOutpatientClaim}: the claim is submitted; {@link awaitOutpatientClaim} waits for its settlement. */
export interface FiledOutpatientClaim {
  claimId: string;
  /** The status after completion, usually `IN_PROGRESS`. */
  status: OsiguClaimStatus;
  claim: OsiguOutpatientClaim;
}

/** Options of {@link awaitOutpatientClaim}. */
export interface AwaitOutpatientClaimOptions {
  /** Give up after this long. Default 60 000 ms. */
  timeoutMilliseconds?: number | undefined;
  /** Time between two reads of the claim. Default 2000 ms. */
  intervalMilliseconds?: number | undefined;
  /** Stops waiting (the promise rejects with an `AbortError`). */
  signal?: AbortSignal | undefined;
}

// No source says which ClaimStatus values are final: Coverlink reads READY, COMPLETED and PAID as
// settled and EXPIRED, CANCELED, VOIDED, ERROR and FAILED as ended unpaid (the spec's ClaimStatus);
// every other value (OPEN, IN_PROGRESS, UPDATE_IN_PROGRESS, EXPIRATION_IN_PROGRESS) is still moving.
const settledStatuses: ReadonlySet<OsiguClaimStatus> = new Set(['READY', 'COMPLETED', 'PAID']);
const unpaidStatuses: ReadonlySet<OsiguClaimStatus> = new Set(['EXPIRED', 'CANCELED', 'VOIDED', 'ERROR', 'FAILED']);

/** A submitted claim did not settle: it ended unpaid, or the wait ran out. Carries ids and statuses only. */
export class OsiguClaimError extends OsiguError {
  /** The claim, to quote to OSIGU support. */
  readonly claimId: string;
  /** Its status when the error was raised. */
  readonly claimStatus: OsiguClaimStatus;

  constructor(message: string, options: { code: OsiguErrorCode; hint: string; claimId: string; claimStatus: OsiguClaimStatus }) {
    super(message, { code: options.code, hint: options.hint });
    this.claimId = options.claimId;
    this.claimStatus = options.claimStatus;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), claimId: this.claimId, claimStatus: this.claimStatus };
  }
}

/**
 * Files an outpatient care claim after the service is rendered: opens it
 * (`createOutpatientCareClaim`, status `OPEN`) and submits it (`completeOutpatientCareClaim`, usually
 * `IN_PROGRESS`). The sponsor settles it later; {@link awaitOutpatientClaim} waits for that.
 *
 * @example
 * ```ts
 * const filed = await fileOutpatientClaim(osigu, { authorizationCode, beneficiaryId, sponsorSlug, products });
 * const settled = await awaitOutpatientClaim(osigu, filed.claimId);
 * ```
 * @throws {OsiguApiError} When a call fails (422: the authorization is not approved, belongs to someone else, …).
 */
export async function fileOutpatientClaim(client: OsiguClient, input: FileOutpatientClaimInput): Promise<FiledOutpatientClaim> {
  const created = unwrap(
    await client.POST('/arc/v1/outpatient-care-claim', {
      body: {
        authorization_code: input.authorizationCode,
        beneficiary_id: input.beneficiaryId,
        sponsor_slug: input.sponsorSlug,
        diagnosis_code: input.diagnosisCode,
        service_date: input.serviceDate,
        products: input.products,
      },
    }),
  );
  const claimId = created.claim_id;
  input.onStep?.({ step: 'created', claimId, status: created.status });
  const claim = unwrap(await client.POST('/arc/v1/outpatient-care-claim/{claim_id}/complete', { params: { path: { claim_id: claimId } } }));
  input.onStep?.({ step: 'completed', claimId, status: claim.status });
  return { claimId, status: claim.status, claim };
}

/**
 * Reads a submitted claim (`getOutpatientCareClaim`) until the sponsor settles it, and resolves
 * with it then (status `READY`, `COMPLETED` or `PAID`).
 *
 * @throws {OsiguClaimError} `OSIGU_CLAIM_NOT_SETTLED` when it ends unpaid (EXPIRED, CANCELED, VOIDED,
 *   ERROR, FAILED); `OSIGU_CLAIM_SETTLEMENT_TIMEOUT` when it is still being processed at the timeout.
 * @throws {OsiguApiError} When a read fails (404: no such claim).
 * @throws {AbortError} When `signal` aborts.
 */
export async function awaitOutpatientClaim(
  client: OsiguClient,
  claimId: string,
  options: AwaitOutpatientClaimOptions = {},
): Promise<OsiguOutpatientClaim> {
  const deadline = Date.now() + (options.timeoutMilliseconds ?? 60_000);
  const interval = options.intervalMilliseconds ?? 2000;
  for (;;) {
    const claim = unwrap(
      await client.GET('/arc/v1/outpatient-care-claim/{claim_id}', { params: { path: { claim_id: claimId } }, signal: options.signal }),
    );
    if (settledStatuses.has(claim.status)) return claim;
    if (unpaidStatuses.has(claim.status)) {
      throw new OsiguClaimError(`The claim ended ${claim.status} and will not be paid.`, {
        code: OsiguErrorCode.claimNotSettled,
        hint: `Look the claim up with getOutpatientCareClaim, or quote ${claimId} to support@osigu.com.`,
        claimId,
        claimStatus: claim.status,
      });
    }
    if (Date.now() + interval > deadline) {
      throw new OsiguClaimError(`The claim was still ${claim.status} when the wait ended.`, {
        code: OsiguErrorCode.claimSettlementTimeout,
        hint: 'The sponsor is still processing it: call awaitOutpatientClaim again later, or raise timeoutMilliseconds.',
        claimId,
        claimStatus: claim.status,
      });
    }
    await pause(interval, options.signal);
  }
}

function pause(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedByCaller('The wait for an OSIGU claim', signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedByCaller('The wait for an OSIGU claim', signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
