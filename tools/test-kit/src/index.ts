// What the workspace's tests share (import it in tests; a process vitest does not run imports
// `@coverlink/test-kit/standalone`). Typed by shape wherever it meets core or auth, so the packages
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
export { countingTokenProvider, type LogCall, type LogLevel, recordingLogger, recordingSleep } from './recording-doubles.js';
// The parts that run outside vitest too, for the processes a test starts and for the bench.
export * from './standalone.js';
export {
  describeTokenStoreContract,
  freshKey,
  type GrantKeyShape,
  type GrantShape,
  grant,
  lockTimeoutCode,
  type TokenStoreUnderTest,
} from './token-store-contract.js';
