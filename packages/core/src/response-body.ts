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

const utf8 = new TextDecoder();

/**
 * A `Response` over a body already read into memory. A web `Response` wraps every body in a
 * `ReadableStream`, and reading it back (`text()`, `json()`) goes through that stream's promise
 * machinery: for a JSON answer of a few kilobytes that costs more CPU than the HTTP exchange itself.
 * This one keeps the bytes, answers `text()`, `json()`, `arrayBuffer()`, `bytes()` and `blob()`
 * from them, and builds a stream only when `body` is asked for; `bodyUsed`, `clone()` and the
 * "body already used" rule behave as the standard ones do. The pipeline checks a JSON answer by
 * parsing it once here ({@link parsesAsJson}); the caller's `json()` then gets that parse.
 */
class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer> | null;
  readonly #url: string;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;
  #text: string | undefined;
  #json: { value: unknown } | undefined;

  constructor(bytes: Uint8Array<ArrayBuffer> | null, init: ResponseInit, url: string) {
    super(null, init);
    this.#bytes = bytes;
    this.#url = url;
  }

  /** The request URL, as `fetch` reports it (never a redirect target: none is followed). */
  override get url(): string {
    return this.#url;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#stream === undefined) this.#stream = this.#bytes === null ? null : this.#streamOfBytes(this.#bytes);
    return this.#stream as ReadableStream<Uint8Array<ArrayBuffer>> | null;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override async text(): Promise<string> {
    if (this.#stream) return this.#streamed().text();
    this.#take();
    return this.#decoded();
  }

  override async json(): Promise<unknown> {
    if (this.#stream) return this.#streamed().json();
    this.#take();
    return this.#parsed();
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#stream) return this.#streamed().arrayBuffer();
    return this.#copy().buffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#stream) return new Uint8Array(await this.#streamed().arrayBuffer());
    return this.#copy();
  }

  override async blob(): Promise<Blob> {
    if (this.#stream) return this.#streamed().blob();
    return new Blob([this.#copy()], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    // Rare for these APIs: the standard parser, over the same body.
    if (this.#stream) return this.#streamed().formData();
    return new Response(this.#copy(), { headers: this.headers }).formData();
  }

  override clone(): Response {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    if (this.#stream) {
      // Once the body is a stream, the stream is the body: tee it, as the standard clone does.
      const [mine, theirs] = this.#stream.tee();
      this.#stream = mine;
      const copy = new Response(theirs, { status: this.status, statusText: this.statusText, headers: this.headers });
      Object.defineProperty(copy, 'url', { value: this.#url });
      return copy;
    }
    return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers }, this.#url);
  }

  /** Whether the body parses as JSON (an empty body counts), parsed once and kept for `json()`, without using the body up. */
  static parsesAsJson(response: BufferedResponse): boolean {
    if (response.#stream !== undefined || response.#used || response.#decoded() === '') return true;
    try {
      response.#parsed();
      return true;
    } catch {
      return false;
    }
  }

  /** Whether there is a body at all, without turning it into a stream. */
  static hasBytes(response: BufferedResponse): boolean {
    return response.#bytes !== null;
  }

  #take(): void {
    if (this.#stream === null) return;
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
  }

  /** A standard response over the stream `body` made, which enforces the stream's own rules (locked, disturbed). */
  #streamed(): Response {
    return new Response(this.#stream as ReadableStream<Uint8Array>, { headers: this.headers });
  }

  #decoded(): string {
    this.#text ??= this.#bytes === null ? '' : utf8.decode(this.#bytes);
    return this.#text;
  }

  #parsed(): unknown {
    this.#json ??= { value: JSON.parse(this.#decoded()) };
    return this.#json.value;
  }

  #copy(): Uint8Array<ArrayBuffer> {
    this.#take();
    return this.#bytes === null ? new Uint8Array(0) : this.#bytes.slice();
  }

  #streamOfBytes(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      pull: (controller) => {
        this.#used = true;
        controller.enqueue(bytes.slice());
        controller.close();
      },
      cancel: () => {
        this.#used = true;
      },
    });
  }
}

/** The one `Response` of an answer whose body has been read; see {@link BufferedResponse}. */
export function buildResponse(parts: ResponseParts): Response {
  try {
    return new BufferedResponse(parts.body, { status: parts.status, statusText: parts.statusText, headers: parts.headers }, parts.url);
  } catch (error) {
    // A reason phrase that is not a valid header value; the status is what counts.
    if (!(error instanceof TypeError)) throw error;
    return new BufferedResponse(parts.body, { status: parts.status, headers: parts.headers }, parts.url);
  }
}

/** Whether a response has a body to read, without turning a buffered body into a stream. */
export function hasBody(response: Response): boolean {
  return response instanceof BufferedResponse ? BufferedResponse.hasBytes(response) : response.body !== null;
}

/**
 * Whether a response's body parses as JSON: a buffered body is parsed once, and its reader's
 * `json()` gets that parse; any other body (a custom transport's) is read from a clone.
 */
export async function parsesAsJson(response: Response): Promise<boolean> {
  if (response instanceof BufferedResponse) return BufferedResponse.parsesAsJson(response);
  const text = await response.clone().text();
  if (text === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
