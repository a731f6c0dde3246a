import {
  acmeProfile,
  countingTokenProvider,
  type paths,
  type RecordedRequest,
  recordingLogger,
  recordingSleep,
  rejectionOf,
  type Step,
  useFaultServer,
} from '@coverlink/test-kit';
import { describe, expect, it, vi } from 'vitest';
import { type ApiClientOptions, createApiClient, userAgent } from './api-client.js';
import { AbortError, AuthenticationError, ServerError, TimeoutError } from './core-errors.js';
import { unwrap } from './unwrap.js';

const server = useFaultServer();

function acmeClient(options: Partial<ApiClientOptions> = {}) {
  const { sleep, delays } = recordingSleep();
  const client = createApiClient<paths>({ baseUrl: server.url, profile: acmeProfile, sleep, ...options });
  return { client, delays };
}

const thing = { id: '7', label: 'seven' };
const ok = (body: unknown = thing): Step => ({ status: 200, body });
const status = (code: number, body: unknown = { error: { code: `E${code}`, message: `status ${code}` } }): Step => ({ status: code, body });
const authorizationsOf = (requests: RecordedRequest[]) => requests.map((request) => request.headers.authorization);

describe('userAgent(): the provider package and this runtime, with versions', () => {
  it('names both packages', () => expect(userAgent(acmeProfile)).toBe('@coverlink/x/1.2.3 @coverlink/core/0.1.0'));
});

