import type { IncomingMessage, ServerResponse } from 'node:http';

/** Form bodies here are a handful of short fields; anything larger is refused rather than buffered. */
const maxBodyBytes = 64 * 1024;

/** The outcome of reading a form body: its fields, or why it was refused. */
export type FormBody = { ok: true; params: URLSearchParams } | { ok: false; description: string };

/** Reads an `application/x-www-form-urlencoded` body (the only encoding RFC 6749 allows at the token endpoint). */
export async function readFormBody(request: IncomingMessage): Promise<FormBody> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') {
    // Drain the body so that the connection can be reused.
    request.resume();
    return { ok: false, description: 'The body must be application/x-www-form-urlencoded.' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBodyBytes) chunks.push(chunk);
  }
  if (size > maxBodyBytes) return { ok: false, description: `The body is larger than ${maxBodyBytes} bytes.` };
  return { ok: true, params: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) };
}

/** The names that occur more than once; RFC 6749 §3.1 and §3.2: parameters "MUST NOT be included more than once". */
export function repeatedParameters(params: URLSearchParams): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of params.keys()) {
    if (seen.has(name)) repeated.add(name);
    seen.add(name);
  }
  return [...repeated];
}

/** Sends a JSON body that must not be cached (tokens and token errors, RFC 6749 §5.1). */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    ...headers,
  });
  response.end(text);
}

/**
 * Sends an HTML page with headers that keep it out of caches and out of frames (a login and consent page must not be
 * clickjacked). The CSP allows no script at all, as a second line behind escaping. It sets no `form-action`: browsers apply
 * that directive to the redirect after the form is posted, which would block the redirect to the client.
 */
export function sendHtml(response: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  response.end(html);
}

/** Redirects the browser; `303` after a form POST, so that the client's redirect URI is fetched with GET. */
export function redirect(
  response: ServerResponse,
  status: 302 | 303,
  location: string,
  headers: Record<string, string | string[]> = {},
): void {
  response.writeHead(status, {
    Location: location,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Content-Length': 0,
    ...headers,
  });
  response.end();
}

/** The cookies of a request, by name (the first value wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(separator + 1).trim());
  }
  return cookies;
}
