import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// How the tests run the CLI: a real `node` process on the TypeScript source, as the workspace does.
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('./cli.ts', import.meta.url));
// Absolute, so the child finds tsx whatever its working directory.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export const cliEntryArguments = ['--import', tsxLoader, '--conditions=@coverlink/source', entry];

/** The parent's environment without any COVERLINK_* variable, plus `environment`. */
export function childEnvironment(environment: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('COVERLINK_')));
  return { ...clean, ...environment };
}

export interface CliOptions {
  environment?: Record<string, string>;
  cwd?: string;
}

/** Starts the CLI and returns the child; the caller reads its streams. */
export function spawnCli(args: readonly string[], options: CliOptions = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...cliEntryArguments, ...args], {
    cwd: options.cwd ?? packageRoot,
    env: childEnvironment(options.environment),
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to the end. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return collect(spawnCli(args, options));
}

/** Collects a running child's output until it exits. */
export function collect(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Resolves with the text a stream has printed once `pattern` matches it. */
export function waitForOutput(stream: NodeJS.ReadableStream, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${pattern} in:\n${text}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = pattern.exec(text);
      if (match !== null) {
        clearTimeout(timer);
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
  });
}
