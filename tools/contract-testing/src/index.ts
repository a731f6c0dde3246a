export { printingClientErrors } from './client-errors.js';
export { listPactFiles, resetPactFolder } from './pact-folder.js';
export { type PrismVerificationOptions, verifyPactsWithPrism } from './prism-verification.js';
export { describeRecordedPactChecks, pactFolderOf } from './recorded-pact-checks.js';
export { type ComparisonFinding, compareWithSpec } from './spec-comparison.js';
