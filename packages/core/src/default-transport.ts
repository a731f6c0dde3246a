// The default transport everywhere but Node (browsers, edge runtimes, workerd): global `fetch`
// under the pipeline's wire rules. Node gets `default-transport.node.ts` instead, through the
// `#default-transport` import condition in package.json; both export the same names.
import { createFetchTransport } from './fetch-transport.js';

/** What a default transport can be tuned with. */
export interface DefaultTransportSettings {
  /** The largest response body read, in bytes. Default 10 MiB. */
  maxResponseBytes?: number | undefined;
}

/** Which transport this runtime got: `fetch` (global fetch) here, `undici` on Node. */
export const defaultTransportKind: 'fetch' | 'undici' = 'fetch';

/** A transport for this runtime with these settings: global `fetch`, redirects not followed, bodies bounded. */
export function createDefaultTransport(settings: DefaultTransportSettings = {}): typeof fetch {
  return createFetchTransport({ maxResponseBytes: settings.maxResponseBytes });
}

/** The default transport with the default settings, shared by every client of this runtime. */
export const defaultTransport: typeof fetch = createDefaultTransport();
