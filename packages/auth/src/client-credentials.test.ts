import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AbortError, ConnectionError } from '@coverlink/core';
import { rejectionOf } from '@coverlink/test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, AuthErrorCode, AuthRateLimitedError, createClientCredentialsTokenProvider } from './index.js';

const clientId = 'client-7f3a';
const clientSecret = 'S3cr3t+with/special=chars%';
const issuedToken = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-token-value.signature';

interface RecordedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

// A real token endpoint on 127.0.0.1: each test sets how it answers, and every request is recorded
// byte for byte, so the assertions are about what actually crossed the socket.
let answer: (response: ServerResponse, requestNumber: number) => void;
const requests: RecordedRequest[] = [];
let server: Server;
let tokenUrl: string;

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

function tokenBody(token = issuedToken, expiresIn = 3600) {
  return { access_token: token, token_type: 'bearer', expires_in: expiresIn, scope: 'arc:read arc:write' };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body });
      answer(response, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/oauth/token`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  requests.length = 0;
});

const errorsSeen: unknown[] = [];
async function captureError(promise: Promise<unknown>): Promise<AuthError> {
  const error = await rejectionOf(promise, AuthError);
  errorsSeen.push(error);
  return error;
}

describe('the token request on the wire', () => {
  it('posts grant_type=client_credentials with Basic over the raw id:secret when asked (curl -u style)', async () => {
    answer = (response) => sendJson(response, 200, tokenBody());
    const tokens = createClientCredentialsTokenProvider({
      tokenUrl,
      clientId,
      clientSecret,
      clientAuthentication: 'client_secret_basic_unencoded',
    });

    await expect(tokens.getToken()).resolves.toBe(issuedToken);

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/oauth/token');
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.body).toBe('grant_type=client_credentials');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`);
  });

  it('form-urlencodes id and secret before Basic by default, as RFC 6749 §2.3.1 says', async () => {
    answer = (response) => sendJson(response, 200, tokenBody());
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret });

    await tokens.getToken();

    const credentials = requests[0]?.headers.authorization?.replace(/^Basic /, '') ?? '';
    expect(Buffer.from(credentials, 'base64').toString('utf8')).toBe('client%2D7f3a:S3cr3t%2Bwith%2Fspecial%3Dchars%25');
  });

  it('sends the requested scopes space-separated', async () => {
    answer = (response) => sendJson(response, 200, tokenBody());
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, scopes: ['arc:read', 'arc:write'] });

    await tokens.getToken();

    expect(new URLSearchParams(requests[0]?.body).get('scope')).toBe('arc:read arc:write');
  });
});

describe('caching', () => {
  it('serves 50 concurrent callers on a cold cache with exactly one token request', async () => {
    answer = (response) => setTimeout(() => sendJson(response, 200, tokenBody()), 50);
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret });

    const results = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken()));

    expect(new Set(results)).toEqual(new Set([issuedToken]));
    expect(requests).toHaveLength(1);
  });

  it('reuses the token until expiry minus the skew, then fetches a new one', async () => {
    let clock = 1_000_000;
    answer = (response, number) => sendJson(response, 200, tokenBody(`token-${number}`, 3600));
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, expirySkewSeconds: 600, now: () => clock });

    expect(await tokens.getToken()).toBe('token-1');
    clock += 2_999_000; // 50 minutes less a second: still inside the 3600 s - 600 s window
    expect(await tokens.getToken()).toBe('token-1');
    clock += 1_000;
    expect(await tokens.getToken()).toBe('token-2');
    expect(requests).toHaveLength(2);
  });

  it('replaces a token shorter-lived than twice the skew at half its lifetime', async () => {
    let clock = 0;
    answer = (response, number) => sendJson(response, 200, tokenBody(`token-${number}`, 60));
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, now: () => clock });

    expect(await tokens.getToken()).toBe('token-1');
    clock = 29_999;
    expect(await tokens.getToken()).toBe('token-1');
    clock = 30_000;
    expect(await tokens.getToken()).toBe('token-2');
  });

  it('invalidates only the token that was rejected, so a burst of 401s costs one new token', async () => {
    answer = (response, number) => sendJson(response, 200, tokenBody(`token-${number}`));
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret });

    const first = await tokens.getToken();
    tokens.invalidate(first);
    const second = await tokens.getToken();
    tokens.invalidate(first); // a late 401 for the old token must not throw away the new one
    expect(await tokens.getToken()).toBe(second);
    expect(second).toBe('token-2');
    expect(requests).toHaveLength(2);
  });

  it('retries a 503 from the token endpoint, as the API calls do, and then succeeds', async () => {
    let requests = 0;
    answer = (response, number) => {
      requests = number;
      if (number === 1) sendJson(response, 503, { error: 'temporarily_unavailable' });
      else sendJson(response, 200, tokenBody());
    };
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, sleep: async () => {} });

    await expect(tokens.getToken()).resolves.toBe(issuedToken);
    expect(requests).toBe(2);
  });

  it('does not cache a failure: the next call asks again', async () => {
    answer = (response, number) =>
      number === 1 ? sendJson(response, 503, { error: 'temporarily_unavailable' }) : sendJson(response, 200, tokenBody());
    // No retries, so the 503 reaches the caller (with retries the pipeline would resend it at once).
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, maxRetries: 0 });

    const error = await captureError(tokens.getToken());
    expect(error.code).toBe(AuthErrorCode.serverError);
    await expect(tokens.getToken()).resolves.toBe(issuedToken);
  });

  it("measures a JWT's exp against the server's clock (Date header), not a skewed local one", async () => {
    let clock = Date.parse('2026-06-25T14:00:00Z');
    const serverAhead = 10 * 60_000;
    const jwt = (number: number, exp: number) =>
      [btoa('{"alg":"RS256"}'), btoa(JSON.stringify({ sub: 'client', exp })), `signature-${number}`].join('.').replace(/=/g, '');
    // No expires_in: the token's lifetime is only in its exp claim, an instant on the server's clock.
    answer = (response, number) => {
      const serverNow = clock + serverAhead;
      sendJson(
        response,
        200,
        { access_token: jwt(number, serverNow / 1000 + 3600), token_type: 'bearer' },
        { date: new Date(serverNow).toUTCString() },
      );
    };
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, now: () => clock });

    const first = await tokens.getToken();
    clock += 3_539_000; // 3600 s lifetime less the 60 s skew, less a second
    expect(await tokens.getToken()).toBe(first);
    clock += 1_000;
    // A local clock 10 minutes behind would have kept this token for another 10 minutes.
    expect(await tokens.getToken()).not.toBe(first);
    expect(requests).toHaveLength(2);
  });

  it('lets one caller stop waiting without cancelling the shared request', async () => {
    answer = (response) => setTimeout(() => sendJson(response, 200, tokenBody()), 100);
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret });
    const controller = new AbortController();

    const abandoned = tokens.getToken({ signal: controller.signal });
    const patient = tokens.getToken();
    controller.abort(new Error('caller gave up'));

    const reason = await rejectionOf(abandoned);
    expect(AbortError.isInstance(reason)).toBe(true);
    expect((reason as AbortError).cause).toEqual(new Error('caller gave up'));
    await expect(patient).resolves.toBe(issuedToken);
    expect(requests).toHaveLength(1);
  });
});

