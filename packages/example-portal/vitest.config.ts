import { workspaceVitestConfig } from '../../vitest.shared.js';

export default workspaceVitestConfig({
  // The browser tests need Chromium: installed (or reported missing) once, before any test file runs.
  globalSetup: ['src/chromium.global-setup.ts'],
});
