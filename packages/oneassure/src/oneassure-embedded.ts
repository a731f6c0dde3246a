import { unwrap } from '@coverlink/core';
import type { components } from './generated/oneassure.js';
import type { OneAssureClient } from './oneassure-client.js';
import { OneAssureError, OneAssureErrorCode } from './oneassure-errors.js';

type Schemas = components['schemas'];

/** A priced (or failed) product variant of an embedded quote. */
export type OneAssureEmbeddedRecommendation = Schemas['EmbeddedRecommendation'];
/** The proposer or an insured member of an embedded proposal, as OneAssure takes it. Personal data: never log it. */
export type OneAssureEmbeddedPerson = Schemas['EmbeddedPerson'];

/** Input of {@link createEmbeddedQuote}: the borrower and the loan, in camelCase. */
export interface EmbeddedQuoteInput {
  /** `DD/MM/YYYY`, as OneAssure takes it. */
  dateOfBirth: string;
  gender: Schemas['EmbeddedGender'];
  /** The cover as a decimal string, e.g. `"500000.00"`. */
  coverAmount: string;
  /** Policy term in months. */
  policyTermMonths: number;
  /**
   * Loan context, sent as OneAssure's `context_data` key/values pairs. The documented keys are
   * `loan_amount`, `loan_tenure` and `disbursement_date`; a single value may be given as a string.
   * (OneAssure's example body spells the field `context_date`; its field table and the spec say
   * `context_data`, which is what is sent.)
   */
  loanContext?: Readonly<Record<string, string | readonly string[]>> | undefined;
}

/** The outcome of {@link createEmbeddedQuote}. */
export interface EmbeddedQuoteResult {
  /** The `quo_…` id to pass to {@link createEmbeddedProposal}. */
  quoteId: string;
  matchedProducts: number | undefined;
  /** The variants an insurer priced: offer these. */
  priced: OneAssureEmbeddedRecommendation[];
  /** The variants an insurer could not price, each with its `error_message`. */
  unavailable: OneAssureEmbeddedRecommendation[];
}

/** Input of {@link createEmbeddedProposal}. */
export interface EmbeddedProposalInput {
  /** From {@link createEmbeddedQuote}. */
  quoteId: string;
  /** The chosen recommendation of that quote (`rec_…`), one of `priced`. */
  recommendationId: string;
  proposer: OneAssureEmbeddedPerson;
  /** At least one person to insure (often the proposer again). */
  insuredMembers: readonly OneAssureEmbeddedPerson[];
}

/** The outcome of {@link createEmbeddedProposal}. */
export interface EmbeddedProposalResult {
  proposalId: string;
  /** `DRAFT`, as requested. */
  status: string;
}

const datePattern = /^[0-9]{2}\/[0-9]{2}\/[0-9]{4}$/;

/**
 * Prices loan-linked health cover for one borrower (`POST /v1/embedded/quote`) and splits the
 * recommendations into those an insurer priced and those it could not.
 *
 * Sends `context_data`, as OneAssure's field table and specs/oneassure say; the example body in
 * OneAssure's docs misspells it `context_date`, which OneAssure would not read.
 *
 * @example
 * ```ts
 * const quote = await createEmbeddedQuote(oneAssure, {
 *   dateOfBirth: '14/03/1992', gender: 'MALE', coverAmount: '500000.00', policyTermMonths: 24,
 *   loanContext: { loan_amount: '500000.00', loan_tenure: '24', disbursement_date: '01/07/2026' },
 * });
 * ```
 * @throws {OneAssureError} `ONEASSURE_INVALID_EMBEDDED_REQUEST` when the date of birth is not `DD/MM/YYYY` or
 *   the term is not a whole number of months; nothing was sent.
 * @throws {OneAssureApiError} When OneAssure refuses it (400, 422 …).
 */
export async function createEmbeddedQuote(client: OneAssureClient, input: EmbeddedQuoteInput): Promise<EmbeddedQuoteResult> {
  // Checked here because OneAssure's 400 would arrive after a round trip, and its message may quote the value.
  if (!datePattern.test(input.dateOfBirth)) {
    throw invalidRequest('The date of birth is not in the DD/MM/YYYY form OneAssure takes.', 'Format it as DD/MM/YYYY, e.g. 31/12/1990.');
  }
  if (!Number.isInteger(input.policyTermMonths) || input.policyTermMonths < 1) {
    throw invalidRequest('The policy term is not a whole, positive number of months.', 'Pass policyTermMonths as an integer, e.g. 24.');
  }
  const contextData = Object.entries(input.loanContext ?? {}).map(([key, value]) => ({
    key,
    values: typeof value === 'string' ? [value] : [...value],
  }));
  const { payload } = unwrap(
    await client.POST('/v1/embedded/quote', {
      body: {
        date_of_birth: input.dateOfBirth,
        gender: input.gender,
        cover_amount: input.coverAmount,
        policy_term: input.policyTermMonths,
        ...(contextData.length > 0 ? { context_data: contextData } : {}),
      },
    }),
  );
  return {
    quoteId: payload.quote_id,
    matchedProducts: payload.matched_products,
    priced: payload.recommendations.filter((recommendation) => !recommendation.is_error),
    unavailable: payload.recommendations.filter((recommendation) => recommendation.is_error),
  };
}

/**
 * Turns a recommendation of an embedded quote into a draft proposal (`POST /v1/embedded/proposal`,
 * `status: "DRAFT"`, the only documented value).
 *
 * @throws {OneAssureError} `ONEASSURE_INVALID_EMBEDDED_REQUEST` without an insured member; nothing was sent.
 * @throws {OneAssureApiError} When OneAssure refuses it; a `ConflictError` (409) when the quote already
 *   has an active proposal for that variant (one per quote and variant).
 */
export async function createEmbeddedProposal(client: OneAssureClient, input: EmbeddedProposalInput): Promise<EmbeddedProposalResult> {
  if (input.insuredMembers.length === 0) {
    throw invalidRequest(
      'An embedded proposal needs at least one insured member.',
      'Pass the proposer in insuredMembers when they insure themselves.',
    );
  }
  const { payload } = unwrap(
    await client.POST('/v1/embedded/proposal', {
      body: {
        quote_id: input.quoteId,
        recommendation_id: input.recommendationId,
        status: 'DRAFT',
        proposer: input.proposer,
        insured_members: [...input.insuredMembers],
      },
    }),
  );
  return { proposalId: payload.proposal_id, status: payload.status };
}

function invalidRequest(message: string, hint: string): OneAssureError {
  return new OneAssureError(message, OneAssureErrorCode.invalidEmbeddedRequest, hint);
}
