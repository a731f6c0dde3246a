import { workspaceVitestConfig } from '../../vitest.shared.js';

// Consumer tests record the pacts, then the same file checks them against the spec and replays
// them against Prism: one file, run in order, so the checks always see this run's pacts.
export default workspaceVitestConfig({ include: ['src/**/*.contract.ts'], testTimeout: 120_000 });
