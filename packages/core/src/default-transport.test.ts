// `#default-transport` picks the transport by runtime: undici on Node, global fetch everywhere else.
// Checked in this Node test run, and by bundling the import with esbuild for a neutral platform
// (what a bundler for an edge runtime or a browser resolves) and for Node.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acmeProfile, bundleWithEsbuild, type paths } from '@coverlink/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTransport, defaultTransportKind } from '#default-transport';
import * as fetchDefault from './default-transport.js';
import * as entry from './index.js';

const sourceDirectory = dirname(fileURLToPath(import.meta.url));

async function bundleFor(
  platform: 'neutral' | 'browser' | 'node',
  contents = "export { defaultTransportKind } from '#default-transport';",
) {
  const built = await bundleWithEsbuild({
    stdin: { contents, resolveDir: sourceDirectory, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    target: 'es2022',
    conditions: ['@coverlink/source'],
    mainFields: ['module', 'main'],
    // For Node only what #default-transport resolves to matters, not undici's own insides; elsewhere
    // undici must not be reached at all (it cannot even be resolved there: it imports node: modules).
    external: platform === 'node' ? ['undici'] : [],
    logLevel: 'silent',
  });
  return built.outputFiles[0]?.text ?? '';
}

// tools/reliability/src/runtimes.ts runs the provider tests a second time with the extra resolve
// condition `coverlink-global-fetch` (see vitest.shared.ts), which picks the global-fetch default on
// Node; this run checks that it really did.
const expectedKind = (process.env.COVERLINK_TEST_CONDITIONS ?? '').split(',').includes('coverlink-global-fetch') ? 'fetch' : 'undici';

describe('#default-transport', () => {
  it(`is the ${expectedKind} transport in this Node run, for the package entry too`, () => {
    expect(defaultTransportKind).toBe(expectedKind);
    expect(entry.defaultTransportKind).toBe(expectedKind);
  });

  it.each(['neutral', 'browser'] as const)('resolves to global fetch for a %s bundle, without undici', async (platform) => {
    const code = await bundleFor(platform);

    expect(code).toMatch(/defaultTransportKind = "fetch"/);
    expect(code).not.toMatch(/["']undici["']/);
    expect(code).not.toMatch(/from\s*["']node:/);
  });

  it('keeps undici out of a neutral bundle of the package entry', async () => {
    const code = await bundleFor('neutral', "export { createApiClient, createFetchTransport, defaultTransport } from './index.js';");

    expect(code).toContain('redirect: "manual"');
    // (openapi-fetch's own code mentions `process.versions.undici`, unquoted.)
    expect(code).not.toMatch(/["']undici["']/);
    expect(code).not.toMatch(/from\s*["']node:/);
  });

  it('resolves to the undici transport for a Node bundle', async () => {
    const code = await bundleFor('node');

    expect(code).toMatch(/defaultTransportKind = "undici"/);
    expect(code).toMatch(/from\s*["']undici["']/);
  });
});

describe('both defaults', () => {
  let server: ReturnType<typeof createServer>;
  let url: string;
  const arrived: string[] = [];
  const seenHeaders: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((incoming, outgoing) => {
      arrived.push(`${incoming.method} ${incoming.url}`);
      seenHeaders.push(incoming.headers);
      if (incoming.url === '/moved') outgoing.writeHead(302, { location: '/elsewhere' }).end();
      else outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['Node (undici)', defaultTransport],
    ['other runtimes (global fetch)', fetchDefault.defaultTransport],
  ])('%s answers a call and does not follow a redirect', async (_runtime, transport) => {
    arrived.length = 0;

    expect(await (await transport(`${url}/things`)).json()).toEqual({ ok: true });
    expect((await transport(`${url}/moved`)).status).toBe(302);
    expect(arrived).toEqual(['GET /things', 'GET /moved']);
  });

  it(`a client without a fetch setting calls over the ${expectedKind} transport`, async () => {
    const client = entry.createApiClient<paths>({ baseUrl: url, profile: acmeProfile });

    await client.GET('/things/{id}', { params: { path: { id: '1' } } });

    // Global fetch (undici's fetch algorithm) adds the fetch metadata header; the Dispatcher API does not.
    expect(seenHeaders.at(-1)?.['sec-fetch-mode']).toBe(expectedKind === 'fetch' ? 'cors' : undefined);
  });
});
