// The default transport on Node: undici's Dispatcher API, several times cheaper per call than
// global `fetch`. Chosen through the `node` condition of `#default-transport` in package.json;
// `default-transport.ts` is the one for every other runtime, with the same exports.
import { Agent } from 'undici';
import type { DefaultTransportSettings } from './default-transport.js';
import { createNodeTransport } from './node-transport.js';

export type { DefaultTransportSettings } from './default-transport.js';

/** Which transport this runtime got: `undici` here on Node, `fetch` elsewhere. */
export const defaultTransportKind: 'fetch' | 'undici' = 'undici';

// One keep-alive pool per origin for the whole process: clients of the same provider share its
// connections. An Agent opens nothing until its first call.
const sharedAgent = new Agent();

/**
 * A transport for this runtime with these settings: undici with one keep-alive pool per origin,
 * shared by every client of the process, redirects not followed, bodies bounded.
 */
export function createDefaultTransport(settings: DefaultTransportSettings = {}): typeof fetch {
  return createNodeTransport({ maxResponseBytes: settings.maxResponseBytes, dispatcher: sharedAgent });
}

/** The default transport with the default settings, shared by every client of this runtime. */
export const defaultTransport: typeof fetch = createDefaultTransport();
