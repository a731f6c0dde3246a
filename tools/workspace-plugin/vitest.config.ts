import { workspaceVitestConfig } from '../../vitest.shared.js';

// The provider generator's test generates and builds a whole provider package in a workspace copy.
export default workspaceVitestConfig({ include: ['src/**/*.test.ts'], testTimeout: 600_000 });
