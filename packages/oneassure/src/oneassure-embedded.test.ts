import { inspect } from 'node:util';
import { ConflictError } from '@coverlink/core';
import { recordingFetch } from '@coverlink/mocks';
import { describe, expect, inject, it } from 'vitest';
import {
  createEmbeddedProposal,
  createEmbeddedQuote,
  createOneAssureClient,
  type OneAssureEmbeddedPerson,
  OneAssureError,
  OneAssureErrorCode,
} from './index.js';

const baseUrl = inject('oneassureMockUrl');
const tokenPath = '/v1/auth/token';

function clientWith(prefer?: (path: string) => string | undefined) {
  const recorder = recordingFetch((path) => prefer?.(path));
  const oneAssure = createOneAssureClient({
    clientId: 'embedded-test',
    clientSecret: 'embedded-secret',
    baseUrl,
    fetch: recorder.fetch,
    maxRetries: 0,
  });
  const apiCalls = () => recorder.wire.filter((record) => record.path !== tokenPath);
  return { oneAssure, apiCalls };
}

const bodyOf = (body: Uint8Array | undefined): Record<string, unknown> =>
  JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;

const borrower: OneAssureEmbeddedPerson = {
  title: 'MR',
  first_name: 'Rahul',
  last_name: 'Sharma',
  email: 'rahul.sharma@example.com',
  mobile: '9876543210',
  country_code: '+91',
  date_of_birth: '14/03/1992',
  nationality: 'IND',
  gender: 'MALE',
  documents: [{ document_type: 'PAN', document_number: 'ABCDE1234F' }],
};
const personalValues = ['Rahul', 'Sharma', 'rahul.sharma@example.com', '9876543210', '14/03/1992', 'ABCDE1234F'];

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'expected the call to fail').toBeDefined();
  for (const view of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) {
    for (const value of personalValues) expect(view).not.toContain(value);
  }
  return error;
}

describe('createEmbeddedQuote against the OneAssure mock', () => {
  it('sends the loan context as context_data (not the docs’ context_date) and splits priced from unavailable variants', async () => {
    const { oneAssure, apiCalls } = clientWith();
    const quote = await createEmbeddedQuote(oneAssure, {
      dateOfBirth: '14/03/1992',
      gender: 'MALE',
      coverAmount: '500000.00',
      policyTermMonths: 24,
      loanContext: { loan_amount: '500000.00', loan_tenure: '24', disbursement_date: ['01/07/2026'] },
    });

    const [request] = apiCalls();
    expect(`${request?.method} ${request?.path} ${request?.status}`).toBe('POST /v1/embedded/quote 200');
    expect(bodyOf(request?.body)).toEqual({
      date_of_birth: '14/03/1992',
      gender: 'MALE',
      cover_amount: '500000.00',
      policy_term: 24,
      context_data: [
        { key: 'loan_amount', values: ['500000.00'] },
        { key: 'loan_tenure', values: ['24'] },
        { key: 'disbursement_date', values: ['01/07/2026'] },
      ],
    });
    // The spec's example answer: one priced recommendation, one insurer that could not quote.
    expect(quote.quoteId).toBe('quo_APyhzAnar3ZLt4bn');
    expect(quote.matchedProducts).toBe(2);
    expect(quote.priced.map((recommendation) => [recommendation.recommendation_id, recommendation.total_premium])).toEqual([
      ['rec_lz2MPKgcjnCqaXNv', '5900.00'],
    ]);
    expect(quote.unavailable.map((recommendation) => recommendation.recommendation_id)).toEqual(['rec_1syeefnLOpaMxxND']);
  });

  it('leaves context_data out when there is no loan context', async () => {
    const { oneAssure, apiCalls } = clientWith();
    await createEmbeddedQuote(oneAssure, { dateOfBirth: '01/01/1995', gender: 'FEMALE', coverAmount: '300000.00', policyTermMonths: 12 });
    expect(Object.keys(bodyOf(apiCalls()[0]?.body)).sort()).toEqual(['cover_amount', 'date_of_birth', 'gender', 'policy_term']);
  });

  it.each([
    ['a date of birth not in DD/MM/YYYY', { dateOfBirth: '1992-03-14', policyTermMonths: 24 }],
    ['a term that is not whole months', { dateOfBirth: '14/03/1992', policyTermMonths: 1.5 }],
  ])('refuses %s before sending anything, without repeating the value', async (_case, fields) => {
    const { oneAssure, apiCalls } = clientWith();
    const error = await rejectionOf(createEmbeddedQuote(oneAssure, { gender: 'MALE', coverAmount: '500000.00', ...fields }));
    expect(OneAssureError.isInstance(error)).toBe(true);
    expect((error as OneAssureError).code).toBe(OneAssureErrorCode.invalidEmbeddedRequest);
    expect(String(error)).not.toContain('1992-03-14');
    expect(apiCalls()).toEqual([]);
  });
});

describe('createEmbeddedProposal against the OneAssure mock', () => {
  it('sends a DRAFT proposal for the chosen recommendation and returns its id', async () => {
    const { oneAssure, apiCalls } = clientWith();
    const proposal = await createEmbeddedProposal(oneAssure, {
      quoteId: 'quo_APyhzAnar3ZLt4bn',
      recommendationId: 'rec_lz2MPKgcjnCqaXNv',
      proposer: borrower,
      insuredMembers: [borrower],
    });
    expect(proposal).toEqual({ proposalId: 'prp_7QkXw2mLr9TbZ4Hs', status: 'DRAFT' });
    const [request] = apiCalls();
    expect(`${request?.method} ${request?.path} ${request?.status}`).toBe('POST /v1/embedded/proposal 200');
    expect(bodyOf(request?.body)).toEqual({
      quote_id: 'quo_APyhzAnar3ZLt4bn',
      recommendation_id: 'rec_lz2MPKgcjnCqaXNv',
      status: 'DRAFT',
      proposer: borrower,
      insured_members: [borrower],
    });
  });

  it('raises a ConflictError (A4090) for a second active proposal, with no personal data in it', async () => {
    const { oneAssure } = clientWith((path) => (path === '/v1/embedded/proposal' ? 'code=409' : undefined));
    const error = await rejectionOf(
      createEmbeddedProposal(oneAssure, {
        quoteId: 'quo_APyhzAnar3ZLt4bn',
        recommendationId: 'rec_lz2MPKgcjnCqaXNv',
        proposer: borrower,
        insuredMembers: [borrower],
      }),
    );
    expect(ConflictError.isInstance(error)).toBe(true);
    expect((error as ConflictError).providerCode).toBe('A4090');
  });

  it('refuses a proposal without insured members before sending anything', async () => {
    const { oneAssure, apiCalls } = clientWith();
    const error = await rejectionOf(
      createEmbeddedProposal(oneAssure, {
        quoteId: 'quo_APyhzAnar3ZLt4bn',
        recommendationId: 'rec_lz2MPKgcjnCqaXNv',
        proposer: borrower,
        insuredMembers: [],
      }),
    );
    expect((error as OneAssureError).code).toBe(OneAssureErrorCode.invalidEmbeddedRequest);
    expect(apiCalls()).toEqual([]);
  });
});