describe('typed errors', () => {
  it('401 invalid_client: bad credentials or the wrong environment', async () => {
    answer = (response) => sendJson(response, 401, { error: 'invalid_client', error_description: 'Bad client credentials' });
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret });

    const error = await captureError(tokens.getToken());

    expect(error.code).toBe(AuthErrorCode.invalidClient);
    expect(error.status).toBe(401);
    expect(error.oauthError).toBe('invalid_client');
    expect(error.hint).toMatch(/environment/);
  });

  it('401 without an OAuth body is still a credentials error', async () => {
    answer = (response) => {
      response.writeHead(401, { 'content-type': 'text/plain' });
      response.end('Unauthorized');
    };
    const error = await captureError(createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret }).getToken());
    expect(error.code).toBe(AuthErrorCode.invalidClient);
  });

  it('400 with another OAuth error is a refused grant', async () => {
    answer = (response) => sendJson(response, 400, { error: 'invalid_scope' });
    const error = await captureError(createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret }).getToken());
    expect(error.code).toBe(AuthErrorCode.grantRejected);
    expect(error.oauthError).toBe('invalid_scope');
  });

  it('429 carries Retry-After in seconds', async () => {
    answer = (response) => sendJson(response, 429, { error_code: '071-429', message: 'Too many requests' }, { 'retry-after': '42' });
    const error = await captureError(createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret }).getToken());
    expect(error).toBeInstanceOf(AuthRateLimitedError);
    expect((error as AuthRateLimitedError).retryAfterSeconds).toBe(42);
    expect(error.code).toBe(AuthErrorCode.rateLimited);
  });

  it('an HTML page with 200 is not mistaken for a token', async () => {
    answer = (response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Login</body></html>');
    };
    const error = await captureError(createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret }).getToken());
    expect(error.code).toBe(AuthErrorCode.invalidResponse);
  });

  it('a token of another type is refused without echoing the token', async () => {
    answer = (response) => sendJson(response, 200, { ...tokenBody(), token_type: 'mac' });
    const error = await captureError(createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret }).getToken());
    expect(error.code).toBe(AuthErrorCode.invalidResponse);
  });

  it.each([
    ['a line break', `${issuedToken}\r\nx-injected: yes`],
    ['a control character', `${issuedToken}\u0000`],
    ['a delete character', `${issuedToken}\u007f`],
  ])('an access token with %s is refused at reception, AUTH_INVALID_RESPONSE, without quoting it', async (_name, token) => {
    answer = (response) => sendJson(response, 200, tokenBody(token));
    const error = await captureError(createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret }).getToken());
    expect(error.code).toBe(AuthErrorCode.invalidResponse);
    expect(error.message).toMatch(/cannot be sent in an HTTP header/);
  });

  it("keeps the OAuth error code but never the endpoint's error_description, nor an error that is free text", async () => {
    answer = (response) =>
      sendJson(response, 400, { error: 'invalid_scope', error_description: `Scope refused for MARIA GONZALEZ (${issuedToken})` });
    const described = await captureError(createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret }).getToken());
    expect(described.message).toBe('The token endpoint refused the grant (HTTP 400, invalid_scope).');

    answer = (response) => sendJson(response, 400, { error: 'refused for MARIA GONZALEZ' });
    const freeText = await captureError(createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret }).getToken());
    expect(freeText.message).toBe('The token endpoint refused the grant (HTTP 400).');
    expect(freeText.oauthError).toBeUndefined();
    for (const error of [described, freeText]) expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain('MARIA');
  });

  it("reports a fetch that fails by its class and system code only, never the failure's message", async () => {
    const fetchQuotingTheSecret: typeof fetch = async () => {
      throw new TypeError(`Headers.set: "Basic ${clientSecret}" is an invalid header value`, {
        cause: Object.assign(new Error(`echo ${issuedToken}`), { code: 'ERR_INVALID_CHAR' }),
      });
    };
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, fetch: fetchQuotingTheSecret });
    const error = await captureError(tokens.getToken());
    expect(error.code).toBe(AuthErrorCode.requestFailed);
    expect(error.message).toBe(`Could not reach the token endpoint at ${new URL(tokenUrl).origin} (ERR_INVALID_CHAR).`);
    // The cause is the pipeline's ConnectionError, which names the system code only.
    expect(ConnectionError.isInstance(error.cause)).toBe(true);
    expect((error.cause as Error).message).toMatch(/\(ERR_INVALID_CHAR\) \(attempt 3\)\.$/);
  });

  it('a refused connection is a request failure naming the host, not the secret', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const tokens = createClientCredentialsTokenProvider({ tokenUrl: `http://127.0.0.1:${closed}/token`, clientId, clientSecret });
    const error = await captureError(tokens.getToken());
    expect(error.code).toBe(AuthErrorCode.requestFailed);
    expect(error.message).toContain(`127.0.0.1:${closed}`);
  });

  it('refuses plain http to a non-loopback host before sending anything', () => {
    const attempt = () =>
      createClientCredentialsTokenProvider({ tokenUrl: 'http://sandbox.osigu.com/v1/oauth/token', clientId, clientSecret });
    expect(attempt).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIGURATION', name: 'ConfigurationError' }));
    errorsSeen.push(catchSync(attempt));
  });

  it('refuses missing credentials with a clear message', () => {
    const attempt = () => createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret: '' });
    expect(attempt).toThrowError(/clientSecret is missing/);
  });

  it('is recognised across package copies by isInstance, and plain errors are not', () => {
    // What another copy of the package would throw: its own classes, the same registry-wide marker.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@coverlink/core.errorNames')]: ['AuthError', 'CoverlinkError'] });
    expect(AuthError.isInstance(foreign)).toBe(true);
    expect(AuthRateLimitedError.isInstance(foreign)).toBe(false);
    expect(AuthError.isInstance(new Error('x'))).toBe(false);
    expect(AuthError.isInstance(undefined)).toBe(false);
  });

  it('never shows the secret or a token in any error seen above, however it is printed', () => {
    expect(errorsSeen.length).toBeGreaterThanOrEqual(8);
    for (const error of errorsSeen) {
      for (const rendering of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
        expect(rendering).not.toContain(clientSecret);
        expect(rendering).not.toContain(encodeURIComponent(clientSecret));
        expect(rendering).not.toContain(issuedToken);
        expect(rendering).not.toContain(Buffer.from(`${clientId}:${clientSecret}`).toString('base64'));
      }
    }
  });
});

