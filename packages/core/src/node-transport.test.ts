// The wire rules of both transports (undici on Node, and global fetch as edge runtimes get it),
// against real HTTP servers on 127.0.0.1: what crosses the socket, what the caller gets back, and
// how much memory an oversized or endless body costs.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { type paths, rejectionOf, renderingsOf, unusedPort } from '@coverlink/test-kit';
import createClient from 'openapi-fetch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError } from './core-errors.js';
import { createFetchTransport } from './fetch-transport.js';
import { createNodeTransport } from './node-transport.js';
import { ReplayableRequest } from './replayable-request.js';
import { createResilientFetch } from './resilient-fetch.js';
import { defaultMaxResponseBytes, ResponseTooLargeError } from './response-body.js';

type Handler = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer) => void;

interface TestServer {
  url: string;
  /** `METHOD /path` of every request that arrived. */
  arrived: string[];
  /** The client ports the requests since the last `handle()` came from: one per connection used. */
  clientPorts: Set<number | undefined>;
  handle(handler: Handler): void;
  close(): Promise<void>;
}

async function startServer(): Promise<TestServer> {
  let handler: Handler = (_incoming, outgoing) => outgoing.end();
  const sockets = new Set<Socket>();
  const state = { arrived: [] as string[], clientPorts: new Set<number | undefined>() };
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      state.arrived.push(`${incoming.method} ${incoming.url}`);
      state.clientPorts.add(incoming.socket.remotePort);
      handler(incoming, outgoing, Buffer.concat(chunks));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get arrived() {
      return state.arrived;
    },
    get clientPorts() {
      return state.clientPorts;
    },
    handle(next) {
      handler = next;
      state.arrived = [];
      state.clientPorts = new Set();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Streams `total` bytes (or forever) in 64 KiB chunks, honouring backpressure, and counts what it
 * wrote before the client hung up: what a body costs is what crossed the socket.
 */
function streamBody(outgoing: ServerResponse, total: number, written: { bytes: number; closed: boolean }) {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  outgoing.on('close', () => {
    written.closed = true;
  });
  const pump = () => {
    while (!written.closed && written.bytes < total) {
      written.bytes += chunk.length;
      if (!outgoing.write(chunk)) {
        outgoing.once('drain', pump);
        return;
      }
    }
    if (!written.closed) outgoing.end();
  };
  pump();
}

/** The largest growth of the resident set while `work` runs, sampled every 5 ms. */
async function peakGrowthOf(work: () => Promise<unknown>): Promise<number> {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage.rss()) - baseline;
}

const MiB = 1024 * 1024;
let server: TestServer;
let elsewhere: TestServer;
const nodeTransports: ReturnType<typeof createNodeTransport>[] = [];

function nodeTransport(settings?: Parameters<typeof createNodeTransport>[0]) {
  const transport = createNodeTransport(settings);
  nodeTransports.push(transport);
  return transport;
}

beforeAll(async () => {
  server = await startServer();
  elsewhere = await startServer();
});
afterEach(async () => {
  await Promise.all(nodeTransports.splice(0).map((transport) => transport.close()));
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});

const transports = [
  { name: 'undici transport', create: (maxResponseBytes?: number) => nodeTransport({ maxResponseBytes }) },
  { name: 'fetch transport', create: (maxResponseBytes?: number) => createFetchTransport({ maxResponseBytes }) },
];

describe.each(transports)('$name', ({ create }) => {
  it('returns a redirect to another origin as it is and sends nothing there', async () => {
    server.handle((_incoming, outgoing) => {
      outgoing.writeHead(307, { location: `${elsewhere.url}/v1/search` }).end();
    });
    elsewhere.handle((_incoming, outgoing) => outgoing.end('followed'));

    const response = await create()(`${server.url}/v1/sponsors/acme/search`, { method: 'POST', body: '{"document_number":"123"}' });

    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${elsewhere.url}/v1/search`);
    expect(response.redirected).toBe(false);
    expect(server.arrived).toEqual(['POST /v1/sponsors/acme/search']);
    expect(elsewhere.arrived).toEqual([]);
  });

  it('builds one Response with status, reason, repeated headers and the body bytes', async () => {
    server.handle((_incoming, outgoing) => {
      outgoing.statusMessage = 'Made It';
      outgoing.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
      outgoing.setHeader('x-repeated', ['one', 'two']);
      outgoing.setHeader('content-type', 'application/json');
      outgoing.writeHead(201).end('{"id":"7"}');
    });

    const response = await create()(`${server.url}/things`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Made It');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(response.headers.get('x-repeated')).toBe('one, two');
    expect(response.url).toBe(`${server.url}/things`);
    expect(await response.json()).toEqual({ id: '7' });
  });

  it.each([204, 304])('gives a %i answer no body', async (status) => {
    server.handle((_incoming, outgoing) => outgoing.writeHead(status, { etag: '"v1"' }).end());

    const response = await create()(`${server.url}/things/7`);

    expect(response.status).toBe(status);
    expect(response.body).toBeNull();
    expect(response.headers.get('etag')).toBe('"v1"');
  });

  it('gives a HEAD answer no body, whatever its Content-Length', async () => {
    server.handle((_incoming, outgoing) => outgoing.writeHead(200, { 'content-length': '1234' }).end());

    const response = await create()(`${server.url}/things/7`, { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });

  it('sends a FormData upload with a file byte for byte as Request encodes it', async () => {
    let received: { body: Buffer; type: string | undefined; length: string | undefined } | undefined;
    server.handle((incoming, outgoing, body) => {
      received = { body, type: incoming.headers['content-type'], length: incoming.headers['content-length'] };
      outgoing.end();
    });
    const file = new Uint8Array(300_000).map((_, index) => (index * 7) % 256);
    const form = new FormData();
    form.append('document_type', 'indication');
    form.append('file', new File([file], 'indication.pdf', { type: 'application/pdf' }));
    const request = new Request(`${server.url}/uploads`, { method: 'POST', body: form });
    const expected = Buffer.from(await request.clone().arrayBuffer());

    await create()(request);

    expect(received?.type).toBe(request.headers.get('content-type'));
    expect(received?.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(received?.body.equals(expected)).toBe(true);
    expect(received?.body.includes(Buffer.from(file))).toBe(true);
  });

  it.each([
    ['string JSON', () => JSON.stringify({ label: 'ä' }), 'text/plain;charset=UTF-8', '{"label":"ä"}'],
    [
      'URLSearchParams',
      () => new URLSearchParams({ grant_type: 'client_credentials', scope: 'a b' }),
      'application/x-www-form-urlencoded;charset=UTF-8',
      'grant_type=client_credentials&scope=a+b',
    ],
  ])('sends a %s body with its content type', async (_kind, body, type, text) => {
    let received: { body: string; type: string | undefined } | undefined;
    server.handle((incoming, outgoing, bytes) => {
      received = { body: bytes.toString('utf8'), type: incoming.headers['content-type'] };
      outgoing.end();
    });

    await create()(`${server.url}/things`, { method: 'POST', body: body() });

    expect(received).toEqual({ body: text, type });
  });

  it('answers json(), text(), arrayBuffer(), bytes() and blob() from the body read, once each, as a standard Response does', async () => {
    server.handle((_incoming, outgoing) => outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"label":"ñandú"}'));
    const send = create();
    const read = async (reader: (response: Response) => Promise<unknown>) => reader(await send(`${server.url}/things/7`));

    expect(await read((response) => response.json())).toEqual({ label: 'ñandú' });
    expect(await read((response) => response.text())).toBe('{"label":"ñandú"}');
    expect(Buffer.from((await read((response) => response.arrayBuffer())) as ArrayBuffer).toString()).toBe('{"label":"ñandú"}');
    expect(Buffer.from((await read((response) => response.bytes())) as Uint8Array).toString()).toBe('{"label":"ñandú"}');
    const blob = (await read((response) => response.blob())) as Blob;
    expect([blob.type, await blob.text()]).toEqual(['application/json', '{"label":"ñandú"}']);

    const response = await send(`${server.url}/things/7`);
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    const copy = response.clone();
    expect(await response.json()).toEqual({ label: 'ñandú' });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
    expect(await copy.text()).toBe('{"label":"ñandú"}');
  });

  it('hands out the body as a stream when asked, and then reads it only through that stream', async () => {
    server.handle((_incoming, outgoing) => outgoing.end('{"id":"7"}'));
    const response = await create()(`${server.url}/things/7`);

    expect(response.body).not.toBeNull();
    const copy = response.clone();
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);

    expect(Buffer.concat(chunks).toString()).toBe('{"id":"7"}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(await copy.json()).toEqual({ id: '7' });
    expect(copy.url).toBe(`${server.url}/things/7`);
  });

  it("sends a typed client's form upload with its length, and every copy of it with the same boundary and bytes", async () => {
    const received: { body: Buffer; type: string | undefined; length: string | undefined }[] = [];
    server.handle((incoming, outgoing, body) => {
      received.push({ body, type: incoming.headers['content-type'], length: incoming.headers['content-length'] });
      outgoing.end();
    });
    const file = new Uint8Array(300_000).map((_, index) => (index * 7) % 256);
    const form = new FormData();
    form.append('document_type', 'indication');
    form.append('file', new File([file], 'indication.pdf', { type: 'application/pdf' }));
    const request = new ReplayableRequest(`${server.url}/uploads`, { method: 'POST', body: form });
    // A change to the form after the request was made reaches no copy of it.
    form.set('document_type', 'changed');
    const send = create();

    await send(request.clone());
    await send(request.clone());
    await send(request);

    expect(received).toHaveLength(3);
    const [first] = received;
    expect(first?.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(first?.type).toBe(request.headers.get('content-type'));
    expect(first?.length).toBe(String(first?.body.length));
    expect(first?.body.includes(Buffer.from(file))).toBe(true);
    expect(first?.body.toString('latin1')).toContain('name="document_type"\r\n\r\nindication\r\n');
    expect(first?.body.toString('latin1')).toContain('filename="indication.pdf"\r\nContent-Type: application/pdf');
    for (const copy of received) {
      expect(copy.type).toBe(first?.type);
      expect(copy.length).toBe(first?.length);
      expect(copy.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it('stops an endless body at maxResponseBytes with ResponseTooLargeError and closes the connection', async () => {
    const written = { bytes: 0, closed: false };
    server.handle((_incoming, outgoing) => {
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      streamBody(outgoing, Number.POSITIVE_INFINITY, written);
    });

    const error = await rejectionOf(create(MiB)(`${server.url}/things`));

    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ code: 'API_RESPONSE_TOO_LARGE', limit: MiB });
    expect((error as Error).message).toContain(`maxResponseBytes (${MiB} bytes)`);
    expect((error as ResponseTooLargeError).hint).toContain('Raise `maxResponseBytes`');
    await expect.poll(() => written.closed).toBe(true);
    // What crossed the socket is the limit plus what sat in the socket buffers, not the endless rest.
    expect(written.bytes).toBeLessThan(MiB + 16 * MiB);
  });

  it('keeps no body text in the error', async () => {
    server.handle((_incoming, outgoing) => outgoing.end(`{"document_number":"${'9'.repeat(2_000)}"}`));

    const error = await rejectionOf(create(1_000)(`${server.url}/things`));

    expect(error).toBeInstanceOf(ResponseTooLargeError);
    for (const rendering of Object.values(renderingsOf(error))) expect(rendering).not.toContain('document_number');
  });

  it('refuses a 400 MB body announced by Content-Length before reading it', async () => {
    const written = { bytes: 0, closed: false };
    server.handle((_incoming, outgoing) => {
      outgoing.writeHead(200, { 'content-length': String(400 * MiB) });
      streamBody(outgoing, 400 * MiB, written);
    });

    const error = await rejectionOf(create()(`${server.url}/things`));

    expect(error).toMatchObject({ code: 'API_RESPONSE_TOO_LARGE', limit: defaultMaxResponseBytes });
    await expect.poll(() => written.closed).toBe(true);
    expect(written.bytes).toBeLessThan(40 * MiB);
  });

  it('reads a 400 MB body without Content-Length only up to the limit, in bounded memory', async () => {
    const written = { bytes: 0, closed: false };
    server.handle((_incoming, outgoing) => {
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      streamBody(outgoing, 400 * MiB, written);
    });
    const send = create();

    let error: unknown;
    const growth = await peakGrowthOf(async () => {
      error = await rejectionOf(send(`${server.url}/things`));
    });

    expect(error).toMatchObject({ code: 'API_RESPONSE_TOO_LARGE', limit: defaultMaxResponseBytes });
    await expect.poll(() => written.closed).toBe(true);
    expect(written.bytes).toBeLessThan(defaultMaxResponseBytes + 40 * MiB);
    expect(growth).toBeLessThan(120 * MiB);
  });

  it('rejects with the reason of a signal that aborts before the headers arrive, and hangs up', async () => {
    let hungUp = false;
    server.handle((incoming) => {
      incoming.socket.on('close', () => {
        hungUp = true;
      });
    });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 50);

    const error = await rejectionOf(create()(`${server.url}/slow`, { signal: controller.signal }));

    expect(error).toBe(reason);
    await expect.poll(() => hungUp).toBe(true);
  });

  it('rejects with the reason of a signal that aborts mid-body', async () => {
    server.handle((_incoming, outgoing) => {
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      outgoing.write('{"items":[');
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejectionOf(create()(`${server.url}/stalls`, { signal: controller.signal }));

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it("honours the Request's own signal", async () => {
    server.handle(() => {});
    const request = new Request(`${server.url}/slow`, { signal: AbortSignal.timeout(50) });

    const error = await rejectionOf(create()(request));

    expect((error as DOMException).name).toBe('TimeoutError');
  });

  it('fails a refused connection as fetch does: TypeError with cause.code ECONNREFUSED', async () => {
    const port = await unusedPort();

    const error = await rejectionOf(create()(`http://127.0.0.1:${port}/things`));

    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });
});

describe('undici transport', () => {
  it('reuses one keep-alive connection across calls to an origin', async () => {
    server.handle((_incoming, outgoing) => outgoing.end('{}'));
    const send = nodeTransport();

    for (let call = 0; call < 20; call++) {
      expect((await send(`${server.url}/things/${call}`)).status).toBe(200);
      // undici releases the connection a moment after the body ended; a call issued in that moment
      // opens a second connection (kept and reused from then on), which is not what this counts.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }

    expect(server.arrived).toHaveLength(20);
    expect(server.clientPorts.size).toBe(1);
  });

  it('decodes a gzip answer, and bounds what it unpacks to', async () => {
    const document = JSON.stringify({ items: Array.from({ length: 100 }, (_, id) => ({ id })) });
    server.handle((incoming, outgoing) => {
      const body = incoming.url === '/bomb' ? gzipSync(Buffer.alloc(20 * MiB)) : gzipSync(document);
      outgoing.writeHead(200, { 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
    });
    const send = nodeTransport({ maxResponseBytes: MiB });

    expect(await (await send(`${server.url}/things`, { headers: { 'accept-encoding': 'gzip' } })).text()).toBe(document);
    expect(await rejectionOf(send(`${server.url}/bomb`))).toBeInstanceOf(ResponseTooLargeError);
  });

  it('is the fetch of an openapi-fetch client', async () => {
    server.handle((_incoming, outgoing) =>
      outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"7","label":"seven"}'),
    );
    const client = createClient<paths>({ baseUrl: server.url, fetch: nodeTransport() });

    const { data } = await client.GET('/things/{id}', { params: { path: { id: '7' } } });

    expect(data).toEqual({ id: '7', label: 'seven' });
    expect(server.arrived).toEqual(['GET /things/7']);
  });

  it("takes a standard Request that a middleware returns in place of the typed client's own", async () => {
    const seen: string[] = [];
    server.handle((incoming, outgoing, body) => {
      seen.push(`${incoming.headers['x-rewritten']} ${body.toString()}`);
      outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"7","label":"seven"}');
    });
    const client = createClient<paths>({ baseUrl: server.url, fetch: nodeTransport(), Request: ReplayableRequest });
    client.use({
      onRequest: ({ request }) => new Request(request, { headers: { 'x-rewritten': 'yes' }, body: '{"label":"other"}' }),
    });

    const { data } = await client.POST('/things', { body: { label: 'seven' } });

    expect(data).toEqual({ id: '7', label: 'seven' });
    expect(seen).toEqual(['yes {"label":"other"}']);
  });

  it("feeds the resilient fetch's retries and its connection error codes", async () => {
    let calls = 0;
    server.handle((_incoming, outgoing) => outgoing.writeHead(++calls === 1 ? 503 : 200).end('{}'));
    const send = createResilientFetch({ provider: 'acme', fetch: nodeTransport(), sleep: async () => {} });

    expect((await send(`${server.url}/things`)).status).toBe(200);
    expect(calls).toBe(2);

    const port = await unusedPort();
    const error = await rejectionOf(
      createResilientFetch({ provider: 'acme', fetch: nodeTransport(), retry: { maxRetries: 0 } })(`http://127.0.0.1:${port}/x`),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('(ECONNREFUSED)');
  });

  it('refuses a maxResponseBytes that is not an integer >= 0', () => {
    expect(() => createNodeTransport({ maxResponseBytes: Number.NaN })).toThrow(
      /maxResponseBytes must be an integer >= 0 or Infinity; got NaN/,
    );
    expect(() => createNodeTransport({ maxResponseBytes: '10' as unknown as number })).toThrow(/got a value of type string/);
  });
});
