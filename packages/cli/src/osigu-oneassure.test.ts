import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningMock, startMock } from '@coverlink/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-process.test-support.js';

let osigu: RunningMock;
let oneAssure: RunningMock;
let folder: string;
let indication: string;

beforeAll(async () => {
  [osigu, oneAssure] = await Promise.all([startMock('osigu', { port: 0 }), startMock('oneassure', { port: 0 })]);
  folder = await mkdtemp(join(tmpdir(), 'coverlink-cli-'));
  indication = join(folder, 'indication.pdf');
  await writeFile(indication, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
});

afterAll(async () => {
  await Promise.all([osigu?.stop(), oneAssure?.stop()]);
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

const preauthArguments = () => [
  'osigu',
  'preauth',
  '--sponsor',
  'sponsor-sandbox',
  '--document-type',
  'CC',
  '--document-number',
  '123456789',
  '--diagnosis',
  'R51',
  '--product',
  'MED-042',
  '--quantity',
  '30',
  '--posology',
  '1 tablet every 8h',
  // sponsor-sandbox's configuration requires it.
  '--professional-license-number',
  'MP-123456',
  '--indication',
  indication,
];

describe('coverlink osigu preauth', () => {
  it('prints one line per step and the authorization code', async () => {
    const result = await runCli([...preauthArguments(), '--base-url', osigu.url]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      '  ✓ beneficiary found: bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O (plan GOLD-100, active: true)',
      '  ✓ authorization request areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X created, status PENDING_INDICATION',
      '  ✓ indication attached (multipart)',
      '  ✓ request completed, status COMPLETED',
      '  ✓ authorization code AUTH-2026-001234 (MEDICATION, APPROVED)',
    ]);
    // Personal data given on the command line is not echoed.
    expect(result.stdout).not.toContain('123456789');
  });

  it('prints one JSON document with --json (before or after the subcommand)', async () => {
    for (const args of [
      ['--json', ...preauthArguments(), '--base-url', osigu.url],
      [...preauthArguments(), '--base-url', osigu.url, '--json'],
    ]) {
      const result = await runCli(args, { environment: { COVERLINK_OSIGU_BASE_URL: osigu.url } });
      expect(result.code).toBe(0);
      const document = JSON.parse(result.stdout) as {
        status: string;
        authorizations: Array<{ authorization_code: string }>;
        steps: unknown[];
      };
      expect(document.status).toBe('COMPLETED');
      expect(document.authorizations.map((authorization) => authorization.authorization_code)).toEqual(['AUTH-2026-001234']);
      expect(document.steps).toHaveLength(4);
    }
  });

  it('prints the typed error and its hint on a 404 and exits 1, without the secret', async () => {
    const secret = 'cli-test-secret-7f3a9c';
    const result = await runCli([...preauthArguments(), '--mock-prefer', 'code=404'], {
      environment: { COVERLINK_OSIGU_BASE_URL: osigu.url, COVERLINK_OSIGU_CLIENT_SECRET: secret },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✗ OSIGU answered 404 to POST /v1/sponsors/{sponsor_slug}/search');
    expect(result.stderr).toContain("hint: The beneficiary is not in the sponsor's directory");
    expect(result.stdout + result.stderr).not.toContain(secret);

    const json = await runCli(['--json', ...preauthArguments(), '--mock-prefer', 'code=404', '--client-secret', secret], {
      environment: { COVERLINK_OSIGU_BASE_URL: osigu.url },
    });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'API_NOT_FOUND', hint: expect.stringContaining('beneficiary') } });
    expect(json.stdout + json.stderr).not.toContain(secret);
  });

  it('exits 1 with a hint when the API cannot be reached', async () => {
    const result = await runCli([...preauthArguments(), '--base-url', 'http://127.0.0.1:9']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/✗ .*127\.0\.0\.1:9/);
    expect(result.stderr).toContain('hint:');
  });
});

describe('usage errors exit 2', () => {
  it.each([
    ['an unknown command', ['nope']],
    ['a missing required option', ['osigu', 'preauth', '--sponsor', 'x']],
    ['a bad --env', ['--env', 'production', 'oneassure', 'redirect-url', '--user-id', 'u']],
    ['a bad --quantity', () => [...preauthArguments(), '--quantity', 'many']],
    ['a missing indication file', () => [...preauthArguments().slice(0, -1), join(tmpdir(), 'does-not-exist.pdf')]],
    [
      '--mock-prefer against a non-loopback host',
      () => [...preauthArguments(), '--mock-prefer', 'code=404', '--base-url', 'https://sandbox.osigu.com'],
    ],
    [
      '--mock-prefer against a subdomain of localhost',
      () => [...preauthArguments(), '--mock-prefer', 'code=404', '--base-url', 'http://evil.localhost:4010'],
    ],
    ['a plain-http --base-url on a subdomain of localhost', () => [...preauthArguments(), '--base-url', 'http://evil.localhost:4010']],
    ['a group without its subcommand', ['osigu']],
  ])('%s', async (_, args) => {
    const result = await runCli(typeof args === 'function' ? args() : args);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe('');
  });

  it('sandbox mode without credentials names the variable to set', async () => {
    const result = await runCli([...preauthArguments(), '--env', 'sandbox']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('COVERLINK_OSIGU_CLIENT_ID');
  });

  it('OneAssure in sandbox mode requires the API host', async () => {
    const result = await runCli(['oneassure', 'redirect-url', '--user-id', 'u1'], {
      environment: { COVERLINK_ENV: 'sandbox', COVERLINK_ONEASSURE_CLIENT_ID: 'id', COVERLINK_ONEASSURE_CLIENT_SECRET: 'secret-value' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OneAssure has no public API host');
    expect(result.stderr).toContain('COVERLINK_ONEASSURE_BASE_URL');
  });

  it('--help exits 0', async () => {
    const result = await runCli(['oneassure', 'redirect-url', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('printed as-is only because you asked for it');
  });
});

describe('coverlink oneassure redirect-url', () => {
  it('prints the redirect URL with a fresh session token', async () => {
    const result = await runCli(['oneassure', 'redirect-url', '--user-id', 'platform-user-1001', '--base-url', oneAssure.url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^https:\/\/orca\.oneassure\.in\/health\?session-token=[^\s&]+\n$/);
  });

  it('takes settings from flags over the environment over .env', async () => {
    const cwd = await mkdtemp(join(folder, 'dotenv-'));
    const dead = 'http://127.0.0.1:9';
    const args = ['--json', 'oneassure', 'redirect-url', '--user-id', 'u1'];

    // .env alone is read.
    await writeFile(join(cwd, '.env'), `COVERLINK_ONEASSURE_BASE_URL=${oneAssure.url}\n`);
    const fromDotenv = await runCli(args, { cwd });
    expect(fromDotenv.code).toBe(0);
    expect(JSON.parse(fromDotenv.stdout)).toMatchObject({
      url: expect.stringMatching(/^https:\/\/orca\.oneassure\.in\/health\?session-token=/),
    });

    // The environment beats .env.
    const fromEnvironment = await runCli(args, { cwd, environment: { COVERLINK_ONEASSURE_BASE_URL: dead } });
    expect(fromEnvironment.code).toBe(1);
    expect(fromEnvironment.stdout).toContain('127.0.0.1:9');

    // A flag beats both.
    await writeFile(join(cwd, '.env'), `COVERLINK_ONEASSURE_BASE_URL=${dead}\n`);
    const fromFlag = await runCli([...args, '--base-url', oneAssure.url], { cwd, environment: { COVERLINK_ONEASSURE_BASE_URL: dead } });
    expect(fromFlag.code).toBe(0);

    // COVERLINK_ENV in .env applies too.
    await writeFile(join(cwd, '.env'), 'COVERLINK_ENV=sandbox\n');
    const sandbox = await runCli(args, { cwd });
    expect(sandbox.code).toBe(2);
  });
});

describe('bin/coverlink.js', () => {
  it('runs the source under the @coverlink/source condition', async () => {
    const { spawn } = await import('node:child_process');
    const { collectOutput } = await import('@coverlink/test-kit');
    const launcher = new URL('../bin/coverlink.js', import.meta.url).pathname;
    const result = await collectOutput(spawn(process.execPath, ['--conditions=@coverlink/source', launcher, '--version']));
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
