// The benchmark's HTTP server, run in its own process (so its CPU work does not share the client's
// event loop): a minimal node:http JSON server answering GET /v1/sponsors/{slug}/forms, an OAuth
// client-credentials token endpoint and OSIGU's multipart indication upload (the first attempt per
// authorization request answered 503, every later one 204, so each upload is sent twice), plus
// /__stats and /__reset for the counters. Prints `listening <port>` once ready.
import { createServer } from 'node:http';

const formsPath = /^\/v1\/sponsors\/([a-z0-9-]+)\/forms$/;
const uploadPath = /^\/arc\/v1\/authorization-requests\/([A-Za-z0-9_-]+)\/upload\/files$/;
const uploadAttempts = new Map<string, number>();
let tokenRequests = 0;
let apiRequests = 0;
let tokenCounter = 0;

const formBody = (slug: string): string =>
  JSON.stringify({
    sponsor_slug: slug,
    fields: [
      { name: 'document_type', label: 'Document type', type: 'enum', required: true, options: [{ value: 'CC', label: 'Cédula' }] },
      { name: 'document_number', label: 'Document number', type: 'string', required: true },
    ],
  });

const server = createServer((request, response) => {
  const url = request.url ?? '/';
  const send = (status: number, body: string): void => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(body);
  };
  if (request.method === 'POST' && url === '/v1/oauth/token') {
    // Drain the form body, then answer like OSIGU: a bearer token valid for an hour.
    request.resume();
    request.on('end', () => {
      tokenRequests++;
      tokenCounter++;
      send(200, JSON.stringify({ access_token: `bench-token-${tokenCounter}`, token_type: 'Bearer', expires_in: 3600 }));
    });
    return;
  }
  const upload = request.method === 'POST' ? uploadPath.exec(url) : null;
  if (upload !== null) {
    // Read the whole body before answering: answering mid-upload would end the attempt with a socket
    // error instead of the 503 the retry is meant to see.
    const id = upload[1] ?? '';
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      const attempt = (uploadAttempts.get(id) ?? 0) + 1;
      uploadAttempts.set(id, attempt);
      if (attempt === 1) {
        response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' });
        response.end(JSON.stringify({ error_code: 'UNAVAILABLE', message: 'Try again', bytes }));
        return;
      }
      response.writeHead(204, { 'x-received-bytes': String(bytes), 'x-attempt': String(attempt) });
      response.end();
    });
    return;
  }
  if (request.method === 'GET' && url === '/__stats') return send(200, JSON.stringify({ tokenRequests, apiRequests }));
  if (request.method === 'POST' && url === '/__reset') {
    tokenRequests = 0;
    apiRequests = 0;
    request.resume();
    return send(200, '{}');
  }
  const match = request.method === 'GET' ? formsPath.exec(url) : null;
  if (match !== null) {
    if (!(request.headers.authorization ?? '').startsWith('Bearer ')) {
      return send(401, JSON.stringify({ error_code: 'UNAUTHORIZED', message: 'Missing bearer token' }));
    }
    apiRequests++;
    return send(200, formBody(match[1] ?? 'unknown'));
  }
  send(404, JSON.stringify({ error_code: 'NOT_FOUND', message: 'No such route' }));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address !== null ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
