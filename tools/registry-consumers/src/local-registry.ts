import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findFreePort } from '@coverlink/mocks';

const require = createRequire(import.meta.url);

/** A Verdaccio registry on loopback that holds only what the test publishes. */
export interface LocalRegistry {
  /** Its base URL, ending in `/`, e.g. `http://127.0.0.1:43111/`. */
  url: string;
  /** The `//host:port/` key npm and pnpm configuration lines start with. */
  configurationKey: string;
  /** A publish token of a throwaway user. */
  token: string;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts Verdaccio on a free loopback port, with its storage and user file in `folder`.
 *
 * Only `@coverlink/*` is served and there is no uplink: a `@coverlink` name can only come from what
 * the test published, never from the public registry. Consumers fetch everything else (openapi-fetch,
 * oauth4webapi, …) from npm's own registry through a scoped `@coverlink:registry` line.
 * Publishing needs a token (npm and pnpm refuse to publish without one), so a throwaway user is
 * registered through the registry's own `adduser` endpoint.
 */
export async function startLocalRegistry(folder: string): Promise<LocalRegistry> {
  mkdirSync(join(folder, 'storage'), { recursive: true });
  const port = await findFreePort();
  const configuration = join(folder, 'verdaccio.yaml');
  writeFileSync(
    configuration,
    [
      `storage: ${JSON.stringify(join(folder, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(folder, 'htpasswd'))}`,
      '    max_users: 1',
      'uplinks: {}',
      'packages:',
      "  '@coverlink/*':",
      '    access: $all',
      '    publish: $authenticated',
      '    unpublish: $authenticated',
      'log: { type: stdout, format: pretty, level: warn }',
      'publish:',
      '  allow_offline: true',
      '',
    ].join('\n'),
  );
  const verdaccio = spawn(
    process.execPath,
    [require.resolve('verdaccio/bin/verdaccio'), '--config', configuration, '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  verdaccio.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  verdaccio.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilServing(url, verdaccio, () => output);
    const token = await addThrowawayUser(url);
    return { url, configurationKey: `//127.0.0.1:${port}/`, token, stop: () => stopProcess(verdaccio) };
  } catch (error) {
    await stopProcess(verdaccio);
    throw error;
  }
}

async function waitUntilServing(url: string, verdaccio: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (verdaccio.exitCode !== null) throw new Error(`Verdaccio exited with ${verdaccio.exitCode}:\n${output()}`);
    try {
      if ((await fetch(new URL('-/ping', url))).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Verdaccio did not answer on ${url} within 60 s:\n${output()}`);
}

async function addThrowawayUser(url: string): Promise<string> {
  const name = 'coverlink-release-test';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'throwaway-password' }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || typeof body.token !== 'string')
    throw new Error(`Verdaccio refused the test user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
