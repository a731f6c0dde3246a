import type { KnownWebhookEvent } from '@coverlink/core';
import type { components } from './generated/osigu.js';
import { OsiguErrorCode, OsiguWebhookError } from './osigu-errors.js';

/**
 * Any event OSIGU delivers to a webhook subscription: one of the documented types
 * ({@link KnownOsiguWebhookEvent}) or a type added after this version ({@link UnknownOsiguWebhookEvent}),
 * which is accepted rather than refused so a new OSIGU event never breaks a receiver.
 */
export type OsiguWebhookEvent = components['schemas']['OsiguWebhookEvent'];

/** An event whose `event_type` this version does not know: the envelope with an untyped `data`. Acknowledge it. */
export type UnknownOsiguWebhookEvent = components['schemas']['UnknownOsiguWebhookEvent'];

/**
 * The documented events, each with its own `data`, told apart by `event_type`. Narrow an
 * {@link OsiguWebhookEvent} to it with {@link isKnownOsiguWebhookEvent} first: the unknown member's
 * `event_type` is any string, so comparing `event_type` alone cannot rule it out.
 */
export type KnownOsiguWebhookEvent = KnownWebhookEvent<OsiguWebhookEvent, 'event_type'>;

// A Record over the union's event types: the compiler fails when the spec adds or drops a type and
// this list does not follow.
const knownEventTypes: Record<KnownOsiguWebhookEvent['event_type'], true> = {
  'authorization.created': true,
  'authorization.rejected': true,
  'authorization.updated': true,
  'authorization.voided': true,
  'dispensing.started': true,
  'dispensing.completed': true,
  'dispensing.cancelled': true,
  'prescription.issued': true,
  'prescription.email_delivered': true,
  'prescription.email_failed': true,
  'settlement.paid': true,
  'settlement.rejected': true,
  'settlement.partially_accepted': true,
};

/**
 * Whether an event is of a type this version documents, narrowing it to its typed payload.
 *
 * @example
 * ```ts
 * if (!isKnownOsiguWebhookEvent(event)) return; // a newer event type: acknowledge it and move on
 * if (event.event_type === 'authorization.created') console.log(event.data.authorization_code);
 * ```
 */
export function isKnownOsiguWebhookEvent(event: OsiguWebhookEvent): event is KnownOsiguWebhookEvent {
  return Object.hasOwn(knownEventTypes, event.event_type);
}

/** The header OSIGU signs deliveries with (HTTP header names are case-insensitive). */
export const osiguSignatureHeader = 'x-osigu-signature';

/** Options of {@link verifyOsiguWebhook}. */
export interface VerifyOsiguWebhookOptions {
  /** Largest accepted distance between the signature's timestamp and now, in seconds. Default 300. */
  toleranceSeconds?: number | undefined;
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
}

const encoder = new TextEncoder();

/**
 * Verifies an OSIGU webhook delivery and returns its event.
 *
 * Checks `X-Osigu-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: the HMAC-SHA256 of
 * `"{t}.{rawBody}"` under any of `secrets` must equal any of the `v1` values (OSIGU sends several
 * during key rotation; pass the old and the new secret while you rotate), compared in constant time,
 * and `t` must be within `toleranceSeconds` of now. Runs on WebCrypto, so it works in Node, edge
 * runtimes and workers alike.
 *
 * @param rawBody The request body exactly as received (a string, Buffer or Uint8Array): verify
 *   before any JSON parsing, because re-serialised JSON does not match the signature.
 * @param signatureHeader The `X-Osigu-Signature` header as your server hands it over: a string
 *   (fetch's `headers.get()`, Node's `request.headers[…]`), or one string per header line (Node's
 *   `request.headersDistinct[…]`). Several lines are read as one value joined with `,` (RFC 9110
 *   §5.3), so every `v1` of every line counts; the lines must agree on `t`.
 * @param secrets The signing secret(s) OSIGU issued (webhooks@osigu.com).
 * @throws {OsiguWebhookError} Answer the delivery with HTTP 401 and drop it. `OSIGU_WEBHOOK_BODY_NOT_RAW`
 *   is a bug in your route instead (it passed a parsed body): fix the route.
 *
 * @example
 * ```ts
 * const event = await verifyOsiguWebhook(await request.text(), request.headers.get('x-osigu-signature'), [secret]);
 * if (isKnownOsiguWebhookEvent(event) && event.event_type === 'authorization.created') console.log(event.data.authorization_code);
 * ```
 */
