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
export { OsiguApiError, OsiguError, OsiguErrorCode, OsiguPreauthorizationError, OsiguWebhookError } from './osigu-errors.js';
export { type OsiguPage, paginateOsigu } from './osigu-pagination.js';
export {
  type OsiguAuthorization,
  type OsiguIndication,
  type OsiguIndicationFileType,
  type OsiguRequestedProduct,
  type PreauthorizeInput,
  type PreauthorizeResult,
  type PreauthorizeStep,
  preauthorize,
} from './osigu-preauthorize.js';
export { osiguProfile } from './osigu-profile.js';
export {
  type OsiguWebhookEvent,
  osiguSignatureHeader,
  signOsiguWebhook,
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
