import { readdirSync, readFileSync } from 'node:fs';
import { demoClient, logInAt } from '@coverlink/mock-helloclaims';
import { collectOutput, waitForOutput } from '@coverlink/test-kit';
import { expect, it } from 'vitest';
import { runCli, spawnCli } from './cli-process.test-support.js';

/**
 * The pids of the Prism processes whose parent is `pid` (Linux /proc). Other children are ignored on purpose:
 * tsx starts an esbuild service beside them when its transform cache is cold, as on a fresh machine.
 */
function prismChildrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …; comm may contain spaces, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === pid && /prism/.test(commandLine)) children.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return children;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('starts the five mocks, prints their URLs, and stops them all on SIGINT with exit 0', async () => {
  const child = spawnCli(['mocks', 'start', '--ports-from', '0']);
  const finished = collectOutput(child);
  await waitForOutput(child.stdout, /helloclaims-api +http:\/\/127\.0\.0\.1:\d+/, 50_000);
  const pid = child.pid ?? 0;
  const prism = prismChildrenOf(pid);
  expect(prism).toHaveLength(3);

  child.kill('SIGINT');
  const result = await finished;
  expect(result.code).toBe(0);
  const urls = Object.fromEntries(
    [...result.stdout.matchAll(/^ {2}(\S+) +(http:\/\/127\.0\.0\.1:\d+)/gm)].map((match) => [match[1], match[2]]),
  );
  expect(Object.keys(urls)).toEqual(['osigu', 'oneassure', 'helloclaims-login', 'helloclaims-api', 'osigu-simulator']);
  expect(result.stdout).toContain('Stopped every mock (SIGINT).');
  for (const prismPid of prism) expect(isAlive(prismPid)).toBe(false);
  expect(prismChildrenOf(pid)).toEqual([]);
}, 60_000);

it('answers on every printed URL while running (JSON output)', async () => {
  const child = spawnCli(['--json', 'mocks', 'start', '--ports-from', '0']);
  const finished = collectOutput(child);
  const [document] = await waitForOutput(child.stdout, /\{[\s\S]*\}\n/, 50_000);
  const urls = JSON.parse(document) as Record<string, string>;
  expect(Object.keys(urls)).toEqual(['osigu', 'oneassure', 'helloclaims-login', 'helloclaims-api', 'osigu-simulator']);
  const osiguToken = await fetch(`${urls.osigu}/v1/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('demo-client:demo-secret')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  expect(osiguToken.status).toBe(200);
  const oneAssureToken = await fetch(`${urls.oneassure}/v1/auth/token`, { method: 'POST' });
  expect(oneAssureToken.status).toBeLessThan(500);
  const loginPage = await fetch(`${urls['helloclaims-login']}/login/broker`);
  expect(loginPage.status).toBeLessThan(500);
  const requests = await fetch(`${urls['helloclaims-api']}/requests`, { headers: { authorization: 'Bearer mock' } });
  expect(requests.status).toBe(200);
  // The simulator, unlike Prism, knows its clients: the demo client gets a token, another one 401.
  const simulatorToken = (credentials: string) =>
    fetch(`${urls['osigu-simulator']}/v1/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(credentials)}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
  expect((await simulatorToken('demo-client:demo-secret')).status).toBe(200);
  expect((await simulatorToken('demo-client:wrong-secret')).status).toBe(401);
  child.kill('SIGINT');
  expect((await finished).code).toBe(0);
}, 60_000);

it('passes --revoke-on-refresh-token-reuse to the Hello Claims authorization server: a reused refresh token revokes its family', async () => {
  const child = spawnCli(['--json', 'mocks', 'start', '--ports-from', '0', '--revoke-on-refresh-token-reuse']);
  const finished = collectOutput(child);
  const [document] = await waitForOutput(child.stdout, /\{[\s\S]*\}\n/, 50_000);
  const login = (JSON.parse(document) as Record<string, string>)['helloclaims-login'];
  const [redirectUri = ''] = demoClient.redirectUris;
  const authorize = new URL(`${login}/login/broker`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: demoClient.clientId,
    redirect_uri: redirectUri,
    scope: 'requests',
  }).toString();
  const code = (await logInAt(authorize)).searchParams.get('code') ?? '';
  const token = async (body: Record<string, string>) => {
    const response = await fetch(`${login}/login/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${demoClient.clientId}:${demoClient.clientSecret}`)}` },
      body: new URLSearchParams({ redirect_uri: redirectUri, ...body }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  const first = await token({ grant_type: 'authorization_code', code });
  const second = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token ?? '' });
  expect(second.status).toBe(200);
  expect((await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token ?? '' })).status).toBe(400);
  // Without the switch the newer token would still work; with it, the whole family is gone.
  const after = await token({ grant_type: 'refresh_token', refresh_token: second.body.refresh_token ?? '' });
  expect(after).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  child.kill('SIGINT');
  expect((await finished).code).toBe(0);
}, 60_000);

it('rejects a bad --ports-from as a usage error', async () => {
  const result = await runCli(['mocks', 'start', '--ports-from', '70000']);
  expect(result.code).toBe(2);
});
