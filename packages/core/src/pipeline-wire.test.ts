// The wire rules of the pipeline, through a real client on real loopback servers, on the default
// transport (undici) and on the fetch transport over global fetch: redirects are refused and never
// followed, bodies are bounded, settings are checked, POSTs are repeated only with a key.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '@coverlink/mocks';
import { acmeProfile, type paths, rejectionOf } from '@coverlink/test-kit';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiClientOptions, createApiClient } from './api-client.js';
import { RedirectError, ResponseTooLargeError, TransportError } from './core-errors.js';
import { createNodeTransport } from './node-transport.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.closeAllConnections() ?? server.close(resolve))));
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    request.resume();
    handler(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const transports: Array<[string, Partial<ApiClientOptions>]> = [
  ['the default transport', {}],
  ['global fetch', { fetch: globalThis.fetch }],
];

describe.each(transports)('on %s', (_name, transport) => {
  const client = (baseUrl: string, options: Partial<ApiClientOptions> = {}) =>
    createApiClient<paths>({ baseUrl, profile: acmeProfile, sleep: async () => {}, ...transport, ...options });

  it.each([301, 302, 303, 307, 308])(
    'refuses a %i to another origin: nothing reaches it, the error names only its origin',
    async (status) => {
      const other = await serve((_request, response) => response.end('{}'));
      const api = await serve((_request, response) => {
        response.writeHead(status, { location: `${other.url}/v1/search?document_number=123456789` }).end();
      });

      const error = await rejectionOf(client(api.url).POST('/things', { body: { label: 'MARIA GONZALEZ' } }));

      expect(RedirectError.isInstance(error) && TransportError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'API_REDIRECT', status, operation: 'POST /things', locationOrigin: other.url });
      expect((error as Error).message).toBe(
        `acme answered ${status} to POST /things, pointing at ${other.url}; redirects are not followed.`,
      );
      expect(JSON.stringify(error) + String(error)).not.toMatch(/123456789|search|MARIA/);
      expect(other.seen).toEqual([]);
      // A redirect is not retried either: one request, even for a GET that could be repeated.
      expect(api.seen).toHaveLength(1);
    },
  );

  it('refuses a redirect from the https-looking base to plain http on the same host, and a relative one', async () => {
    const api = await serve((request, response) => {
      response.writeHead(302, { location: request.url === '/things/1' ? '/login?next=/things/1' : 'http://127.0.0.1:9/' }).end();
    });
    const relative = await rejectionOf(client(api.url).GET('/things/{id}', { params: { path: { id: '1' } } }));
    expect(relative).toMatchObject({ code: 'API_REDIRECT', locationOrigin: api.url });
    expect(api.seen.map((request) => request.url)).toEqual(['/things/1']);
  });

  it('ends an endless body at maxResponseBytes with ResponseTooLargeError, not retried', async () => {
    const api = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });

    const error = await rejectionOf(
      client(api.url, { maxResponseBytes: 1024 * 1024 }).GET('/things/{id}', { params: { path: { id: '1' } } }),
    );

    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'API_RESPONSE_TOO_LARGE', limit: 1024 * 1024 });
    expect(api.seen).toHaveLength(1);
  });

  it('refuses a 400 MB body at the default 10 MiB limit with memory bounded', async () => {
    const api = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(400 * 1024 * 1024) });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (!response.destroyed && sent < 400 && response.write(chunk)) sent++;
        if (!response.destroyed && sent < 400) response.once('drain', pump);
      };
      pump();
    });
    const before = process.memoryUsage().rss;

    const error = await rejectionOf(client(api.url).GET('/things/{id}', { params: { path: { id: '1' } } }));

    expect(error).toMatchObject({ code: 'API_RESPONSE_TOO_LARGE', limit: 10 * 1024 * 1024 });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('repeats a POST after a 503 only with an Idempotency-Key, the same one on every attempt', async () => {
    const statuses = [503, 503, 201, 503, 201];
    const api = await serve((_request, response) => {
      if (statuses.shift() === 503) response.writeHead(503, { 'content-type': 'application/json' }).end('{}');
      else response.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"7","label":"x"}');
    });

    const without = await client(api.url).POST('/things', { body: { label: 'x' } });
    expect(without.response.status).toBe(503);
    expect(api.seen).toHaveLength(1);

    const withKey = await client(api.url).POST('/things', { body: { label: 'x' }, idempotencyKey: true });
    expect(withKey.response.status).toBe(201);
    const [first, second] = api.seen.slice(1).map((request) => request.headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);

    const fromSetting = await client(api.url, { idempotencyKey: true }).POST('/things', { body: { label: 'x' } });
    expect(fromSetting.response.status).toBe(201);
    expect(api.seen).toHaveLength(5);
    // One X-Request-Id per call, the same on its attempts.
    expect(api.seen[3]?.headers['x-request-id']).toBe(api.seen[4]?.headers['x-request-id']);
    expect(api.seen[1]?.headers['x-request-id']).not.toBe(api.seen[3]?.headers['x-request-id']);
  });
});

