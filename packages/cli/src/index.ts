export { CliError, ExitCode, UsageError } from './cli-errors.js';
export { ConfigSource, type Environment } from './config.js';
export type { RunOptions } from './context.js';
export { FileTokenStore, type FileTokenStoreOptions } from './file-token-store.js';
export { createProgram, run } from './program.js';
