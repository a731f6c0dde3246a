// Kept in step with package.json by version.test.ts; a JSON import would put package.json outside
// the compiled source tree.
export const oneAssurePackageVersion = '0.1.0';
