// Test support for fault-matrix.test.ts: one real HTTP server on 127.0.0.1 that plays a provider's
// token endpoint and its API at once, answers each route from its own script of faults, and
// records every request per route. Modelled on packages/core/src/fault-server.test-support.ts (not
// imported: packages do not share test code).
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The two things a provider client talks to. */
export type Route = 'token' | 'api';

/** One request as it crossed the socket. */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** How the server answers one request. */
export type Step =
  /** A full answer. A string body is sent as is (content type from `headers`, default text/plain); anything else as JSON. */
  | { status: number; headers?: OutgoingHttpHeaders; body?: unknown; delayMs?: number }
  /** Status, headers and half of the body, then the socket is destroyed. */
  | { resetMidBody: true; status: number; body: string }
  /** Status, headers and half of the body at once; the other half after `stallMs`. */
  | { stallBodyMs: number; status: number; body: string }
  /** Reads the request and never answers. */
  | { hang: true };

export interface MatrixServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Requests per route since the last reset. */
  requests: Record<Route, RecordedRequest[]>;
  /** The next requests of `route` get these steps, in order; then the route's fallback. */
  script(route: Route, ...steps: Step[]): void;
  /** What `route` answers once its script is used up (default: a 499 no test expects). */
  fallback(route: Route, step: () => Step): void;
  reset(): void;
  close(): Promise<void>;
}

/** The status of an answer nobody scripted. */
export const unscriptedStatus = 499;

/**
 * Starts the server. `routeOf` tells which route a path belongs to (the token path of the provider
 * under test, everything else the API).
 */
export async function startMatrixServer(routeOf: (path: string) => Route): Promise<MatrixServer> {
  const requests: Record<Route, RecordedRequest[]> = { token: [], api: [] };
  const scripts: Record<Route, Step[]> = { token: [], api: [] };
  const fallbacks: Partial<Record<Route, () => Step>> = {};
  const timers = new Set<NodeJS.Timeout>();
  // Sockets of answers that hang or stall: destroyed on reset. Idle keep-alive sockets are left
  // alone, or the client's next request on one would fail as if the server had reset it.
  const stuck = new Set<Socket>();

  const later = (milliseconds: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, milliseconds);
    timers.add(timer);
  };

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('error', () => {});
    outgoing.on('error', () => {});
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = incoming.url ?? '/';
      const route = routeOf(new URL(url, 'http://127.0.0.1').pathname);
      requests[route].push({ method: incoming.method ?? '', url, headers: incoming.headers, body: Buffer.concat(chunks).toString() });
      const step: Step = scripts[route].shift() ??
        fallbacks[route]?.() ?? { status: unscriptedStatus, body: `matrix server: nothing scripted for ${route}` };

      if ('hang' in step || 'stallBodyMs' in step) stuck.add(incoming.socket);
      if ('hang' in step) return;
      if ('resetMidBody' in step || 'stallBodyMs' in step) {
        const body = Buffer.from(step.body);
        const half = Math.floor(body.length / 2);
        outgoing.writeHead(step.status, { 'content-type': 'application/json', 'content-length': body.length });
        if ('resetMidBody' in step) {
          outgoing.write(body.subarray(0, half), () => incoming.socket.destroy());
          return;
        }
        outgoing.write(body.subarray(0, half));
        later(step.stallBodyMs, () => {
          if (!outgoing.destroyed) outgoing.end(body.subarray(half));
        });
        return;
      }
      const answer = () => {
        if (incoming.socket.destroyed) return;
        const isText = typeof step.body === 'string';
        const payload = step.body === undefined ? undefined : isText ? (step.body as string) : JSON.stringify(step.body);
        outgoing.writeHead(step.status, {
          ...(payload === undefined ? {} : { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json' }),
          ...step.headers,
        });
        outgoing.end(payload);
      };
      if ((step.delayMs ?? 0) > 0) later(step.delayMs ?? 0, answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const reset = () => {
    requests.token.length = 0;
    requests.api.length = 0;
    scripts.token = [];
    scripts.api = [];
    delete fallbacks.token;
    delete fallbacks.api;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    // Hung and stalled answers would otherwise keep their sockets (and the client's pool) busy.
    for (const socket of stuck) socket.destroy();
    stuck.clear();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(route, ...steps) {
      scripts[route] = steps;
    },
    fallback(route, step) {
      fallbacks[route] = step;
    },
    reset,
    async close() {
      reset();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** An unsigned JWT (`alg: none`) whose payload holds `exp`, in unix seconds. The clients only read `exp`. */
export function jwtExpiringAt(expSeconds: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'fault-matrix', exp: expSeconds })}.signature`;
}

/** How a promise settled, for asserting errors and successes alike. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Whether `promise` is still pending after `milliseconds`. */
export async function stillPendingAfter(promise: Promise<unknown>, milliseconds: number): Promise<boolean> {
  const pending = Symbol('pending');
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    promise.then(
      () => 'settled',
      () => 'settled',
    ),
    new Promise<symbol>((resolve) => {
      timer = setTimeout(() => resolve(pending), milliseconds);
    }),
  ]);
  clearTimeout(timer);
  return result === pending;
}