describe('a real https base URL', () => {
  it('refuses a redirect from https to plain http: the http server receives nothing', async () => {
    const plain = await serve((_request, response) => response.end('{}'));
    const { key, cert } = selfSignedCertificate();
    const seen: string[] = [];
    const secure = createHttpsServer({ key, cert }, (request, response) => {
      seen.push(`${request.method} ${request.url}`);
      request.resume();
      response.writeHead(302, { location: `${plain.url}/things?document_number=123456789` }).end();
    });
    servers.push(secure);
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    const baseUrl = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`;
    // The client trusts only this run's certificate, as a client pinned to a private CA would.
    const dispatcher = new Agent({ connect: { ca: cert } });
    const api = createApiClient<paths>({
      baseUrl,
      profile: acmeProfile,
      sleep: async () => {},
      fetch: createNodeTransport({ dispatcher }),
    });

    try {
      const error = await rejectionOf(api.POST('/things', { body: { label: 'MARIA GONZALEZ' } }));

      expect(RedirectError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'API_REDIRECT', status: 302, operation: 'POST /things', locationOrigin: plain.url });
      expect(JSON.stringify(error) + String(error)).not.toMatch(/123456789|MARIA/);
      // The request did arrive over TLS (the certificate was trusted), once, and went nowhere else.
      expect(seen).toEqual(['POST /things']);
      expect(plain.seen).toEqual([]);
    } finally {
      await dispatcher.close();
    }
  });
});

describe('settings are checked where they enter', () => {
  it.each([
    ['maxRetries', Number.NaN, /The client setting `maxRetries` must be an integer >= 0; got NaN\. Is an environment variable/],
    ['maxRetries', '3', /`maxRetries` must be an integer >= 0; got a value of type string\./],
    ['timeout', Number.NaN, /The client setting `timeout` must be an integer >= 0 \(milliseconds\) or Infinity; got NaN/],
    ['timeout', 'abc', /`timeout` .* got a value of type string\./],
    ['maxResponseBytes', Number.NaN, /maxResponseBytes must be an integer >= 0 or Infinity; got NaN/],
  ])('the client refuses %s: %s with a TypeError', (name, value, message) => {
    expect(() => createApiClient<paths>({ baseUrl: 'http://127.0.0.1:9', profile: acmeProfile, [name]: value })).toThrow(message);
  });

  it.each([
    ['maxRetries', Number.NaN],
    ['timeout', 'abc'],
    ['maxRetries', -1],
  ])('a call refuses %s: %s with a TypeError, sending nothing', async (name, value) => {
    const api = await serve((_request, response) => response.end('{}'));
    const call = createApiClient<paths>({ baseUrl: api.url, profile: acmeProfile });
    const init = { params: { path: { id: '1' } }, [name]: value } as unknown as { params: { path: { id: string } } };

    const error = await rejectionOf(call.GET('/things/{id}', init));

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(new RegExp(`^The per-call option \`${name}\``));
    expect(api.seen).toEqual([]);
  });
});
