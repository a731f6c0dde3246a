import { cursorPagination, paginate, unwrap } from '@coverlink/core';
import type { components } from './generated/oneassure.js';
import type { HealthListQuery } from './list-query-guard.js';
import type { OneAssureClient } from './oneassure-client.js';

type Schemas = components['schemas'];

/** A OneAssure health quote. */
export type OneAssureQuote = Schemas['Quote'];
/** A OneAssure health proposal. */
export type OneAssureProposal = Schemas['Proposal'];
/** A OneAssure health policy. */
export type OneAssurePolicy = Schemas['Policy'];

type QuoteList = Schemas['QuoteList'];
type ProposalList = Schemas['ProposalList'];
type PolicyList = Schemas['PolicyList'];

/** The query of a "list all" iterator: the first page's query; the cursors are followed for you. */
export type HealthListFilter = Omit<HealthListQuery, 'next' | 'prev'>;

/**
 * Every quote matching `query`, page after page (OneAssure's `end_cursor` sent back as `next`), for
 * `for await`. Errors are thrown as `OneAssureApiError`s; an invalid query before anything is sent.
 */
export function listAllHealthQuotes(client: OneAssureClient, query: HealthListFilter): AsyncGenerator<OneAssureQuote, void, undefined> {
  return paginate(
    async (next) => unwrap(await client.GET('/v1/business/health/quotes', { params: { query: { ...query, next } } })),
    cursorPagination<QuoteList, OneAssureQuote>({ items: (page) => page.quotes, nextCursor: (page) => page.end_cursor }),
  );
}

/** Every proposal matching `query`, page after page; see {@link listAllHealthQuotes}. */
export function listAllHealthProposals(
  client: OneAssureClient,
  query: HealthListFilter,
): AsyncGenerator<OneAssureProposal, void, undefined> {
  return paginate(
    async (next) => unwrap(await client.GET('/v1/business/health/proposals', { params: { query: { ...query, next } } })),
    cursorPagination<ProposalList, OneAssureProposal>({ items: (page) => page.proposals, nextCursor: (page) => page.end_cursor }),
  );
}

/** Every policy matching `query`, page after page; see {@link listAllHealthQuotes}. */
export function listAllHealthPolicies(client: OneAssureClient, query: HealthListFilter): AsyncGenerator<OneAssurePolicy, void, undefined> {
  return paginate(
    async (next) => unwrap(await client.GET('/v1/business/health/policies', { params: { query: { ...query, next } } })),
    cursorPagination<PolicyList, OneAssurePolicy>({ items: (page) => page.policies, nextCursor: (page) => page.end_cursor }),
  );
}
