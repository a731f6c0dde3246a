import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningMock, startMock } from '@coverlink/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asJavaScript,
  codeBlockAfter,
  codeBlocksOf,
  compile,
  createApp,
  installedFootprint,
  npmInstall,
  writeFiles,
} from './consumer-apps.js';
import { type LocalRegistry, startLocalRegistry } from './local-registry.js';
import { cleanEnvironment, type PublishedPackage, publicPackageNames, releaseToRegistry, run } from './release-flow.js';

// The README's own example, run in every app below against the OSIGU mock: a user's first program.
const readmeExample = codeBlockAfter('README.md', '## Install');
const approvedLine = 'approved: AUTH-2026-001234';

const strictConsumerOptions = { strict: true, skipLibCheck: false, exactOptionalPropertyTypes: true, target: 'ES2022', types: ['node'] };

let folder: string;
let registry: LocalRegistry;
let osiguMock: RunningMock;
let oneAssureMock: RunningMock;
let published: PublishedPackage[];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'coverlink-registry-'));
  [registry, osiguMock, oneAssureMock] = await Promise.all([
    startLocalRegistry(join(folder, 'registry')),
    startMock('osigu', { port: 0 }),
    startMock('oneassure', { port: 0 }),
  ]);
  published = await releaseToRegistry(folder, registry);
});

