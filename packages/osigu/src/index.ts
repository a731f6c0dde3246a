export type { components as OsiguComponents, operations as OsiguOperations, paths as OsiguPaths } from './generated/osigu.js';
export {
  createOsiguClient,
  createOsiguTokenProvider,
  type OsiguClient,
  type OsiguClientSettings,
  osiguEnvironments,
} from './osigu-client.js';
export {
  OsiguApiError,
  OsiguError,
  type OsiguErrorBody,
  OsiguErrorCode,
  OsiguPreauthorizationError,
  OsiguWebhookError,
} from './osigu-errors.js';
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
export {
  type OsiguWebhookEvent,
  osiguSignatureHeader,
  signOsiguWebhook,
  type VerifyOsiguWebhookOptions,
  verifyOsiguWebhook,
} from './osigu-webhooks.js';
export { type FetchResult, unwrap } from './unwrap.js';
