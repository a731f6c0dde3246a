export { listPactFiles, resetPactFolder } from './pact-folder.js';
export { type ComparisonFinding, compareWithSpec } from './spec-comparison.js';
export { verifyPactsWithPrism } from './prism-verification.js';
