// The OSIGU client, a Hello Claims API client and OSIGU webhook verification, bundled by esbuild
// for a neutral platform and run in a node:vm context holding web globals only: what an edge
// runtime or worker offers. Reaching process, require, Buffer or a node: module fails the run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, Script } from 'node:vm';
import { bundleWithEsbuild } from '@coverlink/test-kit';
import { afterAll, beforeAll, expect, it } from 'vitest';

const sourceDirectory = dirname(fileURLToPath(import.meta.url));
const clientSecret = 'edge-client-secret';
const seen: { method: string; url: string; authorization: string | undefined }[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((incoming, outgoing) => {
    incoming.resume();
    incoming.on('end', () => {
      seen.push({ method: incoming.method ?? '', url: incoming.url ?? '', authorization: incoming.headers.authorization });
      outgoing.setHeader('content-type', 'application/json');
      if (incoming.url === '/v1/oauth/token')
        outgoing.end(JSON.stringify({ access_token: 'edge-osigu-token', token_type: 'bearer', expires_in: 3600 }));
      else if (incoming.url?.startsWith('/v1/sponsors/sponsor-edge/forms'))
        outgoing.end(JSON.stringify({ sponsor: 'sponsor-edge', fields: [] }));
      else if (incoming.url === '/requests') outgoing.end(JSON.stringify([{ id: 'req-1', claimNumber: 'CLM-1' }]));
      else {
        outgoing.statusCode = 404;
        outgoing.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('runs the OSIGU and Hello Claims clients and webhook verification with web globals only', async () => {
  const built = await bundleWithEsbuild({
    entryPoints: [join(sourceDirectory, 'runtimes-edge.entry.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['@coverlink/source'],
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const code = built.outputFiles[0]?.text ?? '';
  // An esm bundle with no exports and no imports left is also a classic script.
  expect(code).not.toMatch(/^\s*(import|export)\s/m);
  expect(code).not.toMatch(/\bfrom\s*["']node:/);

  const web = {
    fetch,
    Request,
    Response,
    Headers,
    URL,
    URLSearchParams,
    TextEncoder,
    TextDecoder,
    crypto: globalThis.crypto,
    AbortController,
    AbortSignal,
    setTimeout,
    clearTimeout,
    atob,
    btoa,
    console,
    structuredClone,
    Blob,
    FormData,
    File,
    ReadableStream,
    // Also on every edge runtime, and used by the per-attempt timing of the shared runtime.
    performance,
  };
  const context = createContext({ ...web, edgeConfig: { baseUrl, clientSecret, webhookSecret: 'whsec-edge' } });
  for (const name of ['process', 'require', 'Buffer', 'global', 'module', 'setImmediate']) {
    expect(new Script(`typeof ${name}`).runInContext(context), name).toBe('undefined');
  }
  new Script(code, { filename: 'edge-bundle.js' }).runInContext(context);
  const result = await (context as { edgeResult: Promise<unknown> }).edgeResult;

  expect(result).toEqual({
    form: { sponsor: 'sponsor-edge', fields: [] },
    requests: [{ id: 'req-1', claimNumber: 'CLM-1' }],
    eventType: 'authorization.created',
    tampered: 'OSIGU_WEBHOOK_SIGNATURE_MISMATCH',
  });
  expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
    'POST /v1/oauth/token',
    'GET /v1/sponsors/sponsor-edge/forms',
    'GET /requests',
  ]);
  expect(seen[0]?.authorization).toBe(`Basic ${btoa(`edge-client:${clientSecret}`)}`);
  expect(seen[1]?.authorization).toBe('Bearer edge-osigu-token');
  expect(seen[2]?.authorization).toBe('Bearer edge-user-token');
});
