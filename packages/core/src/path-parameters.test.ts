// A real openapi-fetch client against a loopback server that records what arrives: a refused path
// parameter must reach nothing, not even the middleware registered after the guard.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type paths, rejectionOf, renderingsOf } from '@coverlink/test-kit';
import createClient, { type Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CoverlinkError } from './core-errors.js';
import { createPathParameterMiddleware, InvalidPathParameterError } from './path-parameters.js';

let server: Server;
let baseUrl: string;
const arrived: string[] = [];
let laterMiddlewareCalls = 0;

beforeAll(async () => {
  server = createServer((incoming, outgoing) => {
    arrived.push(`${incoming.method} ${incoming.url}`);
    outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x","label":"y"}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  arrived.length = 0;
  laterMiddlewareCalls = 0;
});

// Stands for the bearer middleware: a refused call must not cost a token.
const laterMiddleware: Middleware = {
  onRequest() {
    laterMiddlewareCalls++;
  },
};

function guardedClient(options: Parameters<typeof createClient>[0] = {}) {
  const client = createClient<paths>({ baseUrl, ...options });
  client.use(createPathParameterMiddleware(), laterMiddleware);
  return client;
}

/** For path templates the acme paths do not have: label style, several parameters in one segment. */
type LooseClient = { GET(path: string, init: { params: { path: Record<string, unknown> } }): Promise<{ data?: unknown }> };

describe('a path parameter that would change the path is refused before anything is sent', () => {
  it.each([
    ['empty', '', 'empty'],
    ['.', '.', 'dot-segment'],
    ['..', '..', 'dot-segment'],
    ['%2e', '%2e', 'dot-segment'],
    ['%2E%2e', '%2E%2e', 'dot-segment'],
    ['.%2E', '.%2E', 'dot-segment'],
    ['%2e.', '%2e.', 'dot-segment'],
    ['double-encoded %252e%252e', '%252e%252e', 'dot-segment'],
    ['../admin (a dot segment between encoded slashes)', '../admin', 'dot-segment'],
    ['..\\admin (a backslash, a slash to some servers)', '..\\admin', 'dot-segment'],
  ])('refuses %s', async (_name, id, reason) => {
    const error = await rejectionOf(guardedClient().GET('/things/{id}', { params: { path: { id } } }));

    expect(error).toBeInstanceOf(InvalidPathParameterError);
    expect(CoverlinkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_PATH_PARAMETER', parameter: 'id', operation: 'GET /things/{id}', reason });
    expect((error as Error).message).toContain('The path parameter id of GET /things/{id}');
    expect(arrived).toEqual([]);
    expect(laterMiddlewareCalls).toBe(0);
  });

  it('refuses a missing parameter, which openapi-fetch would send as a literal {id}', async () => {
    const error = await rejectionOf(guardedClient().GET('/things/{id}', { params: { path: { id: undefined as unknown as string } } }));

    expect(error).toMatchObject({ parameter: 'id', reason: 'missing' });
    expect(arrived).toEqual([]);
  });

  it('never shows the value', async () => {
    const error = await rejectionOf(guardedClient().GET('/things/{id}', { params: { path: { id: '%2E%2e' } } }));

    for (const rendering of Object.values(renderingsOf(error))) expect(rendering).not.toContain('%2E%2e');
  });

  it('checks the segment as the call serializes it: a label-style {.id} of "." becomes ".."', async () => {
    const client = guardedClient() as unknown as LooseClient;

    const error = await rejectionOf(client.GET('/files/{.id}', { params: { path: { id: '.' } } }));

    expect(error).toMatchObject({ parameter: 'id', reason: 'dot-segment', operation: 'GET /files/{.id}' });
    expect(arrived).toEqual([]);
  });

  it('checks what a custom path serializer sends, even one that leaves %2e as it is', async () => {
    const client = guardedClient({
      pathSerializer: (pathname, values) => pathname.replace(/\{(\w+)\}/g, (_match, name: string) => String(values[name])),
    });

    const error = await rejectionOf(client.GET('/things/{id}', { params: { path: { id: '%2e%2e' } } }));

    expect(error).toMatchObject({ parameter: 'id', reason: 'dot-segment' });
    expect(arrived).toEqual([]);
  });

  it('names the empty one of several parameters in one segment', async () => {
    const client = guardedClient() as unknown as LooseClient;

    const error = await rejectionOf(client.GET('/reports/{year}-{month}', { params: { path: { year: '2026', month: '' } } }));

    expect(error).toMatchObject({ parameter: 'month', reason: 'empty' });
    expect(arrived).toEqual([]);
  });
});

describe('ordinary values pass', () => {
  it.each(['7', '...', '.hidden', 'a.b', 'v1..2', 'ü ñ', '%'])('sends %j', async (id) => {
    const { data } = await guardedClient().GET('/things/{id}', { params: { path: { id } } });

    expect(data).toEqual({ id: 'x', label: 'y' });
    expect(arrived).toEqual([`GET /things/${encodeURIComponent(id)}`]);
    expect(laterMiddlewareCalls).toBe(1);
  });

  it('sends a number, and a call without path parameters', async () => {
    const client = guardedClient() as unknown as LooseClient;
    await client.GET('/things/{id}', { params: { path: { id: 0 } } });
    await guardedClient().GET('/things', {});

    expect(arrived).toEqual(['GET /things/0', 'GET /things']);
  });
});
