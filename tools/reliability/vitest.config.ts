import { workspaceVitestConfig } from '../../vitest.shared.js';

export default workspaceVitestConfig({ testTimeout: 120_000 });
