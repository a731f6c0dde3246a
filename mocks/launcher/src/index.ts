export {
  isMockName,
  type MockDefinition,
  type MockName,
  mockDefinition,
  mockDefinitions,
  type SimulatorDefinition,
  type SimulatorName,
  simulatorDefinition,
  simulatorDefinitions,
} from './mock-registry.js';
export { findFreePort, type RunningMock, type StartMockOptions, startMock } from './prism-server.js';
export { recordingFetch, type WireRecord } from './recording-fetch.js';
export {
  type RunningRedisCluster,
  type RunningRedisClusterNode,
  type StartRedisClusterOptions,
  startRedisCluster,
} from './redis-cluster.js';
export { ensureRedisServerInstalled, type RunningRedis, startRedisServer } from './redis-server.js';
export { secretsEqual } from './secrets-equal.js';
export { type SelfSignedCertificate, selfSignedCertificate } from './self-signed-certificate.js';
export { runServerCommand } from './server-command.js';
export { mockGlobalSetup, type ProvidingProject } from './vitest-global-setup.js';