function catchSync(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('token request timeout', () => {
  it('turns off with Infinity instead of failing', async () => {
    answer = (response) => sendJson(response, 200, tokenBody());
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, timeout: Number.POSITIVE_INFINITY });
    await expect(tokens.getToken()).resolves.toBe(issuedToken);
  });

  it('ends a token request that takes longer than the timeout with a clear AUTH_REQUEST_FAILED', async () => {
    answer = (response) => setTimeout(() => sendJson(response, 200, tokenBody()), 1_000);
    const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, timeout: 100 });
    const error = await captureError(tokens.getToken());
    expect(error.code).toBe(AuthErrorCode.requestFailed);
    expect(error.message).toMatch(/did not answer within 100 ms/);
  });

  it('still ends a hung token request while garbage is collected (Node holds the sources of AbortSignal.any weakly)', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    answer = () => {};
    const collector = setInterval(collectGarbage, 10);
    try {
      const tokens = createClientCredentialsTokenProvider({ tokenUrl, clientId, clientSecret, timeout: 200 });
      const error = await captureError(tokens.getToken());
      expect(error.code).toBe(AuthErrorCode.requestFailed);
      expect(error.message).toMatch(/did not answer within 200 ms/);
    } finally {
      clearInterval(collector);
    }
  }, 10_000);
});
