// The runtime's one way to turn a call's result into data or a typed error, re-exported so an
// OSIGU integration needs a single import.
export { type FetchResult, unwrap } from '@coverlink/core';
export type { components as OsiguComponents, operations as OsiguOperations, paths as OsiguPaths } from './generated/osigu.js';
export {
  createOsiguClient,
  createOsiguTokenProvider,
  type OsiguClient,
  type OsiguClientSettings,
  osiguEnvironments,
} from './osigu-client.js';
export {
  type AwaitDecisionOptions,
  createOsiguDecisionTracker,
  type OsiguDecision,
  type OsiguDecisionTracker,
  type OsiguDecisionTrackerOptions,
} from './osigu-decision-tracker.js';
export {
  OsiguApiError,
  OsiguDecisionPendingError,
  OsiguError,
  OsiguErrorCode,
  OsiguPreauthorizationError,
  OsiguPreauthorizationIncompleteError,
  type OsiguPreauthorizationShortfall,
  OsiguWebhookError,
} from './osigu-errors.js';
export { type OsiguPage, paginateOsigu } from './osigu-pagination.js';
export {
  MemoryPendingDecisionStore,
  type OsiguPendingDecisionStore,
  type OsiguRedisSortedSetCommands,
  RedisPendingDecisionStore,
  type RedisPendingDecisionStoreOptions,
} from './osigu-pending-decision-store.js';
export {
  type OsiguAuthorization,
  type OsiguAuthorizationType,
  type OsiguIndication,
  type OsiguIndicationFileType,
  type OsiguRequestedProduct,
  type PreauthorizeInput,
  type PreauthorizeRequestFields,
  type PreauthorizeResult,
  type PreauthorizeStep,
  preauthorize,
} from './osigu-preauthorize.js';
export { osiguProfile } from './osigu-profile.js';
export {
  createOsiguSponsorRules,
  defaultSponsorRulesTtlMs,
  type OsiguDocumentPolicy,
  type OsiguProductType,
  type OsiguSponsorConfiguration,
  type OsiguSponsorRule,
  type OsiguSponsorRules,
  type OsiguSponsorRulesOptions,
} from './osigu-sponsor-rules.js';
export {
  MemoryWebhookDedupeStore,
  type MemoryWebhookDedupeStoreOptions,
  type OsiguRedisCommands,
  type OsiguWebhookClaim,
  type OsiguWebhookDedupeStore,
  RedisWebhookDedupeStore,
  type RedisWebhookDedupeStoreOptions,
} from './osigu-webhook-dedupe-store.js';
export {
  createOsiguWebhookProcessor,
  type OsiguWebhookAnswer,
  type OsiguWebhookDelivery,
  type OsiguWebhookProcessor,
  type OsiguWebhookProcessorOptions,
  osiguRedeliveryWindowMs,
} from './osigu-webhook-processor.js';
export {
  isKnownOsiguWebhookEvent,
  type KnownOsiguWebhookEvent,
  type OsiguWebhookEvent,
  osiguSignatureHeader,
  signOsiguWebhook,
  type UnknownOsiguWebhookEvent,
  type VerifyOsiguWebhookOptions,
  verifyOsiguWebhook,
} from './osigu-webhooks.js';
