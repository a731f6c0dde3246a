// The Node transport: a `fetch` on undici's Dispatcher API. Global `fetch` builds a WHATWG stream per
// body and runs the full fetch algorithm per call; `dispatcher.request()` on a keep-alive pool does
// the same I/O at a fraction of the CPU, and this module adds only what the pipeline relies on.
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, type Dispatcher } from 'undici';
import { type AbortSource, acceptsAbortSource } from './attempt-signal.js';
import { CoverlinkError } from './core-errors.js';
import { replayableBodyOf } from './replayable-request.js';
import {
  BoundedBody,
  buildResponse,
  checkMaxResponseBytes,
  defaultMaxResponseBytes,
  hasNullBody,
  refuseDeclaredLength,
} from './response-body.js';

/** Settings of {@link createNodeTransport}. */
export interface NodeTransportSettings {
  /**
   * The largest response body read, in bytes (after decompression); a larger or endless one fails
   * the call with a `ResponseTooLargeError`. Default {@link defaultMaxResponseBytes} (10 MiB); `Infinity` lifts it.
   */
  maxResponseBytes?: number | undefined;
  /**
   * The undici dispatcher that does the I/O (a `ProxyAgent`, an `Agent` with your own connection
   * limits). Default: a keep-alive `Agent` of this transport, which holds one connection pool per origin.
   * A dispatcher you pass stays yours to close.
   */
  dispatcher?: Dispatcher | undefined;
}

/** A `fetch` on undici; see {@link createNodeTransport}. */
export type NodeTransport = typeof fetch & {
  /** Closes the transport's own connection pools (not a dispatcher passed in), once the in-flight calls are done. */
  close(): Promise<void>;
};

type ResponseDecoder = () => NodeJS.ReadWriteStream;

// The codings fetch decodes; an unknown coding is handed back as it came, as fetch does.
const decoders: Record<string, ResponseDecoder> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * A `fetch` for Node on undici's Dispatcher API, for the provider clients' JSON calls. It differs
 * from global `fetch` where the pipeline needs it to:
 *
 * - **Connections**: a keep-alive pool per origin, reused by every call of this transport.
 * - **Redirects are never followed**, whatever `request.redirect` says: a 3xx answer is returned as
 *   it is, `Location` included, and the pipeline turns it into a typed error. Following would resend
 *   the request, body and credentials, to whatever host the answer names.
 * - **The body is read within the call**, so the promise settles only once all of it arrived (under
 *   the caller's signal, which carries the attempt timeout), and at most `maxResponseBytes` of it:
 *   past the limit the connection is closed and the call fails with `ResponseTooLargeError`.
 *   The answer becomes exactly one `Response` over the bytes read (repeated headers such as
 *   `Set-Cookie` kept apart; no body for HEAD, 204, 205 and 304).
 * - **Request bodies** of every kind (string, `URLSearchParams`, `FormData` with files, `Blob`) go
 *   out with a `Content-Length`. A request built by the typed client (a `ReplayableRequest`) is sent
 *   from its source, a file or an encoded form streamed from the caller's own objects; any other is
 *   encoded by `Request` itself and read into memory first.
 * - **Failures** look like global fetch's: an abort rejects with the signal's reason; a connection
 *   or socket failure with `TypeError('fetch failed')` whose `cause` is undici's error, carrying its
 *   `code` (`ECONNREFUSED`, `UND_ERR_SOCKET`, …).
 *
 * No `Accept-Encoding` is sent unless the caller sets one; a gzip, deflate or br answer is decoded.
 * `credentials`, `mode`, `cache` and `keepalive` of the request have no meaning here and are ignored.
 *
 * @example
 * ```ts
 * const transport = createNodeTransport({ maxResponseBytes: 50 * 1024 * 1024 });
 * const response = await transport('https://api.example.com/v1/things', { signal: AbortSignal.timeout(5_000) });
 * await transport.close();
 * ```
 */
export function createNodeTransport(settings: NodeTransportSettings = {}): NodeTransport {
  const limit = checkMaxResponseBytes(settings.maxResponseBytes ?? defaultMaxResponseBytes);
  const ownDispatcher = settings.dispatcher === undefined ? new Agent() : undefined;
  const dispatcher = settings.dispatcher ?? (ownDispatcher as Agent);

  const transport = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // The pipeline calls `transport(request, { signal })`: no second Request for that.
    const request = input instanceof Request && (init === undefined || onlySignal(init)) ? input : new Request(input, init);
    // The pipeline passes its attempt's AbortSource here (see `acceptsAbortSource`), which undici takes as it is.
    const signal: AbortSource | null = init?.signal !== undefined ? init.signal : request.signal;
    if (signal?.aborted) throw signal.reason;
    const url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError('fetch failed', { cause: new Error(`The transport speaks HTTP and HTTPS, not ${url.protocol}`) });
    const { body, headers } = await wireBody(request);

    let answer: Dispatcher.ResponseData;
    try {
      answer = await dispatcher.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method as Dispatcher.HttpMethod,
        headers,
        body,
        signal: signal as AbortSignal | null,
      });
    } catch (error) {
      throw failure(error, signal, 'fetch failed');
    }

    try {
      const responseHeaders = headersOf(answer.headers);
      let bytes: Uint8Array<ArrayBuffer> | null = null;
      if (hasNullBody(request.method, answer.statusCode)) await answer.body.dump();
      else {
        const coding = responseHeaders.get('content-encoding')?.trim().toLowerCase();
        const decoder = coding === undefined ? undefined : decoders[coding];
        // A compressed body's declared length says nothing about what it unpacks to.
        if (decoder === undefined) refuseDeclaredLength(responseHeaders.get('content-length'), limit);
        bytes = await collect(decoder === undefined ? answer.body : decoded(answer.body, decoder), limit);
      }
      return buildResponse({
        status: answer.statusCode,
        statusText: answer.statusText,
        headers: responseHeaders,
        body: bytes,
        url: request.url,
      });
    } catch (error) {
      // Destroying the unread rest closes the connection; its own 'error' event says nothing new.
      answer.body.on('error', () => {}).destroy();
      throw failure(error, signal, 'terminated');
    }
  };

  return Object.assign(transport, {
    close: async () => {
      await ownDispatcher?.close();
    },
    [acceptsAbortSource]: true,
  });
}

