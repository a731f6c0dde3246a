// The runtime's one way to turn a call's result into data or a typed error, re-exported so an
// OSIGU integration needs a single import.
export { type FetchResult, unwrap } from '@coverlink/core';
export type { components as OsiguComponents, operations as OsiguOperations, paths as OsiguPaths } from './generated/osigu.js';
export {
  type AwaitOutpatientClaimOptions,
  awaitOutpatientClaim,
  type ClaimStep,
  type FiledOutpatientClaim,
  type FileOutpatientClaimInput,
  fileOutpatientClaim,
  OsiguClaimError,
  type OsiguClaimProduct,
  type OsiguClaimStatus,
  type OsiguOutpatientClaim,
} from './osigu-claims.js';
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
// Dispensing, outpatient claims and widgets.
export {
  type CompleteDispensingInput,
  completeDispensing,
  type DispensingResult,
  type DispensingSale,
  type DispensingState,
  type DispensingStep,
  type OsiguDispensationProduct,
  OsiguDispensingError,
  type OsiguOtpChannel,
  resendDispensingOtp,
  type StartDispensingInput,
  startDispensing,
} from './osigu-dispensing.js';
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
export {
  type OsiguPreAuthMountOptions,
  type OsiguPreAuthOutcome,
  type OsiguPrescriptionMountOptions,
  type OsiguPrescriptionOutcome,
  type OsiguWidgetError,
  type OsiguWidgetGlobals,
  type OsiguWidgetHandle,
  type OsiguWidgetLoaderOptions,
  type OsiguWidgetLocale,
  type OsiguWidgetMountOptions,
  type OsiguWidgetProductType,
  type OsiguWidgetVersion,
  osiguWidgetLoaderUrl,
  osiguWidgetOrigin,
} from './osigu-widgets.js';