export async function verifyOsiguWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: string | readonly string[] | null | undefined,
  secrets: string | readonly string[],
  options: VerifyOsiguWebhookOptions = {},
): Promise<OsiguWebhookEvent> {
  const secretList = typeof secrets === 'string' ? [secrets] : secrets;
  if (secretList.length === 0 || secretList.some((secret) => typeof secret !== 'string' || secret.length === 0)) {
    throw new TypeError('verifyOsiguWebhook needs at least one non-empty signing secret.');
  }
  const body = rawBytes(rawBody);
  const { timestamp, signatures } = parseSignatureHeader(signatureHeader);
  const signedPayload = concatenate(encoder.encode(`${timestamp}.`), body);

  let matched = false;
  for (const secret of secretList) {
    const expected = await hmacSha256(secret, signedPayload);
    // Every candidate is compared, match or not, so timing does not tell which one matched.
    for (const signature of signatures) matched = constantTimeEqual(expected, signature) || matched;
  }
  if (!matched) {
    throw new OsiguWebhookError(
      'The webhook signature does not match the body under any configured secret.',
      OsiguErrorCode.webhookSignatureMismatch,
      'Check the signing secret, and pass the raw request body, not re-serialised JSON.',
    );
  }

  const toleranceSeconds = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    throw new OsiguWebhookError(
      `The webhook was signed ${nowSeconds - timestamp} s from now, beyond the ${toleranceSeconds} s tolerance.`,
      OsiguErrorCode.webhookTimestampOutOfTolerance,
      'Reject it as a possible replay; if every delivery fails this way, check the server clock (NTP).',
    );
  }

  return parseEvent(body);
}

/**
 * Signs a body as OSIGU does, giving the `X-Osigu-Signature` header value. For testing your own
 * webhook receiver against deliveries you make up.
 *
 * @param timestamp Unix seconds; default now.
 */
export async function signOsiguWebhook(
  rawBody: string,
  secret: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): Promise<string> {
  const signature = await hmacSha256(secret, encoder.encode(`${timestamp}.${rawBody}`));
  return `t=${timestamp},v1=${toHex(signature)}`;
}

/** The body as bytes; anything but a string or bytes is a body parser's output, which cannot be verified. */
function rawBytes(rawBody: unknown): Uint8Array {
  if (typeof rawBody === 'string') return encoder.encode(rawBody);
  // Buffer is a Uint8Array; the tag check also accepts bytes made in another realm (vm, a worker's copy).
  if (rawBody instanceof Uint8Array || Object.prototype.toString.call(rawBody) === '[object Uint8Array]') return rawBody as Uint8Array;
  throw new OsiguWebhookError(
    `verifyOsiguWebhook needs the raw request body, got ${describeValue(rawBody)}: a parsed body cannot be verified.`,
    OsiguErrorCode.webhookBodyNotRaw,
    "Pass the body exactly as received, as a Buffer, Uint8Array or string, before any JSON parsing: in Express mount the route with express.raw({ type: 'application/json' }) and pass req.body; in fetch-style runtimes pass await request.text(). Re-serialising a parsed body does not reproduce the signed bytes.",
  );
}

function describeValue(value: unknown): string {
  // The kind only: the value may be the delivery itself, with personal data in it.
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof ArrayBuffer) return 'an ArrayBuffer (wrap it: new Uint8Array(buffer))';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function parseSignatureHeader(header: string | readonly string[] | null | undefined): { timestamp: number; signatures: Uint8Array[] } {
  const malformed = (why: string) =>
    new OsiguWebhookError(
      `The X-Osigu-Signature header is malformed: ${why}.`,
      OsiguErrorCode.webhookSignatureMalformed,
      'Expect "t=<unix seconds>,v1=<64 hex digits>"; pass the header value as received.',
    );
  // Several header lines are one comma-separated value (RFC 9110 §5.3), as Node joins them in `headers`.
  const joined =
    typeof header === 'string' || !Array.isArray(header)
      ? header
      : header.every((line) => typeof line === 'string')
        ? header.join(',')
        : undefined;
  if (typeof joined !== 'string' || joined.trim() === '') throw malformed('it is missing or empty');
  let timestamp: number | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of joined.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) throw malformed('every element must be key=value');
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) throw malformed('t must be unix seconds');
      // Header lines signed in the same second repeat the same t; two different ones leave it open which v1 is over which t.
      if (timestamp !== undefined && timestamp !== Number(value)) throw malformed('t appears more than once, with different values');
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) throw malformed('v1 must be 64 hex digits');
      signatures.push(fromHex(value));
    }
    // Other keys (future schemes) are ignored, as signature schemes of this shape expect.
  }
  if (timestamp === undefined) throw malformed('t is missing');
  if (signatures.length === 0) throw malformed('no v1 signature');
  return { timestamp, signatures };
}

function parseEvent(body: Uint8Array): OsiguWebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw invalidPayload('the body is not UTF-8 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidPayload('the body is not a JSON object');
  const event = parsed as Record<string, unknown>;
  for (const field of ['event_id', 'event_type', 'created_at'] as const) {
    if (typeof event[field] !== 'string') throw invalidPayload(`"${field}" is missing or not a string`);
  }
  if (typeof event.data !== 'object' || event.data === null) throw invalidPayload('"data" is missing or not an object');
  return parsed as OsiguWebhookEvent;
}

function invalidPayload(why: string): OsiguWebhookError {
  return new OsiguWebhookError(
    `The webhook is signed correctly but is not an OSIGU event: ${why}.`,
    OsiguErrorCode.webhookPayloadInvalid,
    'The delivery is authentic but unreadable: do not act on it; log its event id and report it to OSIGU.',
  );
}

async function hmacSha256(secret: string, payload: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, payload));
}

function constantTimeEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  return difference === 0;
}

function concatenate(first: Uint8Array, second: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++) bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
