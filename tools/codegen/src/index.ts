export { generateTypes } from './generate-types.js';
export { generatedTypesDrift } from './generated-types-drift.js';
export { providerLayout } from './provider-layout.js';
