export { isMockName, type MockDefinition, type MockName, mockDefinitions } from './mock-registry.js';
export { findFreePort, type RunningMock, type StartMockOptions, startMock } from './prism-server.js';
export { ensureRedisServerInstalled, type RunningRedis, startRedisServer } from './redis-server.js';
