// Kept in step with package.json by a test (version.test.ts); a JSON import would put
// package.json outside the compiled source tree.
export const corePackageName = '@coverlink/core';
export const corePackageVersion = '0.1.0';
