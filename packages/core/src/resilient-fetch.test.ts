import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { recordingLogger, recordingSleep, rejectionOf, type Step, unusedPort, useFaultServer } from '@coverlink/test-kit';
import { describe, expect, it } from 'vitest';
import { AbortError, ConnectionError, CoverlinkError, TimeoutError } from './core-errors.js';
import { abortableSleep, createResilientFetch, type ResilientFetchSettings } from './resilient-fetch.js';

const server = useFaultServer();

/** A resilient fetch with a recording sleep and no jitter, unless `settings` says otherwise. */
function resilientFetch(settings: Partial<ResilientFetchSettings> = {}) {
  const { sleep, delays } = recordingSleep();
  return { send: createResilientFetch({ provider: 'acme', sleep, random: () => 0, ...settings }), delays };
}

const answer = (status: number, body: unknown = `answer ${status}`, headers: Record<string, string> = {}): Step => ({
  status,
  body,
  headers,
});

describe('a retryable answer is retried with growing delays, up to maxRetries', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'sends a GET answered %i three times, waits 500 then 1000 ms, returns the last answer',
    async (status) => {
      server.script(answer(status, 'attempt 1'), answer(status, 'attempt 2'), answer(status, 'attempt 3'), answer(200));
      const { send, delays } = resilientFetch();

      const response = await send(`${server.url}/things/7`);

      expect(response.status).toBe(status);
      expect(await response.text()).toBe('attempt 3');
      expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
        'GET /things/7',
        'GET /things/7',
        'GET /things/7',
      ]);
      expect(delays).toEqual([500, 1000]);
    },
  );

  it('returns the first success after a failed attempt', async () => {
    server.script(answer(503), answer(200, { id: 7 }));
    const { send, delays } = resilientFetch();

    const response = await send(`${server.url}/things/7`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 7 });
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([500]);
  });

  it('follows maxRetries and caps each delay at maxDelayMs', async () => {
    server.script(...Array.from({ length: 6 }, () => answer(500)), answer(200));
    const { send, delays } = resilientFetch({ retry: { maxRetries: 5, initialDelayMs: 500, maxDelayMs: 1_500 } });

    const response = await send(`${server.url}/things`);

    expect(response.status).toBe(500);
    expect(server.requests).toHaveLength(6);
    expect(delays).toEqual([500, 1000, 1500, 1500, 1500]);
  });

  it('keeps the jitter within 75–100 % of the backoff', async () => {
    server.script(answer(502), answer(502), answer(502), answer(200));
    const draws = [0.5, 0.999_999, 0];
    const { send, delays } = resilientFetch({ retry: { maxRetries: 3 }, random: () => draws.shift() ?? 0 });

    const response = await send(`${server.url}/things`);

    expect(response.status).toBe(200);
    expect(delays).toEqual([438, 750, 2000]);
  });

  it('sends once with maxRetries: 0', async () => {
    server.script(answer(503), answer(200));
    const { send, delays } = resilientFetch({ retry: { maxRetries: 0 } });

    expect((await send(`${server.url}/things`)).status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('sends once when the call passes maxRetries: 0', async () => {
    server.script(answer(503), answer(200));
    const { send, delays } = resilientFetch();

    const response = await send(`${server.url}/things`, { maxRetries: 0 });

    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('retries more when the call passes a higher maxRetries than the policy', async () => {
    server.script(answer(503), answer(503), answer(503), answer(200));
    const { send, delays } = resilientFetch({ retry: { maxRetries: 1 } });

    const response = await send(`${server.url}/things`, { maxRetries: 3 });

    expect(response.status).toBe(200);
    expect(delays).toEqual([500, 1000, 2000]);
  });
});

describe('a connection reset is retried, then raised as ConnectionError', () => {
  it('sends a GET whose connection is reset three times, then throws ConnectionError', async () => {
    server.script({ reset: 'before-headers' }, { reset: 'before-headers' }, { reset: 'before-headers' }, answer(200));
    const { send, delays } = resilientFetch();

    const error = await rejectionOf(send(`${server.url}/things/7`));

    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe('CONNECTION_FAILED');
    expect((error as ConnectionError).message).toMatch(/^Could not complete the acme request GET \/things\/7 .*\(attempt 3\)\.$/);
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  it('returns the answer that follows a reset', async () => {
    server.script({ reset: 'before-headers' }, answer(200, 'fine'));
    const { send, delays } = resilientFetch();

    const response = await send(`${server.url}/things/7`);

    expect(await response.text()).toBe('fine');
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([500]);
  });

  it('retries a 503 whose body was cut mid-way, and returns the next full answer', async () => {
    server.script({ reset: 'mid-body', status: 503, body: 'x'.repeat(2_000) }, answer(200, 'complete'));
    const { send } = resilientFetch();

    const response = await send(`${server.url}/things/7`);

    expect(await response.text()).toBe('complete');
    expect(server.requests).toHaveLength(2);
  });
});

/**
 * A server whose answers send the status, the headers and a first chunk at once, then the rest of
 * the body after `stallMs` (per request, in order; later requests get the last value).
 */
async function startSlowBodyServer(stalls: number[]) {
  let count = 0;
  const sockets = new Set<import('node:net').Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((incoming, outgoing) => {
    incoming.resume();
    outgoing.on('error', () => {});
    const stallMs = stalls[Math.min(count, stalls.length - 1)] ?? 0;
    count++;
    outgoing.writeHead(200, { 'content-type': 'application/json', 'content-length': '17' });
    outgoing.write('{"answer":');
    const timer = setTimeout(() => {
      timers.delete(timer);
      outgoing.end(`"${String(count).padStart(4, '0')}"}`);
    }, stallMs);
    timers.add(timer);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('an attempt includes reading the body: a break or stall mid-body is a failed attempt', () => {
  it('retries a GET whose 200 body is cut mid-way, then throws ConnectionError', async () => {
    const cut: Step = {
      reset: 'mid-body',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: 'x'.repeat(2_000) }),
    };
    server.script(cut, cut, cut, answer(200));
    const { send, delays } = resilientFetch();

    const error = await rejectionOf(send(`${server.url}/things/7`));

    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as ConnectionError).code).toBe('CONNECTION_FAILED');
    expect((error as ConnectionError).message).toMatch(/^Could not complete the acme request GET \/things\/7 .*\(attempt 3\)\.$/);
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  it('returns the full answer that follows a body cut mid-way, readable as often as needed', async () => {
    server.script({ reset: 'mid-body', status: 200, body: 'x'.repeat(2_000) }, answer(200, { id: 7 }, { 'x-request-id': 'r-1' }));
    const { send, delays } = resilientFetch();

    const response = await send(`${server.url}/things/7`);

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(await response.clone().json()).toEqual({ id: 7 });
    expect(await response.text()).toBe('{"id":7}');
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([500]);
  });

  it('does not repeat a POST without Idempotency-Key whose answer was cut mid-body', async () => {
    server.script({ reset: 'mid-body', status: 201, body: 'y'.repeat(2_000) }, answer(201));
    const { send, delays } = resilientFetch();

    const error = await rejectionOf(send(`${server.url}/claims`, { method: 'POST', body: '{"amount":120}' }));

    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as ConnectionError).message).toMatch(/^Could not complete the acme request POST \/claims .*\(attempt 1\)\.$/);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('repeats a POST carrying an Idempotency-Key whose answer was cut mid-body', async () => {
    server.script({ reset: 'mid-body', status: 201, body: 'y'.repeat(2_000) }, answer(201, { id: 'c-1' }));
    const { send } = resilientFetch();

    const response = await send(`${server.url}/claims`, { method: 'POST', headers: { 'idempotency-key': 'k-1' }, body: '{}' });

    expect(await response.json()).toEqual({ id: 'c-1' });
    expect(server.requests).toHaveLength(2);
  });

  it('times out a GET whose body stalls past the timeout on every attempt, then throws TimeoutError', async () => {
    const slow = await startSlowBodyServer([1_000]);
    try {
      const { send, delays } = resilientFetch({ timeout: 100 });

      const error = await rejectionOf(send(`${slow.url}/things/7`));

      expect(TimeoutError.isInstance(error)).toBe(true);
      expect((error as TimeoutError).message).toBe('The acme request GET /things/7 timed out after 100 ms (attempt 3).');
      expect(slow.requests()).toBe(3);
      expect(delays).toEqual([500, 1000]);
    } finally {
      await slow.close();
    }
  });

  it('returns the answer of an attempt whose body beats the timeout after one whose body stalled', async () => {
    const slow = await startSlowBodyServer([1_000, 0]);
    try {
      const { send, delays } = resilientFetch({ timeout: 200 });

      const response = await send(`${slow.url}/things/7`);

      expect(await response.json()).toEqual({ answer: '0002' });
      expect(slow.requests()).toBe(2);
      expect(delays).toEqual([500]);
    } finally {
      await slow.close();
    }
  });

  it('still times a stalled body out while garbage is collected during the read (undici holds the abort link weakly, Node 20)', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const slow = await startSlowBodyServer([1_000]);
    const collector = setInterval(collectGarbage, 10);
    try {
      const { send } = resilientFetch({ timeout: 200, retry: { maxRetries: 0 } });

      const error = await rejectionOf(send(`${slow.url}/things/7`));

      expect(TimeoutError.isInstance(error)).toBe(true);
    } finally {
      clearInterval(collector);
      await slow.close();
    }
  });

  it('does not repeat a POST without Idempotency-Key whose body stalled past the timeout', async () => {
    const slow = await startSlowBodyServer([1_000]);
    try {
      // Long enough for a loaded machine to get the request to the server before the attempt ends.
      const { send, delays } = resilientFetch({ timeout: 400 });

      const error = await rejectionOf(send(`${slow.url}/claims`, { method: 'POST', body: '{}' }));

      expect(TimeoutError.isInstance(error)).toBe(true);
      expect(slow.requests()).toBe(1);
      expect(delays).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('hands back bodiless answers (204, HEAD) as they came', async () => {
    server.script(answer(204, undefined), { status: 200, headers: { 'content-length': '42' } });
    const { send } = resilientFetch();

    const noContent = await send(`${server.url}/things/7`, { method: 'DELETE' });
    const head = await send(`${server.url}/things/7`, { method: 'HEAD' });

    expect(noContent.status).toBe(204);
    expect(noContent.body).toBeNull();
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('42');
    expect(server.requests.map((request) => request.method)).toEqual(['DELETE', 'HEAD']);
  });
});

describe('a non-retryable answer is returned at once', () => {
  it.each([400, 401, 403, 404, 409, 422])('sends a GET answered %i once', async (status) => {
    server.script(answer(status, 'refused'), answer(200));
    const { send, delays } = resilientFetch();

    const response = await send(`${server.url}/things/7`);

    expect(response.status).toBe(status);
    expect(await response.text()).toBe('refused');
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe('Retry-After decides the delay', () => {
  it('waits the number of seconds a 429 asks for', async () => {
    server.script(answer(429, 'slow down', { 'retry-after': '3' }), answer(200));
    const { send, delays } = resilientFetch();

    expect((await send(`${server.url}/things`)).status).toBe(200);
    expect(delays).toEqual([3_000]);
  });

  it('waits until the HTTP date a 503 names', async () => {
    server.script(answer(503, 'maintenance', { 'retry-after': new Date(Date.now() + 5_000).toUTCString() }), answer(200));
    const { send, delays } = resilientFetch();

    expect((await send(`${server.url}/things`)).status).toBe(200);
    expect(delays).toHaveLength(1);
    // The date has one-second resolution and some milliseconds pass on the way.
    expect(delays[0]).toBeGreaterThan(3_500);
    expect(delays[0]).toBeLessThanOrEqual(5_000);
  });

  it('returns a 429 asking for longer than maxRetryAfterMs (60 s by default) without retrying', async () => {
    server.script(answer(429, 'come back later', { 'retry-after': '120' }), answer(200));
    const { send, delays } = resilientFetch();

    const response = await send(`${server.url}/things`);

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('120');
    expect(await response.text()).toBe('come back later');
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('follows a lower maxRetryAfterMs', async () => {
    server.script(answer(429, 'wait', { 'retry-after': '10' }), answer(200));
    const { send, delays } = resilientFetch({ retry: { maxRetryAfterMs: 5_000 } });

    expect((await send(`${server.url}/things`)).status).toBe(429);
    expect(delays).toEqual([]);
  });

  it('falls back to the backoff when Retry-After is unreadable', async () => {
    server.script(answer(503, 'x', { 'retry-after': '-1' }), answer(503, 'x', { 'retry-after': 'soon' }), answer(200));
    const { send, delays } = resilientFetch();

    expect((await send(`${server.url}/things`)).status).toBe(200);
    expect(delays).toEqual([500, 1000]);
  });
});

describe('a request that is not safe to repeat is retried only when it never left', () => {
  const post = (headers: Record<string, string> = {}) =>
    new Request(`${server.url}/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ amount: 120 }),
    });

  it.each(['POST', 'PATCH'])('does not repeat a %s without Idempotency-Key that got a 503', async (method) => {
    server.script(answer(503, 'busy'), answer(200));
    const { send, delays } = resilientFetch();

    const response = await send(`${server.url}/claims`, { method, body: '{"amount":120}' });

    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('does not repeat a POST without Idempotency-Key whose connection was reset after sending', async () => {
    server.script({ reset: 'before-headers' }, answer(200));
    const { send, delays } = resilientFetch();

    const error = await rejectionOf(send(post()));

    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body.toString()).toBe('{"amount":120}');
    expect(delays).toEqual([]);
  });

  it('repeats a POST carrying an Idempotency-Key after a 503, with the same key and body each time', async () => {
    server.script(answer(503), answer(503), answer(201, { id: 'c-1' }));
    const { send, delays } = resilientFetch();

    const response = await send(post({ 'Idempotency-Key': 'claim-42' }));

    expect(response.status).toBe(201);
    expect(delays).toEqual([500, 1000]);
    expect(server.requests.map((request) => [request.headers['idempotency-key'], request.body.toString()])).toEqual([
      ['claim-42', '{"amount":120}'],
      ['claim-42', '{"amount":120}'],
      ['claim-42', '{"amount":120}'],
    ]);
  });

  it('repeats a POST carrying an Idempotency-Key after a reset', async () => {
    server.script({ reset: 'before-headers' }, answer(201, 'created'));
    const { send } = resilientFetch();

    const response = await send(post({ 'Idempotency-Key': 'claim-43' }));

    expect(response.status).toBe(201);
    expect(server.requests.map((request) => request.body.toString())).toEqual(['{"amount":120}', '{"amount":120}']);
  });

  it.each(['PUT', 'DELETE'])('repeats a %s (idempotent) after a 503', async (method) => {
    server.script(answer(503), answer(204));
    const { send } = resilientFetch();

    expect((await send(`${server.url}/claims/1`, { method })).status).toBe(204);
    expect(server.requests).toHaveLength(2);
  });

  it('repeats a POST whose connection was refused (nothing was sent), then throws ConnectionError', async () => {
    const port = await unusedPort();
    const { send, delays } = resilientFetch();

    const error = await rejectionOf(send(`http://127.0.0.1:${port}/claims`, { method: 'POST', body: '{"amount":120}' }));

    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as ConnectionError).message).toBe('Could not complete the acme request POST /claims (ECONNREFUSED) (attempt 3).');
    expect(delays).toEqual([500, 1000]);
  });
});

describe('each attempt has its own timeout', () => {
  it('times a slow GET out on every attempt, then throws TimeoutError', async () => {
    server.script(
      { status: 200, body: 'late', delayMs: 1_000 },
      { status: 200, body: 'late', delayMs: 1_000 },
      { status: 200, body: 'late', delayMs: 1_000 },
    );
    const { send, delays } = resilientFetch({ timeout: 100 });

    const error = await rejectionOf(send(`${server.url}/things/7`));

    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).message).toBe('The acme request GET /things/7 timed out after 100 ms (attempt 3).');
    expect((error as TimeoutError).hint).toMatch(/timeout/);
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([500, 1000]);
  });

  it('returns the answer of an attempt that beats the timeout after one that did not', async () => {
    server.script({ status: 200, body: 'late', delayMs: 3_000 }, answer(200, 'on time'));
    // A generous timeout, so the on-time answer beats it even on a loaded machine.
    const { send } = resilientFetch({ timeout: 500 });

    expect(await (await send(`${server.url}/things/7`)).text()).toBe('on time');
    expect(server.requests).toHaveLength(2);
  });

  it('does not repeat a timed-out POST without Idempotency-Key', async () => {
    server.script({ status: 200, body: 'late', delayMs: 1_000 }, answer(200));
    const { send, delays } = resilientFetch({ timeout: 100 });

    const error = await rejectionOf(send(`${server.url}/claims`, { method: 'POST', body: '{}' }));

    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('takes a longer per-request timeout over the setting', async () => {
    server.script({ status: 200, body: 'took 300 ms', delayMs: 300 });
    const { send } = resilientFetch({ timeout: 100 });

    const response = await send(`${server.url}/reports`, { timeout: 1_000 });

    expect(await response.text()).toBe('took 300 ms');
    expect(server.requests).toHaveLength(1);
  });

  it('takes a shorter per-request timeout over the setting', async () => {
    server.script({ status: 200, body: 'late', delayMs: 1_000 });
    const { send } = resilientFetch({ timeout: 60_000 });

    const error = await rejectionOf(send(`${server.url}/reports`, { timeout: 100, maxRetries: 0 }));

    expect((error as TimeoutError).message).toBe('The acme request GET /reports timed out after 100 ms (attempt 1).');
  });
});

describe("the caller's AbortSignal stops everything and is never retried", () => {
  it('throws AbortError when aborted during an attempt', async () => {
    server.script({ status: 200, body: 'late', delayMs: 1_000 }, answer(200));
    const { send, delays } = resilientFetch();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const error = await rejectionOf(send(`${server.url}/things/7`, { signal: controller.signal }));

    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).code).toBe('ABORTED');
    expect((error as AbortError).message).toBe('The acme request GET /things/7 was aborted by the caller.');
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('throws AbortError when aborted during the backoff sleep, without another attempt', async () => {
    server.script(answer(503), answer(200));
    const controller = new AbortController();
    const { sleep, delays } = recordingSleep(() => controller.abort());
    const send = createResilientFetch({ provider: 'acme', sleep, random: () => 0 });

    const error = await rejectionOf(send(`${server.url}/things/7`, { signal: controller.signal }));

    expect(AbortError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([500]);
  });

  it('interrupts the real backoff sleep as soon as the caller aborts', async () => {
    server.script(answer(503), answer(200));
    const send = createResilientFetch({ provider: 'acme', retry: { initialDelayMs: 30_000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const error = await rejectionOf(send(`${server.url}/things/7`, { signal: controller.signal }));

    expect(AbortError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing for a signal aborted before the call', async () => {
    server.script(answer(200));
    const { send } = resilientFetch();

    const error = await rejectionOf(send(`${server.url}/things/7`, { signal: AbortSignal.abort() }));

    expect(AbortError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('is an AbortError even for a request that timed out attempts before', async () => {
    const controller = new AbortController();
    // Abort the moment the retry reaches the server, after the first attempt timed out: a timer or a
    // poll could fire before the retry is sent, or after it timed out too, on a busy machine.
    server.route((request) => {
      if (server.requests.indexOf(request) === 1) controller.abort();
      return { status: 200, body: 'late', delayMs: 1_000 };
    });
    const { sleep } = recordingSleep();
    const send = createResilientFetch({ provider: 'acme', sleep, timeout: 100 });

    const error = await rejectionOf(send(`${server.url}/things/7`, { signal: controller.signal }));

    expect(AbortError.isInstance(error)).toBe(true);
    expect(TimeoutError.isInstance(error)).toBe(false);
    expect(server.requests).toHaveLength(2);
  });
});

describe('the logger gets one entry per attempt', () => {
  it('logs provider, method, path, attempt, status, duration and the coming delay', async () => {
    server.script(answer(503), answer(503), answer(503));
    const { logger, calls } = recordingLogger();
    const { send } = resilientFetch({ logger });

    await send(`${server.url}/things/7?access_token=abc`);

    expect(calls.map((call) => call.level)).toEqual(['warn', 'warn', 'info']);
    expect(calls.map((call) => call.args[0])).toEqual([
      { provider: 'acme', method: 'GET', path: '/things/7', attempt: 1, status: 503, durationMs: expect.any(Number), retryInMs: 500 },
      { provider: 'acme', method: 'GET', path: '/things/7', attempt: 2, status: 503, durationMs: expect.any(Number), retryInMs: 1000 },
      { provider: 'acme', method: 'GET', path: '/things/7', attempt: 3, status: 503, durationMs: expect.any(Number), retryInMs: undefined },
    ]);
    expect(calls.map((call) => call.args[1])).toEqual(['acme GET /things/7', 'acme GET /things/7', 'acme GET /things/7']);
  });

  it('names the failure of an attempt that got no response: connection, timeout, abort', async () => {
    server.script({ reset: 'before-headers' }, { status: 200, delayMs: 1_000 }, { status: 200, delayMs: 1_000 });
    const { logger, entries } = recordingLogger();
    const controller = new AbortController();
    const { sleep } = recordingSleep((milliseconds) => {
      if (milliseconds === 1000) setTimeout(() => controller.abort(), 50);
    });
    const send = createResilientFetch({ provider: 'acme', logger, sleep, random: () => 0, timeout: 100 });

    await rejectionOf(send(`${server.url}/things/7`, { signal: controller.signal }));

    expect(entries().map(({ attempt, failure, status, retryInMs }) => ({ attempt, failure, status, retryInMs }))).toEqual([
      { attempt: 1, failure: 'connection', status: undefined, retryInMs: 500 },
      { attempt: 2, failure: 'timeout', status: undefined, retryInMs: 1000 },
      { attempt: 3, failure: 'abort', status: undefined, retryInMs: undefined },
    ]);
    for (const entry of entries()) expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(entries()[1]?.durationMs).toBeGreaterThanOrEqual(90);
  });
});

describe('abortableSleep', () => {
  it('resolves after the delay', async () => {
    const started = performance.now();
    await abortableSleep(30, null);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 20);

    await expect(abortableSleep(30_000, controller.signal)).rejects.toThrow('stop');
  });

  it('rejects at once for a signal already aborted', async () => {
    await expect(abortableSleep(30_000, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});

describe('errors raised by the transport are CoverlinkErrors', () => {
  it('gives ConnectionError, TimeoutError and AbortError a name, code and hint, and no other class', async () => {
    server.script({ reset: 'before-headers' });
    const { send } = resilientFetch({ retry: { maxRetries: 0 } });

    const error = (await rejectionOf(send(`${server.url}/things/7`))) as ConnectionError;

    expect(CoverlinkError.isInstance(error)).toBe(true);
    expect(TimeoutError.isInstance(error)).toBe(false);
    expect(AbortError.isInstance(error)).toBe(false);
    expect(error.name).toBe('ConnectionError');
    expect(error.hint).toMatch(/base URL/);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ConnectionError',
      code: 'CONNECTION_FAILED',
      message: error.message,
      hint: error.hint,
    });
  });
});
