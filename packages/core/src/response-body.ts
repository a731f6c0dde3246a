// What every transport does with an answer: read its body within the call, never beyond
// `maxResponseBytes`, and build exactly one `Response` from the bytes. Web APIs only, so the fetch
// transport that uses it runs on edge runtimes and in browsers.
import { ResponseTooLargeError } from './core-errors.js';

export { ResponseTooLargeError } from './core-errors.js';

/**
 * The default `maxResponseBytes`: 10 MiB. The provider APIs answer JSON documents of kilobytes to a
 * few hundred kilobytes (their largest, a page of claims, stays under 1 MiB) and download no files,
 * so 10 MiB leaves ample room while 32 concurrent calls stay bounded at 320 MiB in the worst case.
 */
export const defaultMaxResponseBytes = 10 * 1024 * 1024;

/**
 * Checks a `maxResponseBytes` setting: an integer ≥ 0, or `Infinity` for no limit.
 *
 * @throws {TypeError} Naming the setting and what was given instead.
 */
export function checkMaxResponseBytes(value: unknown): number {
  if (typeof value === 'number' && (value === Number.POSITIVE_INFINITY || (Number.isSafeInteger(value) && value >= 0))) return value;
  throw new TypeError(
    `maxResponseBytes must be an integer >= 0 or Infinity; got ${typeof value === 'number' ? String(value) : `a value of type ${value === null ? 'null' : typeof value}`}.`,
  );
}

// Statuses whose responses never have a body: `new Response()` refuses one for them.
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/** Whether an answer to `method` with `status` carries no body (HEAD, 204, 205, 304). */
export function hasNullBody(method: string, status: number): boolean {
  return nullBodyStatuses.has(status) || method === 'HEAD';
}

/**
 * Refuses an answer whose `Content-Length` already says it is too large, before a byte of it is read.
 *
 * @throws {ResponseTooLargeError} When the declared length exceeds `limit`.
 */
export function refuseDeclaredLength(contentLength: string | null | undefined, limit: number): void {
  if (contentLength === null || contentLength === undefined) return;
  const declared = Number(contentLength);
  if (Number.isFinite(declared) && declared > limit) throw new ResponseTooLargeError(limit);
}

/**
 * Collects body chunks, refusing the one that takes the total beyond `limit`, and joins them once
 * at the end (one copy, not one per chunk).
 */
export class BoundedBody {
  readonly #chunks: Uint8Array[] = [];
  #length = 0;

  constructor(readonly limit: number) {}

  /** @throws {ResponseTooLargeError} When this chunk takes the body beyond the limit. */
  add(chunk: Uint8Array): void {
    this.#length += chunk.byteLength;
    if (this.#length > this.limit) throw new ResponseTooLargeError(this.limit);
    this.#chunks.push(chunk);
  }

  /** The body bytes, one buffer. */
  bytes(): Uint8Array<ArrayBuffer> {
    const joined = new Uint8Array(this.#length);
    let offset = 0;
    for (const chunk of this.#chunks) {
      joined.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return joined;
  }
}

/**
 * Reads a web `ReadableStream` whole, or up to `limit` bytes: past the limit the stream is cancelled
 * (which closes the connection underneath) and the read fails.
 *
 * @throws {ResponseTooLargeError} When the body exceeds `limit`.
 */
export async function readWebStream(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const body = new BoundedBody(limit);
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return body.bytes();
      body.add(value);
    }
  } catch (error) {
    // Not awaited: a stalled peer must not hold up the error; cancel() only releases the connection.
    reader.cancel(error).catch(() => {});
    throw error;
  }
}

/** What {@link buildResponse} makes a `Response` of. */
export interface ResponseParts {
  status: number;
  statusText: string;
  headers: Headers;
  /** `null` for null-body statuses and HEAD. */
  body: Uint8Array<ArrayBuffer> | null;
  /** The request URL, reported as `response.url` like `fetch` does. */
  url: string;
}

/** The one `Response` of an answer whose body has been read. */
export function buildResponse(parts: ResponseParts): Response {
  let response: Response;
  try {
    response = new Response(parts.body, { status: parts.status, statusText: parts.statusText, headers: parts.headers });
  } catch (error) {
    // A reason phrase that is not a valid header value; the status is what counts.
    if (!(error instanceof TypeError)) throw error;
    response = new Response(parts.body, { status: parts.status, headers: parts.headers });
  }
  // `new Response()` leaves `url` empty; fetch callers expect the URL asked for (never a redirect target: none is followed).
  Object.defineProperty(response, 'url', { value: parts.url });
  return response;
}
