// The `Request` class the typed client builds its requests with. A standard `Request` turns its
// body into a one-shot stream, so sending it again (a retry, the repeat after a 401) needs
// `clone()`, which tees the stream: while one branch is sent, the other holds every byte read, so
// a 20 MB upload costs 20 MB more per attempt, and the transport has to read the stream back into
// memory to send it with a length. This one keeps the body's source (the JSON text, the file, the
// encoded form) and builds each copy, and each attempt's bytes, from it again.
import { FormDataEncoder } from 'form-data-encoder';

/** A body that can be sent again, byte for byte, on every attempt. */
export type ReplayableBody = string | URLSearchParams | Blob;

/**
 * A `Request` that remembers the body it was made with, so {@link ReplayableRequest.clone} sends
 * that body again instead of teeing a stream, and a transport can send the source itself
 * ({@link replayableBodyOf}). A `FormData` body is encoded once, at construction, into a `Blob`
 * made of the encoded part headers and the caller's own files (referenced, not copied), so every
 * attempt sends the same bytes under the same multipart boundary, with a `Content-Length`: a
 * server that fingerprints an idempotent request's body sees one request, not two. For any other
 * body (a stream, a buffer the caller may still change) it is a standard `Request`.
 */
export class ReplayableRequest extends Request {
  readonly #source: ReplayableBody | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const body = init?.body;
    const form =
      body instanceof FormData ? encodedForm(body, init?.headers ?? (input instanceof Request ? input.headers : undefined)) : undefined;
    super(input, form === undefined ? init : { ...init, body: form.body, headers: form.headers });
    if (form !== undefined) this.#source = form.body;
    else if (typeof body === 'string' || body instanceof URLSearchParams || body instanceof Blob) this.#source = body;
    // A request made from another takes that one's body, and so its source (a brand check: `instanceof` is widened below).
    else if ((body === undefined || body === null) && typeof input === 'object' && #source in input) this.#source = input.#source;
  }

  /**
   * openapi-fetch checks what a middleware returns with `instanceof` its `Request` class: a
   * standard `Request` returned by a middleware is still a request, so it passes.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Request;
  }

  /** A copy whose body is the same source again (no stream tee); a used body cannot be copied, as with `Request`. */
  override clone(): Request {
    if (this.#source === undefined || this.bodyUsed) return super.clone();
    // Made from this request, the copy keeps all its settings (method, headers, signal, mode, credentials, …).
    return new ReplayableRequest(this, { body: this.#source });
  }

  /** The source of the body, where the request is a {@link ReplayableRequest} with one. */
  static sourceOf(request: Request): ReplayableBody | undefined {
    return #source in request ? request.#source : undefined;
  }
}

/**
 * The body a request was made with, when it can be sent as it is (the transport then streams a
 * file or an encoded form from the caller's own objects, with its length); `undefined` for any other request.
 */
export function replayableBodyOf(request: Request): ReplayableBody | undefined {
  return ReplayableRequest.sourceOf(request);
}

function encodedForm(form: FormData, headersInit: HeadersInit | undefined): { body: Blob; headers: Headers } {
  const encoder = new FormDataEncoder(form);
  const headers = new Headers(headersInit);
  // The boundary is the encoder's: a Content-Type set for the form could not name it.
  headers.set('content-type', encoder.contentType);
  // The parts are the encoded headers and the form's own values: a Blob of Blobs copies no file.
  return { body: new Blob([...encoder.values()] as BlobPart[]), headers };
}
