// The runtime's one way to turn a call's result into data or a typed error, re-exported so a
// Hello Claims integration needs a single import.
export { type FetchResult, unwrap } from '@coverlink/core';
export type {
  components as HelloClaimsComponents,
  operations as HelloClaimsOperations,
  paths as HelloClaimsPaths,
} from './generated/helloclaims.js';
export {
  createHelloClaimsClient,
  type HelloClaimsClient,
  type HelloClaimsClientSettings,
  type HelloClaimsUserClient,
  helloClaimsEnvironments,
  type PendingConnection,
} from './helloclaims-client.js';
export { HelloClaimsApiError } from './helloclaims-errors.js';
export { helloClaimsProfile } from './helloclaims-profile.js';
