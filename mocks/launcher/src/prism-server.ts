import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { type MockName, mockDefinition } from './mock-registry.js';

/** A running mock server. */
export interface RunningMock {
  /** The provider name. */
  name: MockName;
  /** Base URL to give a client, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

/** Options of {@link startMock}. */
export interface StartMockOptions {
  /** The port; `0` picks a free one (what tests use). Default: the documented port. */
  port?: number | undefined;
  /** Receives Prism's own log lines (requests, validation warnings). Default: dropped. */
  onLog?: ((line: string) => void) | undefined;
  /** How long to wait for Prism to listen. Default 60 s (a cold start on a small machine takes a few seconds). */
  startTimeoutMilliseconds?: number | undefined;
}

const require = createRequire(import.meta.url);

function prismExecutable(): string {
  const manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.prism;
  if (bin === undefined) throw new Error('@stoplight/prism-cli declares no "prism" binary.');
  return join(dirname(manifestPath), bin);
}

/** A port that was free a moment ago on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not read the port of a probe socket.'));
      });
    });
  });
}

/**
 * Starts Prism serving the named provider's spec on 127.0.0.1 and resolves once it listens.
 *
 * Prism runs as a child process with `NODE_ENV` unset: its `-m` (multiprocess) mode, which
 * `NODE_ENV=production` switches on, crashes on Node 20.
 */
export async function startMock(name: MockName, options: StartMockOptions = {}): Promise<RunningMock> {
  const definition = mockDefinition(name);
  const port = options.port === 0 ? await findFreePort() : (options.port ?? definition.port);
  const environment = { ...process.env };
  delete environment.NODE_ENV;
  const child = spawn(process.execPath, [prismExecutable(), 'mock', definition.specPath, '--host', '127.0.0.1', '--port', String(port)], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilListening(child, name, port, options);
  return { name, url, port, stop: () => stopChild(child) };
}

function waitUntilListening(child: ChildProcess, name: string, port: number, options: StartMockOptions): Promise<void> {
  const output: string[] = [];
  const timeoutMilliseconds = options.startTimeoutMilliseconds ?? 60_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The ${name} mock did not start within ${timeoutMilliseconds / 1000} s. Prism said:\n${output.join('')}`));
    }, timeoutMilliseconds);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      for (const line of text.split('\n')) if (line.trim() !== '') options.onLog?.(line);
      if (text.includes('Prism is listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The ${name} mock exited before listening on port ${port} (${signal ?? `exit code ${code}`}). ` +
            `Is the port already in use? Prism said:\n${output.join('')}`,
        ),
      );
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(forceTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
