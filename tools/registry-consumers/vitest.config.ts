import { workspaceVitestConfig } from '../../vitest.shared.js';

// One long test file: a registry, a release and a dozen npm installs and app runs.
export default workspaceVitestConfig({ testTimeout: 300_000, hookTimeout: 300_000 });
