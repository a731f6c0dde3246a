// Runs a TypeScript entry point in a fresh Node process, as the workspace runs its tools: tsx, and
// the `@coverlink/source` condition so workspace packages load from source. For a CLI, a demo, or a
// worker of a multi-process test.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// Absolute, so the child finds tsx whatever its working directory.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Options of {@link spawnTypeScript}. */
export interface TypeScriptProcessOptions {
  /** Arguments after the entry point. */
  args?: readonly string[];
  /** Node options before it (e.g. `--max-old-space-size=64`). */
  nodeArguments?: readonly string[];
  cwd?: string | undefined;
  /** Set over the parent's environment. */
  environment?: Record<string, string> | undefined;
  /** Names of the parent's variables the child must not inherit (e.g. a CLI's own settings). */
  withoutVariables?: (name: string) => boolean;
}

/** The child's environment: the parent's, without `withoutVariables`, plus `environment`. */
export function childEnvironment(options: Pick<TypeScriptProcessOptions, 'environment' | 'withoutVariables'> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !(options.withoutVariables?.(name) ?? false));
  return { ...Object.fromEntries(inherited), ...options.environment };
}

/** The Node arguments that run `entry` (a TypeScript file) from source. */
export function typeScriptArguments(entry: string, options: Pick<TypeScriptProcessOptions, 'args' | 'nodeArguments'> = {}): string[] {
  return [...(options.nodeArguments ?? []), '--import', tsxLoader, '--conditions=@coverlink/source', entry, ...(options.args ?? [])];
}

/** Starts `entry` and returns the child; the caller reads its streams. */
export function spawnTypeScript(entry: string, options: TypeScriptProcessOptions = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, typeScriptArguments(entry, options), { cwd: options.cwd, env: childEnvironment(options) });
}

/** How a child process ended, and everything it printed. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both streams as they arrived, interleaved. */
  output: string;
}

/** Collects a running child's output until it exits. */
export function collectOutput(child: ChildProcessWithoutNullStreams): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const printed = { stdout: '', stderr: '', output: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        printed[stream] += text;
        printed.output += text;
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...printed }));
  });
}

/** Runs `entry` to the end. */
export function runTypeScript(entry: string, options: TypeScriptProcessOptions = {}): Promise<ProcessResult> {
  return collectOutput(spawnTypeScript(entry, options));
}

/** The last line of `stdout` parsed as JSON, when it is a JSON object (a worker's report). */
export function lastJsonLine<Report>(stdout: string): Report | undefined {
  const line = stdout.trim().split('\n').pop() ?? '';
  return line.startsWith('{') ? (JSON.parse(line) as Report) : undefined;
}

/** Resolves with the match once the text a stream has printed matches `pattern`. */
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
