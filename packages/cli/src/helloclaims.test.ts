import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  demoClient,
  logInAt,
  type RunningHelloClaimsAuthorizationServer,
  startHelloClaimsAuthorizationServer,
} from '@coverlink/mock-helloclaims';
import { findFreePort, type RunningMock, startMock } from '@coverlink/mocks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collect, runCli, spawnCli, waitForOutput } from './cli-process.test-support.js';

let authorizationServer: RunningHelloClaimsAuthorizationServer;
let api: RunningMock;
let storeDirectory: string;
let redirectUri: string;

beforeAll(async () => {
  redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  [authorizationServer, api] = await Promise.all([
    startHelloClaimsAuthorizationServer({ port: 0, clients: [{ ...demoClient, redirectUris: [redirectUri] }] }),
    startMock('helloclaims', { port: 0 }),
  ]);
  storeDirectory = await mkdtemp(join(tmpdir(), 'coverlink-cli-store-'));
});

afterAll(async () => {
  await Promise.all([authorizationServer?.stop(), api?.stop()]);
  if (storeDirectory !== undefined) await rm(storeDirectory, { recursive: true, force: true });
});

const environment = () => ({
  COVERLINK_HELLOCLAIMS_AUTHORIZATION_URL: authorizationServer.authorizeUrl,
  COVERLINK_HELLOCLAIMS_TOKEN_URL: authorizationServer.tokenUrl,
  COVERLINK_HELLOCLAIMS_API_URL: api.url,
});

it('connects through the browser callback, then lists the requests from a second process', async () => {
  const child = spawnCli(['helloclaims', 'connect', '--redirect-uri', redirectUri, '--store-dir', storeDirectory, '--user-id', 'user-7'], {
    environment: environment(),
  });
  const finished = collect(child);
  const [authorizeUrl] = await waitForOutput(child.stdout, /http:\/\/127\.0\.0\.1:\d+\/login\/broker\?\S+/);
  const callback = await logInAt(authorizeUrl);
  expect(callback.href.startsWith(redirectUri)).toBe(true);
  const page = await fetch(callback);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('You can close this tab');

  const connected = await finished;
  expect(connected.stderr).toBe('');
  expect(connected.code).toBe(0);
  expect(connected.stdout).toContain('✓ connected user user-7');
  expect(connected.stdout).toContain(join(storeDirectory, 'grants.json'));

  const file = join(storeDirectory, 'grants.json');
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const grants = JSON.parse(await readFile(file, 'utf8')) as {
    grants: Record<string, { grant: { refreshToken: string; accessToken: string } }>;
  };
  const [stored] = Object.values(grants.grants);
  expect(stored?.grant.refreshToken).toBeTruthy();
  // Neither token reaches the terminal.
  expect(connected.stdout).not.toContain(stored?.grant.refreshToken);
  expect(connected.stdout).not.toContain(stored?.grant.accessToken);

  const listed = await runCli(
    ['helloclaims', 'requests', '--store-dir', storeDirectory, '--user-id', 'user-7', '--redirect-uri', redirectUri],
    {
      environment: environment(),
    },
  );
  expect(listed.stderr).toBe('');
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain('2 pending quote request(s)');
  expect(listed.stdout).toContain('CLM-2607-004512');
  expect(listed.stdout).toContain('CLM-2607-004588');
  expect(listed.stdout).not.toContain(stored?.grant.refreshToken);

  const json = await runCli(
    ['--json', 'helloclaims', 'requests', '--store-dir', storeDirectory, '--user-id', 'user-7', '--redirect-uri', redirectUri],
    {
      environment: environment(),
    },
  );
  expect(json.code).toBe(0);
  const document = JSON.parse(json.stdout) as { requests: Array<{ claimNumber: string }> };
  expect(document.requests.map((request) => request.claimNumber)).toEqual(['CLM-2607-004512', 'CLM-2607-004588']);
});

it('answers the browser with the failure and exits 1 when the user denies', async () => {
  const child = spawnCli(['helloclaims', 'connect', '--redirect-uri', redirectUri, '--store-dir', storeDirectory, '--user-id', 'user-8'], {
    environment: environment(),
  });
  const finished = collect(child);
  const [authorizeUrl] = await waitForOutput(child.stdout, /http:\/\/127\.0\.0\.1:\d+\/login\/broker\?\S+/);
  const page = await fetch(await logInAt(authorizeUrl, { decision: 'deny' }));
  expect(page.status).toBe(400);
  const result = await finished;
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('✗ ');
  expect(result.stderr).toContain('hint:');
});

it('says to connect first when no grant is stored, and exits 1', async () => {
  const result = await runCli(['helloclaims', 'requests', '--store-dir', storeDirectory, '--user-id', 'nobody'], {
    environment: environment(),
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('No Hello Claims connection for user nobody');
  expect(result.stderr).toContain('coverlink helloclaims connect');
});

it.each(['https://app.example.com/callback', 'http://evil.localhost:9999/callback'])(
  'refuses a redirect URI it cannot listen on, %s (exit 2)',
  async (uri) => {
    const result = await runCli(['helloclaims', 'connect', '--redirect-uri', uri, '--store-dir', storeDirectory]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('loopback');
  },
);
