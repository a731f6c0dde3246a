import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { findFreePort } from './prism-server.js';

/** A running `redis-server`. */
export interface RunningRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), for tests of a store that loses Redis. */
  kill(): void;
}

function runs(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure Debian's `redis-server` and `redis-cli` (package redis-tools, which joins a Redis
 * Cluster) are installed: installs them with apt-get when either is missing (the workplace
 * machines reach Debian's packages and run as root), or explains what to do.
 */
export function ensureRedisServerInstalled(log: (line: string) => void = console.log): void {
  if (runs('redis-server') && runs('redis-cli')) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'redis-server or redis-cli is not installed and this is not root: install them (apt-get install redis-server redis-tools, brew install redis) and run again.',
    );
  }
  log('redis-server or redis-cli is missing: installing them with apt-get (once per machine)…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server', 'redis-tools'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * Starts a throwaway `redis-server` on 127.0.0.1 and a free port: no persistence, no config file,
 * gone when stopped.
 */
export async function startRedisServer(): Promise<RunningRedis> {
  ensureRedisServerInstalled();
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await redisReady(child, 'redis-server');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}

/**
 * Resolves once a starting `redis-server` child says it accepts connections; rejects, quoting its
 * output, when it exits first or takes longer than 10 s.
 *
 * @param what How to name the server in the error, e.g. `redis-server (cluster node)`.
 */
export function redisReady(child: ChildProcess, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 10 s:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (code ${code}) before accepting connections:\n${output}`));
    });
  });
}