/**
 * The body and headers to send. A body with a known source (see `replayable-request.ts`) is sent
 * from it, a file or an encoded form streamed from the caller's own objects with its size; any
 * other body is read into memory first, so it too goes out with a length.
 */
async function wireBody(request: Request): Promise<{ body: Dispatcher.DispatchOptions['body']; headers: string[] }> {
  const headers: string[] = [];
  for (const [name, value] of request.headers) headers.push(name, value);
  if (request.body === null) return { body: null, headers };
  const source = replayableBodyOf(request);
  if (source === undefined) return { body: Buffer.from(await request.arrayBuffer()), headers };
  if (!(source instanceof Blob)) return { body: String(source), headers };
  headers.push('content-length', String(source.size));
  return { body: Readable.fromWeb(source.stream() as NodeReadableStream<Uint8Array>), headers };
}

function onlySignal(init: RequestInit): boolean {
  for (const key in init) if (key !== 'signal' && (init as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/**
 * Reads a body whole, at most `limit` bytes of it. Events rather than `for await`: the async
 * iterator costs a promise per chunk, a measurable share of a small JSON call. Past the limit the
 * stream is destroyed, which closes the connection: the rest is never read.
 */
function collect(stream: Readable | NodeJS.ReadWriteStream, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const body = new BoundedBody(limit);
    stream.on('data', (chunk: Uint8Array) => {
      try {
        body.add(chunk);
      } catch (error) {
        reject(error);
        (stream as Readable).destroy();
      }
    });
    stream.once('end', () => resolve(body.bytes()));
    stream.once('error', reject);
  });
}

function decoded(body: Readable, decoder: ResponseDecoder): NodeJS.ReadWriteStream {
  // pipeline() destroys the other stream when either fails or is destroyed.
  return pipeline(body, decoder(), () => {});
}

// Errors the way global fetch reports them, so code written against fetch (and the pipeline's
// `systemCodeOf`, which looks at `cause.code`) handles both transports alike.
function failure(error: unknown, signal: AbortSource | null, message: string): unknown {
  if (signal?.aborted) return signal.reason;
  if (CoverlinkError.isInstance(error)) return error;
  return new TypeError(message, { cause: error });
}
