import { workspaceVitestConfig } from '../../vitest.shared.js';

// Consumer tests record the pacts, then the same file checks them against the spec and replays
// them against Prism: one file, run in order, so the checks always see this run's pacts.
// One retry: in full CI runs one consumer interaction (a different one each time) was reported
// "expected but not received" with no client error; it has not happened in isolated runs and its
// cause is not found yet (see the stop 18 note). A retry still fails a contract that is broken.
export default workspaceVitestConfig({ include: ['src/**/*.contract.ts'], testTimeout: 120_000, retry: 1 });
