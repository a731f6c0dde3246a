// The part of the test kit that does not need vitest: for the worker processes a test starts, and
// for the bench, which vitest does not run (vitest's hooks and expect only work inside a vitest run).
export {
  type AuthorizationCodeLogin,
  type DemoAuthorizationServer,
  demoClientEnvironment,
  demoClientSettings,
  demoClientSettingsFromEnvironment,
  demoCredentials,
  demoGrantKey,
  demoRedirectUri,
  invalidGrantCount,
  logInDemoUser,
  startDemoAuthorizationServer,
} from './demo-user.js';
export {
  type ErrorKind,
  jwtExpiringAt,
  rejectionOf,
  renderingsOf,
  type Settled,
  settle,
  sleep,
  stillPendingAfter,
} from './promise-outcomes.js';
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
