import { workspaceVitestConfig } from '../../vitest.shared.js';

export default workspaceVitestConfig({ globalSetup: ['./src/mock-server.global-setup.ts', './src/osigu-simulator.global-setup.ts'] });
