// The runtime's one way to turn a call's result into data or a typed error, re-exported so a
// OneAssure integration needs a single import.
export { type FetchResult, unwrap } from '@coverlink/core';
export type {
  components as OneAssureComponents,
  operations as OneAssureOperations,
  paths as OneAssurePaths,
} from './generated/oneassure.js';
export { checkHealthListQuery, type HealthListQuery } from './list-query-guard.js';
export { createOneAssureClient, type OneAssureClient, type OneAssureClientSettings } from './oneassure-client.js';
export {
  createEmbeddedProposal,
  createEmbeddedQuote,
  type EmbeddedProposalInput,
  type EmbeddedProposalResult,
  type EmbeddedQuoteInput,
  type EmbeddedQuoteResult,
  type OneAssureEmbeddedPerson,
  type OneAssureEmbeddedRecommendation,
} from './oneassure-embedded.js';
export { OneAssureApiError, OneAssureError, OneAssureErrorCode } from './oneassure-errors.js';
export {
  type HealthListFilter,
  listAllHealthPolicies,
  listAllHealthProposals,
  listAllHealthQuotes,
  type OneAssurePolicy,
  type OneAssureProposal,
  type OneAssureQuote,
} from './oneassure-pages.js';
export { oneAssureProfile } from './oneassure-profile.js';
export { createRedirectUrl, oneAssureJourneyUrl, type RedirectUrlOptions } from './oneassure-redirect.js';
export {
  createOneAssureBusinessTokenProvider,
  createOneAssureSessionToken,
  type OneAssureSessionToken,
  type OneAssureSessionTokenOptions,
  type OneAssureTokenSettings,
} from './oneassure-tokens.js';
export {
  isKnownOneAssureWebhookEvent,
  type KnownOneAssureWebhookEvent,
  type OneAssureWebhookEvent,
  type ParseOneAssureWebhookOptions,
  parseOneAssureWebhook,
  secretsMatch,
  type UnknownOneAssureWebhookEvent,
} from './oneassure-webhooks.js';
