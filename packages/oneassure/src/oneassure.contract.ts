import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeRecordedPactChecks, pactFolderOf, printingClientErrors, resetPactFolder } from '@coverlink/contract-testing';
import { AuthenticationError, unwrap } from '@coverlink/core';
import { rejectionOf } from '@coverlink/test-kit';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOneAssureClient,
  createRedirectUrl,
  listAllHealthPolicies,
  listAllHealthQuotes,
  OneAssureApiError,
  type OneAssureClient,
} from './index.js';
import { createEmbeddedProposal, createEmbeddedQuote } from './oneassure-embedded.js';
import { createOneAssureBusinessTokenProvider } from './oneassure-tokens.js';

const { eachLike, regex, string, integer, boolean } = MatchersV3;

const pactFolder = pactFolderOf('oneassure');
const consumer = 'coverlink-oneassure';
const provider = 'oneassure';
const clientId = 'contract-client';
const clientSecret = 'contract-secret';
const accessToken = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb250cmFjdCJ9.c2lnbmF0dXJl';
const range = { start_date: '2026-06-01', end_date: '2026-06-07' };
const bearer = { Authorization: regex(/^Bearer \S+$/, `Bearer ${accessToken}`) };
const money = (example: string) => regex(/^[0-9]+(\.[0-9]{1,2})?$/, example);
const day = (example: string) => regex(/^\d{4}-\d{2}-\d{2}$/, example);
const tokenResponse = { payload: { access_token: string(accessToken), expires_in: integer(3600), token_type: 'Bearer' } };

// Provider states whose documented response is not the spec's first one, as Prism's Prefer header.
const singlePageOfQuotes = 'health quotes were created from 2026-06-01 to 2026-06-07, all on one page';
const nextPageOfProposals = 'a second and last page of proposals follows cursor cHJvcG9zYWw6ckVxbVNNOXdDWjdVdzl4Zg';
const singlePageOfPolicies = 'health policies were issued from 2026-06-01 to 2026-06-07, all on one page';
const expiredToken = 'the business token has expired';
const preferByProviderState = {
  [singlePageOfQuotes]: 'example=lastPage',
  [nextPageOfProposals]: 'example=lastPage',
  [singlePageOfPolicies]: 'example=lastPage',
  [expiredToken]: 'code=401',
};

