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
  isKnownOsiguWebhookEvent,
  type KnownOsiguWebhookEvent,
  type OsiguWebhookEvent,
  osiguSignatureHeader,
  signOsiguWebhook,
  type UnknownOsiguWebhookEvent,
  type VerifyOsiguWebhookOptions,
  verifyOsiguWebhook,
} from './osigu-webhooks.js';
