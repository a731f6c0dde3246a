// A real HTTP server on 127.0.0.1 that answers scripted steps (including the faults a network and a
// provider produce: resets, stalls, hangs, slow answers) and records every request byte for byte.
// Requests can be told apart by endpoint (a provider's token endpoint and its API), each with its
// own script, so one server plays a whole provider in the fault matrix.
import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One request as it crossed the socket. */
export interface RecordedRequest {
  /** The endpoint it was sent to, as {@link FaultServerOptions.endpointOf} names it. */
  endpoint: string;
  method: string;
  /** Path and query as sent, e.g. `/things/7?cursor=c2`. */
  url: string;
  /** The path alone. */
  path: string;
  query: URLSearchParams;
  /** Header names are lower-case (node:http). */
  headers: IncomingHttpHeaders;
  /** The body bytes, empty when none was sent. */
  body: Buffer;
}

/** How the server answers one request. Every answering step can wait `delayMs` before doing anything. */
export type Step =
  | {
      status: number;
      headers?: OutgoingHttpHeaders;
      /** A string is sent as text/plain and a Buffer as octet-stream unless `headers` say otherwise; anything else as JSON. */
      body?: unknown;
      delayMs?: number;
      /** `false` sends no `Date` header (node:http adds one otherwise). */
      sendDate?: boolean;
    }
  /** Destroys the socket after reading the request, before any response byte. */
  | { reset: 'before-headers'; delayMs?: number }
  /** Sends the status, the headers and half of the body, then destroys the socket. */
  | { reset: 'mid-body'; status: number; headers?: OutgoingHttpHeaders; body: string; delayMs?: number }
  /** Sends the status, the headers and half of the body at once, the other half after `stallBodyMs`. */
  | { stallBodyMs: number; status: number; headers?: OutgoingHttpHeaders; body: string }
  /** Reads the request and never answers (until {@link FaultServer.reset}). */
  | { hang: true };

/** Options of {@link createFaultServer}. */
export interface FaultServerOptions {
  /** Names the endpoint a path belongs to (e.g. `token` for the token path, `api` for the rest). Default: `api` for every path. */
  endpointOf?: (path: string) => string;
}

/** The server; `url` is known once it listens. */
export interface FaultServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Every request received since the last {@link FaultServer.reset}, in order. */
  readonly requests: RecordedRequest[];
  /** The requests sent to `endpoint` since the last reset, in order. */
  requestsTo(endpoint: string): RecordedRequest[];
  /** Answers the next requests, whatever their endpoint, with these steps in order; replaces the previous script. */
  script(...steps: Step[]): void;
  /** Answers the next requests to `endpoint` with these steps in order, before the general script. */
  scriptEndpoint(endpoint: string, ...steps: Step[]): void;
  /** Answers every request no script step is left for with what `handler` returns (paged resources, an endpoint's usual answer). */
  route(handler: (request: RecordedRequest) => Step): void;
  /** Forgets requests, scripts, route, pending delayed answers, and the sockets of hung or stalled ones. */
  reset(): void;
  listen(): Promise<void>;
  close(): Promise<void>;
}

/** What a request nobody scripted gets: a status no test expects. */
export const unscriptedStatus = 499;

/** A fault server, not listening yet: call {@link FaultServer.listen}, or use {@link startFaultServer} or {@link useFaultServer}. */
export function createFaultServer(options: FaultServerOptions = {}): FaultServer {
  const endpointOf = options.endpointOf ?? (() => 'api');
  const requests: RecordedRequest[] = [];
  let steps: Step[] = [];
  const endpointSteps = new Map<string, Step[]>();
  let handler: ((request: RecordedRequest) => Step) | undefined;
  const timers = new Set<NodeJS.Timeout>();
  // Sockets of answers that hang or stall: destroyed on reset. Idle keep-alive sockets are left
  // alone, or the client's next request on one would fail as if the server had reset it.
  const stuck = new Set<Socket>();
  let address: string | undefined;

  const later = (milliseconds: number, action: () => void) => {
    if (milliseconds <= 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, milliseconds);
    timers.add(timer);
  };

  const nextStep = (request: RecordedRequest): Step =>
    endpointSteps.get(request.endpoint)?.shift() ??
    steps.shift() ??
    handler?.(request) ?? { status: unscriptedStatus, body: `fault server: nothing scripted for ${request.endpoint} ${request.url}` };

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('error', () => {});
    outgoing.on('error', () => {});
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = incoming.url ?? '/';
      const parsed = new URL(url, 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        endpoint: endpointOf(parsed.pathname),
        method: incoming.method ?? '',
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      const step = nextStep(recorded);

      if ('hang' in step) {
        stuck.add(incoming.socket);
        return;
      }
      if ('stallBodyMs' in step) {
        stuck.add(incoming.socket);
        const body = Buffer.from(step.body);
        const half = Math.floor(body.length / 2);
        outgoing.writeHead(step.status, { 'content-type': 'application/json', ...step.headers, 'content-length': body.length });
        outgoing.write(body.subarray(0, half));
        later(step.stallBodyMs, () => {
          if (!outgoing.destroyed) outgoing.end(body.subarray(half));
        });
        return;
      }
      later(step.delayMs ?? 0, () => {
        if (incoming.socket.destroyed) return;
        if ('reset' in step && step.reset === 'before-headers') {
          incoming.socket.destroy();
          return;
        }
        if ('reset' in step) {
          const body = Buffer.from(step.body);
          outgoing.writeHead(step.status, { 'content-type': 'application/json', ...step.headers, 'content-length': body.length });
          outgoing.write(body.subarray(0, Math.floor(body.length / 2)), () => incoming.socket.destroy());
          return;
        }
        const { body, contentType } = encode(step.body);
        if (step.sendDate === false) outgoing.sendDate = false;
        outgoing.writeHead(step.status, { ...(contentType === undefined ? {} : { 'content-type': contentType }), ...step.headers });
        outgoing.end(body);
      });
    });
  });

  const reset = () => {
    requests.length = 0;
    steps = [];
    endpointSteps.clear();
    handler = undefined;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    // Hung and stalled answers would otherwise keep their sockets (and the client's pool) busy.
    for (const socket of stuck) socket.destroy();
    stuck.clear();
  };

  return {
    get url() {
      if (address === undefined) throw new Error('The fault server is not listening yet: await listen() (or use it inside a test).');
      return address;
    },
    requests,
    requestsTo: (endpoint) => requests.filter((request) => request.endpoint === endpoint),
    script(...scripted) {
      steps = scripted;
    },
    scriptEndpoint(endpoint, ...scripted) {
      endpointSteps.set(endpoint, scripted);
    },
    route(routeHandler) {
      handler = routeHandler;
    },
    reset,
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      reset();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Starts a fault server and waits until it listens. */
export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const server = createFaultServer(options);
  await server.listen();
  return server;
}

/**
 * A fault server for the current test file (or `describe` block): it listens before the first
 * test, forgets everything after each test, and closes after the last one.
 */
export function useFaultServer(options: FaultServerOptions = {}): FaultServer {
  const server = createFaultServer(options);
  beforeAll(() => server.listen());
  afterEach(() => server.reset());
  afterAll(() => server.close());
  return server;
}

function encode(body: unknown): { body: string | Buffer | undefined; contentType: string | undefined } {
  if (body === undefined) return { body: undefined, contentType: undefined };
  if (typeof body === 'string') return { body, contentType: 'text/plain; charset=utf-8' };
  if (Buffer.isBuffer(body)) return { body, contentType: 'application/octet-stream' };
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

/** A port nothing listens on: connecting to it is refused before any byte is sent. */
export async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
