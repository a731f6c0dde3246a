// The transport for every runtime that is not Node (browsers, edge runtimes, workerd) and for a
// `fetch` the integrator supplies: the same rules as the Node transport, on web APIs only.
import {
  buildResponse,
  checkMaxResponseBytes,
  defaultMaxResponseBytes,
  hasNullBody,
  readWebStream,
  refuseDeclaredLength,
} from './response-body.js';

/** Settings of {@link createFetchTransport}. */
export interface FetchTransportSettings {
  /** The fetch that does the I/O. Default: the global `fetch`, looked up at each call (so a polyfill installed later counts). */
  fetch?: typeof fetch | undefined;
  /**
   * The largest response body read, in bytes; a larger or endless one fails the call with a
   * `ResponseTooLargeError`. Default {@link defaultMaxResponseBytes} (10 MiB); `Infinity` lifts it.
   */
  maxResponseBytes?: number | undefined;
}

/**
 * A `fetch` over another `fetch` with the pipeline's wire rules: redirects are not followed (the
 * call is made with `redirect: 'manual'`; a runtime that hides the 3xx, as browsers do, hands back
 * its `opaqueredirect` response, of status 0, unchanged), and the body is read within the call, at
 * most `maxResponseBytes` of it, into one `Response`. Failures are the underlying fetch's own.
 */
export function createFetchTransport(settings: FetchTransportSettings = {}): typeof fetch {
  const limit = checkMaxResponseBytes(settings.maxResponseBytes ?? defaultMaxResponseBytes);
  const configured = settings.fetch;

  return async (input, init) => {
    const baseFetch = configured ?? globalThis.fetch;
    const response = await baseFetch(input, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect' || response.body === null) return response;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (hasNullBody(method, response.status)) {
      await response.body.cancel();
      return response;
    }
    const declared = response.headers.get('content-encoding') === null ? response.headers.get('content-length') : null;
    try {
      refuseDeclaredLength(declared, limit);
    } catch (error) {
      await response.body.cancel().catch(() => {});
      throw error;
    }
    // An uncompressed body of a declared length within the limit is read whole by the runtime (its
    // framing stops it at that length), a good deal cheaper than chunk by chunk; any other is bounded as it arrives.
    const bytes = declared !== null ? new Uint8Array(await response.arrayBuffer()) : await readWebStream(response.body, limit);
    return buildResponse({
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: bytes,
      url: response.url,
    });
  };
}
