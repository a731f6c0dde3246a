import { type ChildProcess, spawn } from 'node:child_process';

/** Starts a TypeScript file in a fresh Node process (tsx, the `@coverlink/source` condition), with extra Node flags if given. */
export function spawnTs(file: string, environment: Record<string, string> = {}, nodeArguments: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArguments, '--import', 'tsx', '--conditions=@coverlink/source', file], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects a child's output and resolves with its exit code and its last stdout line parsed as JSON. */
export function childResult<T>(child: ChildProcess): Promise<{ code: number | null; output: string; report?: T }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      const output = `${stdout}${stderr}`;
      resolve(line.startsWith('{') ? { code, output, report: JSON.parse(line) as T } : { code, output });
    });
  });
}

/** Resolves with the port once the child prints `listening <port>`. */
export function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening (\d+)/.exec(output);
      if (match !== null) resolve(Number(match[1]));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('exit', (code) => reject(new Error(`The server exited (${code}) before listening:\n${output}`)));
  });
}

/** Prints a progress line. */
export const progress = (line: string): void => {
  process.stdout.write(`  … ${line}\n`);
};
