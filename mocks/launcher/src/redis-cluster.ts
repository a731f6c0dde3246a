import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from './prism-server.js';
import { ensureRedisServerInstalled, redisReady } from './redis-server.js';

const run = promisify(execFile);

/** One master of a {@link RunningRedisCluster}. */
export interface RunningRedisClusterNode {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
}

/** A running Redis Cluster of loopback `redis-server` processes. */
export interface RunningRedisCluster {
  /** Its masters, each owning a third of the hash slots. */
  nodes: RunningRedisClusterNode[];
  /** What `createCluster({ rootNodes })` of `@redis/client` takes. */
  rootNodes: Array<{ url: string }>;
  /** Stops every node, waits for them to exit and deletes their directories. */
  stop(): Promise<void>;
}

/** Options of {@link startRedisCluster}. */
export interface StartRedisClusterOptions {
  /** How many masters. Default 3, the smallest cluster `redis-cli --cluster create` accepts. */
  masters?: number | undefined;
}

/**
 * Starts a throwaway Redis Cluster on 127.0.0.1: `masters` `redis-server` processes in cluster
 * mode on free ports (no replicas, no persistence, `nodes.conf` in a directory under the OS
 * temporary directory), joined with `redis-cli --cluster create`, and resolved once every node
 * reports `cluster_state:ok`. Installs `redis-server` and `redis-cli` with apt-get when missing.
 * Needs Redis 7 or later (for `cluster-port`, which keeps the bus ports free too).
 */
export async function startRedisCluster(options: StartRedisClusterOptions = {}): Promise<RunningRedisCluster> {
  ensureRedisServerInstalled();
  const masters = options.masters ?? 3;
  const started: StartedNode[] = [];
  try {
    for (let index = 0; index < masters; index++) started.push(await startNode());
    const addresses = started.map((node) => `127.0.0.1:${node.port}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    await Promise.all(started.map((node) => waitUntilClusterOk(node.port)));
  } catch (error) {
    await Promise.all(started.map((node) => node.stop()));
    throw error;
  }
  const nodes = started.map(({ port }) => ({ url: `redis://127.0.0.1:${port}`, port }));
  return {
    nodes,
    rootNodes: nodes.map(({ url }) => ({ url })),
    async stop() {
      await Promise.all(started.map((node) => node.stop()));
    },
  };
}

interface StartedNode {
  port: number;
  stop(): Promise<void>;
}

async function startNode(): Promise<StartedNode> {
  const port = await findFreePort();
  // The cluster bus defaults to port + 10 000, which nobody checked was free (or even below 65 536).
  const busPort = await findFreePort();
  const directory = await mkdtemp(join(tmpdir(), 'coverlink-redis-cluster-'));
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--protected-mode',
      'yes',
      '--cluster-enabled',
      'yes',
      '--cluster-port',
      String(busPort),
      '--cluster-config-file',
      join(directory, 'nodes.conf'),
      '--cluster-node-timeout',
      '5000',
      '--dir',
      directory,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await redisReady(child, 'redis-server (cluster node)');
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, stop };
}

async function waitUntilClusterOk(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  let info = '';
  while (Date.now() < deadline) {
    ({ stdout: info } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'cluster', 'info'], { timeout: 5_000 }));
    if (/^cluster_state:ok\r?$/m.test(info)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The Redis Cluster node on port ${port} did not reach cluster_state:ok within 30 s:\n${info}`);
}
