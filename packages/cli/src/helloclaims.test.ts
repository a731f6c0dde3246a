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
import { collectOutput, waitForOutput } from '@coverlink/test-kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, spawnCli } from './cli-process.test-support.js';

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
  COVERLINK_HELLOCLAIMS_BASE_URL: api.url,
});

it('connects through the browser callback, then lists the requests from a second process', async () => {
  const child = spawnCli(['helloclaims', 'connect', '--redirect-uri', redirectUri, '--store-dir', storeDirectory, '--user-id', 'user-7'], {
    environment: environment(),
  });
  const finished = collectOutput(child);
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
  const finished = collectOutput(child);
  const [authorizeUrl] = await waitForOutput(child.stdout, /http:\/\/127\.0\.0\.1:\d+\/login\/broker\?\S+/);
  const page = await fetch(await logInAt(authorizeUrl, { decision: 'deny' }));
  expect(page.status).toBe(400);
  const result = await finished;
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('✗ ');
  expect(result.stderr).toContain('hint:');
});

it('keeps waiting through forged and stray requests, then connects with the real callback', async () => {
  const child = spawnCli(['helloclaims', 'connect', '--redirect-uri', redirectUri, '--store-dir', storeDirectory, '--user-id', 'user-9'], {
    environment: environment(),
  });
  const finished = collectOutput(child);
  const [authorizeUrl] = await waitForOutput(child.stdout, /http:\/\/127\.0\.0\.1:\d+\/login\/broker\?\S+/);
  const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
  const origin = new URL(redirectUri).origin;
  // What a web page can fire at the port (an <img> is enough), and what a browser asks for anyway.
  const strays: Array<[string, RequestInit?]> = [
    [`${redirectUri}?state=forged-by-a-web-page&code=attacker-code`],
    [`${redirectUri}?code=attacker-code`],
    [`${redirectUri}?state=forged&error=access_denied`],
    [`${origin}/favicon.ico`],
    [`${origin}/elsewhere?state=${encodeURIComponent(state)}&code=attacker-code`],
    [`${redirectUri}?state=${encodeURIComponent(state)}&code=attacker-code`, { method: 'POST' }],
  ];
  for (const [url, init] of strays) {
    const page = await fetch(url, init);
    expect(page.status, url).toBe(400);
    expect(await page.text()).toContain('not the callback of the login Coverlink is waiting for');
  }
  expect(child.exitCode).toBeNull();

  const page = await fetch(await logInAt(authorizeUrl));
  expect(page.status).toBe(200);
  const connected = await finished;
  expect(connected.stderr).toBe('');
  expect(connected.code).toBe(0);
  expect(connected.stdout).toContain('✓ connected user user-9');
  expect(connected.stdout.match(/! ignored a request/g)).toHaveLength(3);
  expect(connected.stdout).not.toContain('attacker-code');
});

it.each([
  ['human', [] as string[]],
  ['--json', ['--json']],
])('reports a callback with two code values as a malformed callback (%s output), and exits 1', async (_mode, flags) => {
  const codesRedeemedBefore = authorizationServer.stats().codesRedeemed;
  const child = spawnCli(
    [...flags, 'helloclaims', 'connect', '--redirect-uri', redirectUri, '--store-dir', storeDirectory, '--user-id', 'user-10'],
    { environment: environment() },
  );
  const finished = collectOutput(child);
  const [authorizeUrl] = await waitForOutput(
    flags.length === 0 ? child.stdout : child.stderr,
    /http:\/\/127\.0\.0\.1:\d+\/login\/broker\?\S+/,
  );
  const callback = await logInAt(authorizeUrl);
  callback.searchParams.append('code', 'a-second-code');
  const page = await fetch(callback);
  expect(page.status).toBe(400);
  expect(await page.text()).toContain('The authorization callback is malformed');

  const result = await finished;
  expect(result.code).toBe(1);
  const output = result.stdout + result.stderr;
  expect(output).not.toMatch(/reach the token endpoint/);
  expect(output).not.toContain(callback.searchParams.get('code'));
  if (flags.length === 0) {
    expect(result.stderr).toContain('✗ The authorization callback is malformed: "code" appears 2 times.');
    expect(result.stderr).toContain('hint: Pass the callback URL exactly as your redirect URI received it');
  } else {
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { code: 'AUTH_INVALID_CALLBACK', message: expect.stringContaining('"code" appears 2 times'), hint: expect.any(String) },
    });
  }
  expect(authorizationServer.stats().codesRedeemed).toBe(codesRedeemedBefore);
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
