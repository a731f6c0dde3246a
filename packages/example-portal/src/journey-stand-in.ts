import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { html } from './html.js';

/** A running stand-in for OneAssure's hosted journey. */
export interface RunningJourneyStandIn {
  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  url: string;
  /** The journey page, `${url}/health`: pass it as the portal's `journeyUrl`. */
  journeyUrl: string;
  stop(): Promise<void>;
}

/**
 * Serves a tiny page in place of `https://orca.oneassure.in/health`: it says whether a
 * `session-token` arrived, never what it is. Frameable, so the portal's iframe mode works.
 */
export async function startJourneyStandIn(options: { port?: number | undefined } = {}): Promise<RunningJourneyStandIn> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in.invalid');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('cache-control', 'no-store');
    if (request.method !== 'GET' || url.pathname !== '/health') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const received = (url.searchParams.get('session-token') ?? '') !== '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OneAssure health journey (mock)</title></head>
<body><h1>OneAssure health journey (mock)</h1>
<p id="journey-session">${received ? 'Session token received.' : 'No session token received.'}</p></body></html>
`.toString(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    journeyUrl: `${url}/health`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
