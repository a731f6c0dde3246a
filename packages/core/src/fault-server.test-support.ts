// Test support, never built into dist (tsconfig.build.json excludes *.test-support.ts): a real HTTP
// server on 127.0.0.1 that answers scripted steps and records every request byte for byte, a sleep
// that only records the delays asked for, and a logger that records every call.
import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { AttemptLog, Logger } from './logger.js';

/** One request as it crossed the socket. */
export interface RecordedRequest {
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

/** How the server answers one request. Every step can wait `delayMs` before doing anything. */
export type Step =
  | {
      status: number;
      headers?: OutgoingHttpHeaders;
      /** A string or Buffer is sent as is; anything else as JSON. */
      body?: unknown;
      delayMs?: number;
      /** `false` sends no `Date` header (node:http adds one otherwise). */
      sendDate?: boolean;
    }
  /** Destroys the socket after reading the request, before any response byte. */
  | { reset: 'before-headers'; delayMs?: number }
  /** Sends the status, the headers and half of the body, then destroys the socket. */
  | { reset: 'mid-body'; status: number; headers?: OutgoingHttpHeaders; body: string; delayMs?: number };

export interface FaultServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request received since the last {@link FaultServer.reset}, in order. */
  requests: RecordedRequest[];
  /** Answers the next requests with these steps, in order. Requests beyond the script get a 499. */
  script(...steps: Step[]): void;
  /** Answers every request with what `handler` returns (for paged resources); replaces the script. */
  route(handler: (request: RecordedRequest) => Step): void;
  /** Forgets requests, script, route and pending delayed answers. */
  reset(): void;
  close(): Promise<void>;
}

/** What a request beyond the script gets: a status no test expects. */
export const unscriptedStatus = 499;

export async function startFaultServer(): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  let steps: Step[] = [];
  let handler: ((request: RecordedRequest) => Step) | undefined;
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('error', () => {});
    outgoing.on('error', () => {});
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = incoming.url ?? '/';
      const parsed = new URL(url, 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: incoming.method ?? '',
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      const step: Step = handler?.(recorded) ?? steps.shift() ?? { status: unscriptedStatus, body: 'fault-server: no step scripted' };

      const answer = () => {
        if (incoming.socket.destroyed) return;
        if ('reset' in step && step.reset === 'before-headers') {
          incoming.socket.destroy();
          return;
        }
        if ('reset' in step) {
          const body = Buffer.from(step.body);
          outgoing.writeHead(step.status, { ...step.headers, 'content-length': body.length });
          outgoing.write(body.subarray(0, Math.floor(body.length / 2)), () => incoming.socket.destroy());
          return;
        }
        const { body, contentType } = encode(step.body);
        if (step.sendDate === false) outgoing.sendDate = false;
        outgoing.writeHead(step.status, { ...(contentType === undefined ? {} : { 'content-type': contentType }), ...step.headers });
        outgoing.end(body);
      };

      const delay = step.delayMs ?? 0;
      if (delay <= 0) {
        answer();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, delay);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const reset = () => {
    requests.length = 0;
    steps = [];
    handler = undefined;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(...scripted) {
      handler = undefined;
      steps = scripted;
    },
    route(routeHandler) {
      steps = [];
      handler = routeHandler;
    },
    reset,
    async close() {
      reset();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
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

/**
 * A `sleep` for `createResilientFetch`/`createApiClient` that resolves at once and records each
 * delay. `during` runs inside the sleep, e.g. to abort the caller's signal mid-backoff.
 */
export function recordingSleep(during?: (milliseconds: number, signal: AbortSignal | null) => void) {
  const delays: number[] = [];
  const sleep = async (milliseconds: number, signal: AbortSignal | null): Promise<void> => {
    delays.push(milliseconds);
    during?.(milliseconds, signal);
  };
  return { sleep, delays };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One call of a logger method, with every argument it received. */
export interface LogCall {
  level: LogLevel;
  args: unknown[];
}

/** A pino-shaped logger spy. `entries()` gives the first argument of each call: the attempt log. */
export function recordingLogger() {
  const calls: LogCall[] = [];
  const record =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      calls.push({ level, args });
    };
  const logger: Required<Logger> = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
  return { logger, calls, entries: () => calls.map((call) => call.args[0] as AttemptLog) };
}

/** The rejection of `promise`; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${inspect(value)}`),
    (error: unknown) => error,
  );
}

/** Every way an error is commonly turned into text: its message, String(), JSON and a deep inspect. */
export function renderingsOf(error: unknown): Record<string, string> {
  return {
    message: error instanceof Error ? error.message : '',
    string: String(error),
    json: JSON.stringify(error) ?? '',
    inspect: inspect(error, { depth: 10, showHidden: true }),
  };
}
