// How the tests run the CLI: a real `node` process on the TypeScript source (test-kit's runner),
// without the parent's COVERLINK_* settings, so only what a test passes reaches the CLI.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ProcessResult, runTypeScript, spawnTypeScript, type TypeScriptProcessOptions } from '@coverlink/test-kit';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** What a test may set for a CLI run. */
export interface CliOptions {
  environment?: Record<string, string>;
  cwd?: string;
}

function processOptions(args: readonly string[], options: CliOptions): TypeScriptProcessOptions {
  return {
    args,
    cwd: options.cwd ?? packageRoot,
    environment: options.environment,
    withoutVariables: (name) => name.startsWith('COVERLINK_'),
  };
}

/** Starts the CLI and returns the child; the caller reads its streams. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): ChildProcessWithoutNullStreams {
  return spawnTypeScript(entry, processOptions(args, options));
}

/** Runs the CLI to the end. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<ProcessResult> {
  return runTypeScript(entry, processOptions(args, options));
}
