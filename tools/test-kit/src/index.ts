// What the workspace's tests share. Typed by shape wherever it meets core or auth, so the packages
// whose tests use it are not among its dependencies (no cycle in the Nx graph or the project references).
export {
  type AcmeError,
  acmeErrorShape,
  acmeProfile,
  acmeSensitiveFields,
  type paths,
  type Thing,
  type ThingPage,
} from './acme-provider.js';
export { bundleWithEsbuild } from './bundler.js';
export {
  type AuthorizationCodeLogin,
  type DemoAuthorizationServer,
  demoClientEnvironment,
  demoClientSettings,
  demoClientSettingsFromEnvironment,
  demoCredentials,
  demoGrantKey,
  demoRedirectUri,
  logInDemoUser,
  startDemoAuthorizationServer,
} from './demo-user.js';
export {
  createFaultServer,
  type FaultServer,
  type FaultServerOptions,
  type RecordedRequest,
  type Step,
  startFaultServer,
  unscriptedStatus,
  unusedPort,
  useFaultServer,
} from './fault-server.js';
export { jwtExpiringAt, rejectionOf, renderingsOf, type Settled, settle, sleep, stillPendingAfter } from './promise-outcomes.js';
export { countingTokenProvider, type LogCall, type LogLevel, recordingLogger, recordingSleep } from './recording-doubles.js';
export {
  describeTokenStoreContract,
  freshKey,
  type GrantKeyShape,
  type GrantShape,
  grant,
  lockTimeoutCode,
  type TokenStoreUnderTest,
} from './token-store-contract.js';
export {
  childEnvironment,
  collectOutput,
  lastJsonLine,
  type ProcessResult,
  runTypeScript,
  spawnTypeScript,
  type TypeScriptProcessOptions,
  typeScriptArguments,
  waitForOutput,
} from './typescript-process.js';