afterAll(async () => {
  await Promise.all([registry?.stop(), osiguMock?.stop(), oneAssureMock?.stop()]);
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

/** Runs a built app with node against the OSIGU mock and returns what it printed. */
function runAgainstMock(app: string, entry: string): Promise<string> {
  return run(process.execPath, [entry], { cwd: app, env: cleanEnvironment({ OSIGU_BASE_URL: osiguMock.url }) });
}

describe('the release flow, against a local registry', () => {
  it('publishes every public package, with workspace: and catalog: ranges rewritten to versions', async () => {
    expect(published.map((release) => release.name).sort()).toEqual(publicPackageNames());
    const manifest = JSON.parse(await run('npm', ['view', '@coverlink/osigu', '--json', '--registry', registry.url], { cwd: folder })) as {
      dependencies: Record<string, string>;
      exports: Record<string, unknown>;
    };
    for (const range of Object.values(manifest.dependencies)) expect(range).not.toMatch(/^(workspace|catalog):/);
    // publishConfig.exports replaced the workspace's: no condition pointing at unshipped source.
    expect(JSON.stringify(manifest.exports)).not.toContain('@coverlink/source');
  });
});

describe('an app that installs @coverlink/osigu alone, by name', () => {
  let app: string;
  beforeAll(async () => {
    app = join(folder, 'osigu-alone');
    createApp(app, registry, {});
    await npmInstall(app, ['@coverlink/osigu']);
  });

  it('brings its dependencies along and reports its footprint', async () => {
    const footprint = await installedFootprint(app);
    console.log(
      `installed footprint of an app depending on @coverlink/osigu alone: ${footprint.packages} packages, ${footprint.bytes} bytes (${(footprint.bytes / 1024 / 1024).toFixed(2)} MiB)`,
    );
    expect(await run('npm', ['ls', '@coverlink/core', '@coverlink/auth', 'openapi-fetch'], { cwd: app })).toContain('@coverlink/core@');
    expect(footprint.packages).toBeGreaterThanOrEqual(4);
  });

  it('runs the README example as a plain JavaScript CommonJS script (require)', async () => {
    writeFiles(app, { 'example.cjs': asJavaScript(readmeExample, 'commonjs') });
    expect(await runAgainstMock(app, 'example.cjs')).toContain(approvedLine);
  });

  it('runs the README example as a plain JavaScript ESM script (import)', async () => {
    writeFiles(app, { 'example.mjs': asJavaScript(readmeExample, 'esm') });
    expect(await runAgainstMock(app, 'example.mjs')).toContain(approvedLine);
  });
});

describe('TypeScript apps that install every provider package and the CLI by name', () => {
  let app: string;
  beforeAll(async () => {
    app = join(folder, 'typescript-apps');
    createApp(app, registry, { type: 'module' });
    // @redis/client is what a user of @coverlink/auth/redis installs next to it (an optional peer).
    await npmInstall(app, [
      '@coverlink/osigu',
      '@coverlink/oneassure',
      '@coverlink/helloclaims',
      '@coverlink/auth',
      '@coverlink/cli',
      '@redis/client@^6',
      '@types/node@^20',
    ]);
  });

  for (const resolution of ['node16', 'nodenext', 'bundler'] as const) {
    it(`an ESM app with module/moduleResolution ${resolution} typechecks and runs the README example`, async () => {
      const module = resolution === 'bundler' ? 'preserve' : resolution;
      writeFiles(app, {
        [`esm-${resolution}/osigu-example.ts`]: readmeExample,
        // A CommonJS file inside an ESM project: require() of the package under node16 rules (was TS1479).
        [`esm-${resolution}/required-from-commonjs.cts`]: `import { createOsiguClient } from '@coverlink/osigu';\nimport { MemoryTokenStore } from '@coverlink/auth';\nexport const client = createOsiguClient({ clientId: 'id', clientSecret: 'secret' });\nexport const store = new MemoryTokenStore();\n`,
        [`esm-${resolution}/redis-subpath.ts`]: `import { RedisTokenStore } from '@coverlink/auth/redis';\nexport type Store = RedisTokenStore;\n`,
        [`tsconfig.${resolution}.json`]: JSON.stringify({
          compilerOptions: {
            ...strictConsumerOptions,
            module,
            moduleResolution: resolution,
            outDir: `out-${resolution}`,
            rootDir: `esm-${resolution}`,
          },
          include: [`esm-${resolution}`],
        }),
      });
      if (resolution === 'bundler') writeFiles(app, { 'esm-bundler/required-from-commonjs.cts': 'export {};\n' });
      await compile(app, `tsconfig.${resolution}.json`);
      expect(await runAgainstMock(app, `out-${resolution}/osigu-example.js`)).toContain(approvedLine);
      if (resolution !== 'bundler') await run(process.execPath, [`out-${resolution}/required-from-commonjs.cjs`], { cwd: app });
    });
  }

  it("every package README's example, and the docs' webhook receiver on node:http, typecheck under nodenext", async () => {
    const examples: Record<string, string> = {};
    for (const name of publicPackageNames()) {
      const folderName = name.replace('@coverlink/', '');
      codeBlocksOf(`packages/${folderName}/README.md`).forEach((block, index) => {
        examples[`readme-examples/${folderName}-${index}.ts`] = block.includes('export ') ? block : `${block}\nexport {};\n`;
      });
    }
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(5);
    // A header from node:http is string | string[] | undefined: the example must compile against that.
    examples['readme-examples/osigu-webhook-receiver.ts'] = `${codeBlockAfter('docs/osigu.md', '## Webhook receiver')}\nexport {};\n`;
    writeFiles(app, {
      ...examples,
      'tsconfig.readme-examples.json': JSON.stringify({
        compilerOptions: { ...strictConsumerOptions, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true },
        include: ['readme-examples'],
      }),
    });
    await compile(app, 'tsconfig.readme-examples.json');
  });

  it('a CommonJS app with a NestJS-style tsconfig (commonjs, node10, decorators) typechecks and runs with require', async () => {
    writeFiles(app, {
      'nest-app/package.json': '{ "type": "commonjs" }\n',
      'nest-app/src/osigu-example.ts': readmeExample,
      'nest-app/src/osigu.service.ts': [
        "import { createOsiguClient, type OsiguClient } from '@coverlink/osigu';",
        "import { MemoryTokenStore } from '@coverlink/auth';",
        "import type { RedisTokenStore } from '@coverlink/auth/redis';",
        '',
        '// What @Injectable() from @nestjs/common does to a class, without the framework: a decorator with emitted metadata.',
        'function Injectable(): ClassDecorator {',
        '  return () => undefined;',
        '}',
        '',
        '@Injectable()',
        'export class OsiguService {',
        '  readonly client: OsiguClient;',
        '  readonly store: MemoryTokenStore | RedisTokenStore = new MemoryTokenStore();',
        '  constructor(baseUrl: string) {',
        "    this.client = createOsiguClient({ clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl });",
        '  }',
        '}',
        '',
        "console.log('service ready:', typeof new OsiguService('http://127.0.0.1:1').client.GET);",
        '',
      ].join('\n'),
      'nest-app/tsconfig.json': JSON.stringify({
        compilerOptions: {
          module: 'commonjs',
          moduleResolution: 'node10',
          declaration: true,
          removeComments: true,
          emitDecoratorMetadata: true,
          experimentalDecorators: true,
          allowSyntheticDefaultImports: true,
          target: 'ES2021',
          outDir: './dist',
          rootDir: './src',
          strict: true,
          skipLibCheck: false,
          types: ['node'],
          ignoreDeprecations: '5.0',
        },
        include: ['src'],
      }),
    });
    await compile(join(app, 'nest-app'), 'tsconfig.json');
    expect(await runAgainstMock(join(app, 'nest-app'), 'dist/osigu-example.js')).toContain(approvedLine);
    expect(await runAgainstMock(join(app, 'nest-app'), 'dist/osigu.service.js')).toContain('service ready: function');
  });

  it('the OSIGU guide\'s quick start, saved as .mts, typechecks and runs in a "type": "commonjs" project', async () => {
    writeFiles(app, {
      'commonjs-project/package.json': '{ "type": "commonjs" }\n',
      'commonjs-project/osigu-quickstart.mts': codeBlockAfter('docs/osigu.md', '## Quick start against the local mock'),
      'commonjs-project/tsconfig.json': JSON.stringify({
        // The packages' declarations are checked strictly above; skipping them here keeps this run short.
        compilerOptions: { ...strictConsumerOptions, skipLibCheck: true, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out' },
        include: ['osigu-quickstart.mts'],
      }),
    });
    await compile(join(app, 'commonjs-project'), 'tsconfig.json');
    expect(await runAgainstMock(join(app, 'commonjs-project'), 'out/osigu-quickstart.mjs')).toContain(approvedLine);
  });

  it('npx coverlink --help and a CLI flow run from the app folder', async () => {
    expect(await run('npx', ['--no-install', 'coverlink', '--help'], { cwd: app })).toContain('oneassure');
    const output = await run(
      'npx',
      [
        '--no-install',
        'coverlink',
        '--json',
        'oneassure',
        'redirect-url',
        '--user-id',
        'platform-user-1001',
        '--base-url',
        oneAssureMock.url,
      ],
      { cwd: app },
    );
    expect(output).toMatch(/session-token=/);
  });
});