// API interactions are recorded one per mock server (PactV4), so their business tokens come from a
// small local token endpoint answering in OneAssure's `payload` envelope; the token interactions
// themselves are recorded on their own below.
let tokenServer: Server;
let tokenUrl: string;
beforeAll(async () => {
  await resetPactFolder(pactFolder);
  tokenServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ payload: { access_token: accessToken, expires_in: 3600, token_type: 'Bearer' } }));
  });
  await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/v1/auth/token`;
});
afterAll(async () => {
  await new Promise((resolve) => tokenServer.close(resolve));
});

const pact = new PactV4({ consumer, provider, dir: pactFolder, logLevel: (process.env.PACT_LOG_LEVEL as 'warn' | undefined) ?? 'warn' });
const clientFor = (url: string): OneAssureClient =>
  createOneAssureClient({ clientId, clientSecret, baseUrl: url, tokenUrl, maxRetries: 0 });

async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('consumer contract: what @coverlink/oneassure sends and relies on', () => {
  it('createAuthToken (business token): JSON credentials with the business scope and no user_id', async () => {
    await pact
      .addInteraction()
      .given('the client credentials are valid')
      .uponReceiving('a business token request')
      .withRequest('POST', '/v1/auth/token', (builder) => {
        builder.jsonBody({ client_id: clientId, client_secret: clientSecret, scopes: ['business'] });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody(tokenResponse);
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const tokens = createOneAssureBusinessTokenProvider({ tokenUrl: `${mockServer.url}/v1/auth/token`, clientId, clientSecret });
          expect(await tokens.getToken()).toBe(accessToken);
        }),
      );
  });

  it('createAuthToken (session token): the same body with the user_id, for the redirect', async () => {
    await pact
      .addInteraction()
      .given('the client credentials are valid')
      .uponReceiving('a session token request for user usr_48213')
      .withRequest('POST', '/v1/auth/token', (builder) => {
        builder.jsonBody({ client_id: clientId, client_secret: clientSecret, scopes: ['business'], user_id: 'usr_48213' });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody(tokenResponse);
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const url = await createRedirectUrl({ clientId, clientSecret, tokenUrl: `${mockServer.url}/v1/auth/token`, userId: 'usr_48213' });
          expect(url).toBe(`https://orca.oneassure.in/health?session-token=${accessToken}`);
        }),
      );
  });

  it('listHealthQuotes: one page of quotes for a date range, as listAllHealthQuotes reads it', async () => {
    await pact
      .addInteraction()
      .given(singlePageOfQuotes)
      .uponReceiving('a request for the health quotes of a 7-day range')
      .withRequest('GET', '/v1/business/health/quotes', (builder) => {
        builder.query(range).headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          quotes: eachLike({
            session_id: string('OL8dKLzdocJ2isAj'),
            quote_id: string('xtpYlSXpfKtHF4vU'),
            sum_insured: money('1500000.00'),
            pincode: string('500081'),
            member_details: eachLike({ relation: string('self'), age: integer(29) }),
            customer_name: string('Vikram Reddy'),
            recommendations: eachLike({ recommendation_id: string('R0CsTy4Qwb8DwkNh'), company_name: string('Care Health Insurance') }),
          }),
          start_cursor: string('cXVvdGU6eHRwWWxTWHBmS3RIRjR2VQ'),
          end_cursor: null,
          has_next: boolean(false),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const quotes = await collect(listAllHealthQuotes(clientFor(mockServer.url), range));
          expect(quotes.map((quote) => quote.quote_id)).toEqual(['xtpYlSXpfKtHF4vU']);
        }),
      );
  });

  it('listHealthProposals: the first page of a date range, with the cursor of the next', async () => {
    await pact
      .addInteraction()
      .given('health proposals were created from 2026-06-01 to 2026-06-07, on more than one page')
      .uponReceiving('a request for the first page of health proposals of a 7-day range')
      .withRequest('GET', '/v1/business/health/proposals', (builder) => {
        builder.query(range).headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          proposals: eachLike({
            proposal_id: string('mZp0zVZomHFwUbbY'),
            session_id: string('u8jzPde0IgxLd6Gn'),
            quote_id: string('IhKtJ0RlgLKOmxgJ'),
            status: regex(/^(INITIATED|PENDING|SUBMITTED|UNDERWRITING|CANCELLED|ACCEPTED|REJECTED)$/, 'ACCEPTED'),
            gross_premium: money('14872.00'),
            tenure: string('1'),
          }),
          end_cursor: string('cHJvcG9zYWw6ckVxbVNNOXdDWjdVdzl4Zg'),
          has_next: boolean(true),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const page = unwrap(await clientFor(mockServer.url).GET('/v1/business/health/proposals', { params: { query: range } }));
          expect(page.proposals[0]?.proposal_id).toBe('mZp0zVZomHFwUbbY');
          expect(page.end_cursor).toBe('cHJvcG9zYWw6ckVxbVNNOXdDWjdVdzl4Zg');
        }),
      );
  });

  it('listHealthProposals: the next page, the end_cursor sent back as next with the same range', async () => {
    await pact
      .addInteraction()
      .given(nextPageOfProposals)
      .uponReceiving('a request for the page of health proposals after a cursor')
      .withRequest('GET', '/v1/business/health/proposals', (builder) => {
        builder.query({ ...range, next: 'cHJvcG9zYWw6ckVxbVNNOXdDWjdVdzl4Zg' }).headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          proposals: eachLike({
            proposal_id: string('ogoEmvnEN5N1aE6P'),
            session_id: string('OL8dKLzdocJ2isAj'),
            quote_id: string('xtpYlSXpfKtHF4vU'),
            status: regex(/^(INITIATED|PENDING|SUBMITTED|UNDERWRITING|CANCELLED|ACCEPTED|REJECTED)$/, 'REJECTED'),
            rejection_reason: string("Declared diabetes is above the insurer's acceptance limit"),
          }),
          end_cursor: null,
          has_next: boolean(false),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          // The request listAllHealthProposals sends for a second page: the first query plus `next`.
          const page = unwrap(
            await clientFor(mockServer.url).GET('/v1/business/health/proposals', {
              params: { query: { ...range, next: 'cHJvcG9zYWw6ckVxbVNNOXdDWjdVdzl4Zg' } },
            }),
          );
          expect(page.proposals.map((proposal) => proposal.status)).toEqual(['REJECTED']);
          expect(page.end_cursor).toBeNull();
        }),
      );
  });

  it('listHealthPolicies: one page of policies for a date range, as listAllHealthPolicies reads it', async () => {
    await pact
      .addInteraction()
      .given(singlePageOfPolicies)
      .uponReceiving('a request for the health policies of a 7-day range')
      .withRequest('GET', '/v1/business/health/policies', (builder) => {
        builder.query(range).headers(bearer);
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          policies: eachLike({
            session_id: string('C3J27XDCG2LmlZGE'),
            policy_id: string('4pMbXDuCL1mHoOsF'),
            insurer_policy_number: string('2856205312345600000'),
            status: string('ISSUED'),
            issuance_date: day('2026-06-06'),
            expiry_date: day('2027-06-05'),
            sum_insured: money('500000.00'),
            gross_premium: money('11120.00'),
            tenure: integer(1),
            insurer_name: string('HDFC ERGO'),
            proposer_details: { name: string('Arjun Mehta'), city: string('New Delhi') },
            insured_members: eachLike({ member_id: string('aQfDPrAJ71fTquWo'), name: string('Arjun Mehta'), relationship: string('SELF') }),
          }),
          end_cursor: null,
          has_next: boolean(false),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const policies = await collect(listAllHealthPolicies(clientFor(mockServer.url), range));
          expect(policies.map((policy) => policy.policy_id)).toEqual(['4pMbXDuCL1mHoOsF']);
        }),
      );
  });

  it('listHealthQuotes: an expired or refused token is a 401 A4001 problem', async () => {
    await pact
      .addInteraction()
      .given(expiredToken)
      .uponReceiving('a request for health quotes with a token OneAssure no longer accepts')
      .withRequest('GET', '/v1/business/health/quotes', (builder) => {
        builder.query(range).headers(bearer);
      })
      .willRespondWith(401, (builder) => {
        builder.jsonBody({
          type: 'A4001',
          title: string('Invalid Authentication Credentials'),
          detail: string('The access token is missing, invalid or expired'),
          instance: string('/v1/business/health/quotes'),
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          // The client fetches a fresh token and repeats the call once; the repeat is refused too.
          const error = await rejectionOf(collect(listAllHealthQuotes(clientFor(mockServer.url), range)));
          expect(AuthenticationError.isInstance(error)).toBe(true);
          expect(OneAssureApiError.isInstance(error)).toBe(true);
          expect((error as OneAssureApiError).providerCode).toBe('A4001');
        }),
      );
  });
});