describe('createApiClient: the request on the wire', () => {
  it('sends the User-Agent, the default headers and the filled-in path, and returns the typed data', async () => {
    server.script(ok());
    const { client } = acmeClient({ headers: { 'x-acme-tenant': 'tenant-9' } });

    const found = unwrap(await client.GET('/things/{id}', { params: { path: { id: '7' } } }));

    expect(found.label).toBe('seven');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/things/7' });
    expect(server.requests[0]?.headers['user-agent']).toBe('@coverlink/x/1.2.3 @coverlink/core/0.1.0');
    expect(server.requests[0]?.headers['x-acme-tenant']).toBe('tenant-9');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('createApiClient: retries and timeouts', () => {
  it('retries a 503 GET twice with jittered, growing delays, then unwrap() throws ServerError', async () => {
    server.script(status(503), status(503), status(503), ok());
    const { client, delays } = acmeClient();

    const result = await client.GET('/things/{id}', { params: { path: { id: '7' } } });

    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(375);
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[1]).toBeGreaterThanOrEqual(750);
    expect(delays[1]).toBeLessThanOrEqual(1000);
    expect(() => unwrap(result)).toThrow(ServerError);
  });

  it('sends once with maxRetries: 0 on the client', async () => {
    server.script(status(503), ok());
    const { client, delays } = acmeClient({ maxRetries: 0 });

    const result = await client.GET('/things/{id}', { params: { path: { id: '7' } } });

    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('sends once with maxRetries: 0 on the call', async () => {
    server.script(status(503), ok());
    const { client, delays } = acmeClient();

    const result = await client.GET('/things/{id}', { params: { path: { id: '7' } }, maxRetries: 0 });

    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('passes the backoff tuning through', async () => {
    server.script(status(500), status(500), ok());
    const { client, delays } = acmeClient({ retry: { initialDelayMs: 100, maxDelayMs: 150 } });

    expect(unwrap(await client.GET('/things/{id}', { params: { path: { id: '7' } } }))).toEqual(thing);
    expect(delays[0]).toBeGreaterThanOrEqual(75);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(112);
    expect(delays[1]).toBeLessThanOrEqual(150);
  });

  it('times each attempt out after the client timeout, then throws TimeoutError', async () => {
    const late: Step = { status: 200, body: thing, delayMs: 1_000 };
    server.script(late, late, late);
    const { client, delays } = acmeClient({ timeout: 100 });

    const error = await rejectionOf(client.GET('/things/{id}', { params: { path: { id: '7' } } }));

    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).message).toBe('The acme request GET /things/{id} timed out after 100 ms (attempt 3).');
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('lets a call raise the timeout for itself', async () => {
    server.script({ status: 200, body: thing, delayMs: 300 });
    const { client } = acmeClient({ timeout: 100 });

    const result = await client.GET('/things/{id}', { params: { path: { id: '7' } }, timeout: 1_000 });

    expect(unwrap(result)).toEqual(thing);
    expect(server.requests).toHaveLength(1);
  });

  it('lets a call lower the timeout for itself', async () => {
    server.script({ status: 200, body: thing, delayMs: 1_000 });
    const { client } = acmeClient({ maxRetries: 0 });

    const error = await rejectionOf(client.GET('/things/{id}', { params: { path: { id: '7' } }, timeout: 100 }));

    expect((error as TimeoutError).message).toBe('The acme request GET /things/{id} timed out after 100 ms (attempt 1).');
  });
});

describe("createApiClient: the call's AbortSignal", () => {
  it('throws AbortError when aborted during an attempt, without retrying', async () => {
    server.script({ status: 200, body: thing, delayMs: 1_000 }, ok());
    const { client, delays } = acmeClient();
    const controller = new AbortController();
    const call = rejectionOf(client.GET('/things/{id}', { params: { path: { id: '7' } }, signal: controller.signal }));
    // Abort once the request is in the server's hands: a fixed timer could fire before a busy machine sent it.
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();

    const error = await call;

    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).message).toBe('The acme request GET /things/{id} was aborted by the caller.');
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('throws AbortError when aborted during the backoff sleep, without another attempt', async () => {
    server.script(status(503), ok());
    const controller = new AbortController();
    const { sleep, delays } = recordingSleep(() => controller.abort());
    const { client } = acmeClient({ sleep });

    const error = await rejectionOf(client.GET('/things/{id}', { params: { path: { id: '7' } }, signal: controller.signal }));

    expect(AbortError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(delays).toHaveLength(1);
  });
});

describe('createApiClient: request bodies are re-sent intact on transport retries', () => {
  it('re-sends a JSON POST carrying an Idempotency-Key byte for byte', async () => {
    server.script(status(503), { reset: 'before-headers' }, { status: 201, body: thing });
    const { client } = acmeClient();
    const body = { label: 'seven', note: 'ñandú – “quoted”', nested: { list: [1, 2, 3] } };

    const result = await client.POST('/things', { body, params: { header: { 'Idempotency-Key': 'create-7' } } });

    expect(unwrap(result)).toEqual(thing);
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.body.toString('utf8')).toBe(JSON.stringify(body));
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['idempotency-key']).toBe('create-7');
    }
  });

  it('re-sends a multipart FormData POST carrying an Idempotency-Key byte for byte', async () => {
    server.script(status(502), { status: 201, body: { stored: 1 } });
    const { client } = acmeClient();
    const form = new FormData();
    form.append('kind', 'invoice');
    form.append('file', new Blob([new Uint8Array([0, 1, 2, 253, 254, 255]), 'pdf-bytes'], { type: 'application/pdf' }), 'invoice.pdf');

    const result = await client.POST('/uploads', {
      body: form,
      params: { header: { 'Idempotency-Key': 'upload-1' } },
      bodySerializer: (formData) => formData,
    });

    expect(unwrap(result)).toEqual({ stored: 1 });
    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect(first?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(second?.headers['content-type']).toBe(first?.headers['content-type']);
    expect(second?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
    expect(first?.body.includes(Buffer.from([0, 1, 2, 253, 254, 255, ...Buffer.from('pdf-bytes')]))).toBe(true);
    expect(first?.body.toString('latin1')).toContain('name="kind"\r\n\r\ninvoice\r\n');
  });
});

describe('createApiClient: bearer tokens, with exactly one fresh-token retry on 401', () => {
  it('sends the token from the TokenProvider', async () => {
    server.script(ok(), ok());
    const { tokens, calls } = countingTokenProvider();
    const { client } = acmeClient({ tokens });

    await client.GET('/things/{id}', { params: { path: { id: '7' } } });
    await client.GET('/things/{id}', { params: { path: { id: '8' } } });

    expect(authorizationsOf(server.requests)).toEqual(['Bearer token-1', 'Bearer token-1']);
    expect(calls).toEqual({ getToken: 2, invalidated: [] });
  });

  it('after one 401, invalidates the rejected token and succeeds with a fresh one', async () => {
    server.script(status(401), ok());
    const { tokens, calls } = countingTokenProvider();
    const { client } = acmeClient({ tokens });

    const found = unwrap(await client.GET('/things/{id}', { params: { path: { id: '7' } } }));

    expect(found).toEqual(thing);
    expect(authorizationsOf(server.requests)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(server.requests.map((request) => request.url)).toEqual(['/things/7', '/things/7']);
    expect(calls).toEqual({ getToken: 2, invalidated: ['token-1'] });
  });

  it('after a second 401, stops at two requests and unwrap() throws AuthenticationError', async () => {
    server.script(status(401), status(401, { error: { code: 'TOKEN_REJECTED', message: 'Token rejected.' } }), ok());
    const { tokens, calls } = countingTokenProvider();
    const { client, delays } = acmeClient({ tokens });

    const result = await client.GET('/things/{id}', { params: { path: { id: '7' } } });
    const error = (() => {
      try {
        unwrap(result);
      } catch (caught) {
        return caught;
      }
    })();

    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, operation: 'GET /things/{id}', providerCode: 'TOKEN_REJECTED' });
    expect(authorizationsOf(server.requests)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(calls).toEqual({ getToken: 2, invalidated: ['token-1'] });
    expect(delays).toEqual([]);
  });

  it('re-sends a JSON POST body intact on the 401 retry', async () => {
    server.script(status(401), { status: 201, body: thing });
    const { tokens } = countingTokenProvider();
    const { client } = acmeClient({ tokens });
    const body = { label: 'seven', first_name: 'Ana' };

    expect(unwrap(await client.POST('/things', { body }))).toEqual(thing);

    expect(server.requests.map((request) => [request.headers.authorization, request.body.toString()])).toEqual([
      ['Bearer token-1', JSON.stringify(body)],
      ['Bearer token-2', JSON.stringify(body)],
    ]);
  });

  it('re-sends a multipart FormData body intact on the 401 retry', async () => {
    server.script(status(401), { status: 201, body: { stored: 1 } });
    const { tokens } = countingTokenProvider();
    const { client } = acmeClient({ tokens });
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.7 binary'], { type: 'application/pdf' }), 'claim.pdf');

    expect(unwrap(await client.POST('/uploads', { body: form, bodySerializer: (formData) => formData }))).toEqual({ stored: 1 });

    const [first, second] = server.requests;
    expect(authorizationsOf(server.requests)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(second?.headers['content-type']).toBe(first?.headers['content-type']);
    expect(first?.body.toString()).toContain('%PDF-1.7 binary');
    expect(second?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
  });

  it('re-sends a POST body intact across a 401 and then transport retries', async () => {
    server.script(status(401), status(503), { reset: 'before-headers' }, { status: 201, body: thing });
    const { tokens } = countingTokenProvider();
    const { client } = acmeClient({ tokens });
    const body = { label: 'seven' };

    const result = await client.POST('/things', { body, params: { header: { 'Idempotency-Key': 'k-9' } } });

    expect(unwrap(result)).toEqual(thing);
    expect(server.requests.map((request) => [request.headers.authorization, request.body.toString()])).toEqual([
      ['Bearer token-1', '{"label":"seven"}'],
      ['Bearer token-2', '{"label":"seven"}'],
      ['Bearer token-2', '{"label":"seven"}'],
      ['Bearer token-2', '{"label":"seven"}'],
    ]);
  });

  it("keeps the call's maxRetries and timeout for the 401 retry", async () => {
    server.script(status(401), status(503), ok());
    const { tokens } = countingTokenProvider();
    const { client, delays } = acmeClient({ tokens });

    const result = await client.GET('/things/{id}', { params: { path: { id: '7' } }, maxRetries: 0 });

    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([]);

    server.reset();
    server.script(status(401), { status: 200, body: thing, delayMs: 1_000 });
    const error = await rejectionOf(client.GET('/things/{id}', { params: { path: { id: '7' } }, timeout: 100, maxRetries: 0 }));
    // The 401 was attempt 1 of the same loop; the fresh-token repeat is attempt 2.
    expect((error as TimeoutError).message).toBe('The acme request GET /things/{id} timed out after 100 ms (attempt 2).');
  });

  it('passes the caller signal to the TokenProvider', async () => {
    server.script(ok());
    const signals: (AbortSignal | undefined)[] = [];
    const controller = new AbortController();
    const { client } = acmeClient({
      tokens: {
        async getToken(options) {
          signals.push(options?.signal);
          return 'token-x';
        },
        invalidate() {},
      },
    });

    await client.GET('/things/{id}', { params: { path: { id: '7' } }, signal: controller.signal });
    controller.abort();

    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });
});

describe('createApiClient: one log entry per attempt, under the path template', () => {
  it('logs the 401, its fresh-token repeat and the transport retry as attempts 1, 2 and 3 of one loop', async () => {
    server.script(status(401), status(503), ok());
    const { logger, calls } = recordingLogger();
    const { tokens } = countingTokenProvider();
    const { client } = acmeClient({ tokens, logger });

    await client.GET('/things/{id}', { params: { path: { id: '7' } } });

    const entry = (attempt: number, status: number, retryInMs: unknown) => ({
      provider: 'acme',
      method: 'GET',
      path: '/things/{id}',
      attempt,
      status,
      durationMs: expect.any(Number),
      retryInMs,
    });
    expect(calls.map((call) => call.args[0])).toEqual([entry(1, 401, 0), entry(2, 503, expect.any(Number)), entry(3, 200, undefined)]);
    expect(calls.map((call) => call.level)).toEqual(['info', 'warn', 'info']);
    expect(calls.map((call) => call.args[1])).toEqual(['acme GET /things/{id}', 'acme GET /things/{id}', 'acme GET /things/{id}']);
  });
});
