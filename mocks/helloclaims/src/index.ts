export {
  createHelloClaimsAuthorization,
  type HelloClaimsAuthorization,
  type HelloClaimsAuthorizationOptions,
  type RunningHelloClaimsAuthorizationServer,
  type StartHelloClaimsAuthorizationServerOptions,
  startHelloClaimsAuthorizationServer,
} from './authorization-server.js';
export {
  demoClient,
  demoUser,
  documentedLifetimes,
  type HelloClaimsClient,
  type HelloClaimsUser,
  helloClaimsMockPort,
  helloClaimsPaths,
} from './config.js';
export {
  type AccessTokenInfo,
  type HelloClaimsStats,
  type InvalidGrantReason,
  invalidGrantReasons,
  type RefreshTokenState,
} from './issued-grants.js';
export { escapeHtml } from './login-page.js';
export type { CodeChallengeMethod } from './pkce.js';
export { logInAt, readForm, ScriptedBrowser } from './scripted-login.js';
export { formatHelloClaimsDate, type HelloClaimsTokenResponse, type TokenErrorCode } from './token-endpoint-handler.js';