// Embedded quote and proposal (oneassure-embedded.ts).
const embeddedPerson = {
  title: 'MR',
  first_name: 'Rahul',
  last_name: 'Sharma',
  mobile: '9876543210',
  country_code: '+91',
  date_of_birth: '14/03/1992',
  nationality: 'IND',
  gender: 'MALE' as const,
  documents: [{ document_type: 'PAN' as const, document_number: 'ABCDE1234F' }],
};

describe('consumer contract: embedded quote and proposal', () => {
  it('createEmbeddedQuote: borrower and loan context as context_data, recommendations in payload', async () => {
    await pact
      .addInteraction()
      .given('insurers quote loan-linked cover for a 24-month loan')
      .uponReceiving('an embedded quote request')
      .withRequest('POST', '/v1/embedded/quote', (builder) => {
        builder.headers(bearer).jsonBody({
          date_of_birth: '14/03/1992',
          gender: 'MALE',
          cover_amount: '500000.00',
          policy_term: 24,
          context_data: [
            { key: 'loan_amount', values: ['500000.00'] },
            { key: 'loan_tenure', values: ['24'] },
          ],
        });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({
          payload: {
            quote_id: regex(/^quo_\w+$/, 'quo_APyhzAnar3ZLt4bn'),
            matched_products: integer(2),
            recommendations: eachLike({
              recommendation_id: regex(/^rec_\w+$/, 'rec_lz2MPKgcjnCqaXNv'),
              insurer_name: string('ICICI Lombard'),
              total_premium: money('5900.00'),
              is_error: boolean(false),
            }),
          },
        });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const quote = await createEmbeddedQuote(clientFor(mockServer.url), {
            dateOfBirth: '14/03/1992',
            gender: 'MALE',
            coverAmount: '500000.00',
            policyTermMonths: 24,
            loanContext: { loan_amount: '500000.00', loan_tenure: '24' },
          });
          expect(quote.quoteId).toBe('quo_APyhzAnar3ZLt4bn');
          expect(quote.priced[0]?.recommendation_id).toBe('rec_lz2MPKgcjnCqaXNv');
        }),
      );
  });

  it('createEmbeddedProposal: a DRAFT proposal for the chosen recommendation', async () => {
    await pact
      .addInteraction()
      .given('quote quo_APyhzAnar3ZLt4bn has recommendation rec_lz2MPKgcjnCqaXNv and no active proposal')
      .uponReceiving('an embedded proposal request')
      .withRequest('POST', '/v1/embedded/proposal', (builder) => {
        builder.headers(bearer).jsonBody({
          quote_id: 'quo_APyhzAnar3ZLt4bn',
          recommendation_id: 'rec_lz2MPKgcjnCqaXNv',
          status: 'DRAFT',
          proposer: embeddedPerson,
          insured_members: [embeddedPerson],
        });
      })
      .willRespondWith(200, (builder) => {
        builder.jsonBody({ payload: { proposal_id: string('prp_7QkXw2mLr9TbZ4Hs'), status: 'DRAFT' } });
      })
      .executeTest(
        printingClientErrors(async (mockServer) => {
          const proposal = await createEmbeddedProposal(clientFor(mockServer.url), {
            quoteId: 'quo_APyhzAnar3ZLt4bn',
            recommendationId: 'rec_lz2MPKgcjnCqaXNv',
            proposer: embeddedPerson,
            insuredMembers: [embeddedPerson],
          });
          expect(proposal).toEqual({ proposalId: 'prp_7QkXw2mLr9TbZ4Hs', status: 'DRAFT' });
        }),
      );
  });
});

describeRecordedPactChecks('oneassure', { preferByProviderState });
