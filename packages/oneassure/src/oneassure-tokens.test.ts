import { inspect } from 'node:util';
import { AuthError, AuthErrorCode, AuthRateLimitedError } from '@coverlink/auth';
import { AbortError, ConfigurationError } from '@coverlink/core';
import { type RecordedRequest, rejectionOf, type Step, unusedPort, useFaultServer } from '@coverlink/test-kit';
import { describe, expect, it, vi } from 'vitest';
import { createOneAssureBusinessTokenProvider, createOneAssureSessionToken, type OneAssureTokenSettings } from './oneassure-tokens.js';

const clientId = 'oa-client-7f3a';
const clientSecret = 'oa-S3cr3t+with/special=chars%&"quote';
const userId = 'user-42';

// A real OneAssure token endpoint on 127.0.0.1 (test-kit's fault server): each test sets how it
// answers, and every request is recorded byte for byte, so the assertions are about what actually
// crossed the socket.
const server = useFaultServer();
const tokensIssued = new Set<string>();
const textOf = (request: RecordedRequest | undefined) => request?.body.toString('utf8') ?? '';

/** A JWT-shaped token, unique per request number, with `exp` when given; remembered for the leak scan. */
function jwt(number: number, claims: Record<string, unknown> = {}): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = [part({ alg: 'HS256', typ: 'JWT' }), part({ sub: clientId, n: number, ...claims }), `signature-${number}`].join('.');
  tokensIssued.add(token);
  return token;
}

/** OneAssure's documented success answer: the token `jwt(number)` wrapped in `payload`, `token_type` "Bearer". */
function issue(number: number, expiresIn = 3600): Step {
  return { status: 200, body: { payload: { access_token: jwt(number), expires_in: expiresIn, token_type: 'Bearer' } } };
}

/** Answers every request with what `step` returns for the request's number (1 for the first). */
function answer(step: (number: number, request: RecordedRequest) => Step): void {
  server.route((request) => step(server.requests.length, request));
}

// OneAssure's documented problem bodies. The detail of A4001 here echoes the secret, as a careless
// server might: it must never reach an error message.
const invalidCredentials = {
  type: 'A4001',
  title: 'Invalid Authentication Credentials',
  detail: `The provided access key or secret access key is invalid: ${clientSecret}`,
  instance: '/v1/auth/token',
};
const rateLimited = {
  type: 'A4290',
  title: 'Rate Limit Exceeded',
  detail: 'Too many token requests. Please try again in 60 seconds',
  instance: '/v1/auth/token',
};
const unexpected = { type: 'E5000', title: 'An unexpected error occurred', detail: '', instance: '/v1/auth/token' };

function settings(overrides: Partial<OneAssureTokenSettings> = {}): OneAssureTokenSettings {
  return { tokenUrl: `${server.url}/v1/auth/token`, clientId, clientSecret, ...overrides };
}

const errorsSeen: unknown[] = [];
async function captureError(promise: Promise<unknown>): Promise<AuthError> {
  const error = await rejectionOf(promise, AuthError);
  errorsSeen.push(error);
  return error;
}

function captureSyncError(action: () => unknown): AuthError {
  let error: unknown;
  try {
    action();
  } catch (caught) {
    error = caught;
  }
  errorsSeen.push(error);
  expect(AuthError.isInstance(error)).toBe(true);
  return error as AuthError;
}

describe('the token request on the wire', () => {
  it("a session token: POST /v1/auth/token with OneAssure's JSON body including user_id, no Authorization header", async () => {
    answer((number) => issue(number));
    const issued = jwt(1);

    const token = await createOneAssureSessionToken(settings(), { userId });

    expect(token).toEqual({ accessToken: issued, expiresInSeconds: 3600 });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/auth/token');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
    expect(textOf(request)).toBe(
      JSON.stringify({ client_id: clientId, client_secret: clientSecret, scopes: ['business'], user_id: userId }),
    );
    expect(textOf(request)).not.toContain('grant_type');
  });

  it('a business token: the same body without user_id', async () => {
    answer((number) => issue(number));
    const issued = jwt(1);

    const token = await createOneAssureBusinessTokenProvider(settings()).getToken();

    expect(token).toBe(issued);

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/auth/token');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
    expect(textOf(request)).toBe(JSON.stringify({ client_id: clientId, client_secret: clientSecret, scopes: ['business'] }));
  });

  it('carries characters that form-encoding would mangle, and several scopes, unchanged into the JSON', async () => {
    answer((number) => issue(number));
    const oddUserId = 'ünïcode user+1/2=3&x%20';

    await createOneAssureSessionToken(settings({ scopes: ['business', 'health:read'] }), { userId: oddUserId });

    expect(JSON.parse(textOf(server.requests[0]))).toEqual({
      client_id: clientId,
      client_secret: clientSecret,
      scopes: ['business', 'health:read'],
      user_id: oddUserId,
    });
  });
});

describe('session tokens (redirection)', () => {
  it('are never cached: every call asks OneAssure for a new token', async () => {
    answer((number, request) => {
      const { user_id } = JSON.parse(textOf(request)) as { user_id: string };
      return { status: 200, body: { payload: { access_token: `${jwt(number)}.${user_id}`, expires_in: 3600, token_type: 'Bearer' } } };
    });

    const first = await createOneAssureSessionToken(settings(), { userId });
    const second = await createOneAssureSessionToken(settings(), { userId });
    const other = await createOneAssureSessionToken(settings(), { userId: 'user-43' });

    expect(server.requests).toHaveLength(3);
    expect(first.accessToken).not.toBe(second.accessToken);
    expect(other.accessToken).toMatch(/\.user-43$/);
    expect(server.requests.map((request) => (JSON.parse(textOf(request)) as { user_id: string }).user_id)).toEqual([
      userId,
      userId,
      'user-43',
    ]);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['missing', undefined],
  ])('refuse a %s userId before sending anything', async (_, missing) => {
    answer((number) => issue(number));

    const error = await captureError(createOneAssureSessionToken(settings(), { userId: missing as unknown as string }));

    expect(error.code).toBe(AuthErrorCode.invalidConfiguration);
    expect(error.message).toMatch(/userId is missing/);
    expect(server.requests).toHaveLength(0);
  });

  it("take the lifetime from the JWT's exp when OneAssure leaves out expires_in", async () => {
    const clock = Date.parse('2026-06-25T14:00:00Z');
    answer((number) => ({
      status: 200,
      body: { payload: { access_token: jwt(number, { exp: clock / 1000 + 1800 }), token_type: 'Bearer' } },
      headers: { date: new Date(clock).toUTCString() },
      sendDate: false,
    }));

    const token = await createOneAssureSessionToken(settings({ now: () => clock }), { userId });

    expect(token.expiresInSeconds).toBe(1800);
  });

  it('stop the request when the signal aborts, rejecting with an AbortError carrying its reason', async () => {
    answer((number) => ({ ...issue(number), delayMs: 300 }));
    const controller = new AbortController();

    const pending = createOneAssureSessionToken(settings(), { userId, signal: controller.signal });
    // Abort once the server holds the request: after a fixed timer, a loaded machine could still be
    // sending it, and its late arrival would count as the next test's request.
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort(new Error('user navigated away'));

    const error = await rejectionOf(pending);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).cause).toEqual(new Error('user navigated away'));
  });
});

describe('business tokens (cached TokenProvider)', () => {
  it('serve 50 concurrent callers on a cold cache with exactly one token request', async () => {
    answer((number) => ({ ...issue(number), delayMs: 50 }));
    const tokens = createOneAssureBusinessTokenProvider(settings());

    const results = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken()));

    expect(new Set(results).size).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('are reused until expiry minus the skew, then replaced', async () => {
    let clock = 1_000_000;
    answer((number) => issue(number, 3600));
    const tokens = createOneAssureBusinessTokenProvider(settings({ expirySkewSeconds: 600, now: () => clock }));

    const first = await tokens.getToken();
    clock += 2_999_000; // 50 minutes less a second: inside the 3600 s - 600 s window
    expect(await tokens.getToken()).toBe(first);
    clock += 1_000;
    const second = await tokens.getToken();
    expect(second).not.toBe(first);
    expect(server.requests).toHaveLength(2);
  });

  it('are replaced 60 s before expiry by default', async () => {
    let clock = 0;
    answer((number) => issue(number, 3600));
    const tokens = createOneAssureBusinessTokenProvider(settings({ now: () => clock }));

    const first = await tokens.getToken();
    clock = 3_539_999;
    expect(await tokens.getToken()).toBe(first);
    clock = 3_540_000;
    expect(await tokens.getToken()).not.toBe(first);
  });

  it('invalidate only the token that was rejected, so a burst of 401s costs one new token', async () => {
    answer((number) => issue(number));
    const tokens = createOneAssureBusinessTokenProvider(settings());

    const first = await tokens.getToken();
    tokens.invalidate(first);
    const second = await tokens.getToken();
    tokens.invalidate(first); // a late 401 for the old token must not throw away the new one
    expect(await tokens.getToken()).toBe(second);
    expect(second).not.toBe(first);
    expect(server.requests).toHaveLength(2);
  });

  it('do not cache a failure, and give every waiter of a shared failure the same typed error', async () => {
    answer((number) => (number === 1 ? { status: 401, body: invalidCredentials, delayMs: 30 } : issue(number)));
    const tokens = createOneAssureBusinessTokenProvider(settings());

    const failures = await Promise.all(Array.from({ length: 5 }, () => captureError(tokens.getToken())));

    expect(server.requests).toHaveLength(1);
    expect(new Set(failures).size).toBe(1);
    expect(failures[0]?.code).toBe(AuthErrorCode.invalidClient);
    await expect(tokens.getToken()).resolves.toMatch(/^eyJ/);
    expect(server.requests).toHaveLength(2);
  });

  it('do not report an earlier, unclaimed OneAssure error for a later network failure', async () => {
    answer(() => ({ status: 401, body: invalidCredentials, delayMs: 30 }));
    let calls = 0;
    let firstAnswered = false;
    const flaky: typeof fetch = (input, init) => {
      calls += 1;
      if (calls > 1) return Promise.reject(new TypeError('fetch failed'));
      return fetch(input, init).finally(() => {
        firstAnswered = true;
      });
    };
    const tokens = createOneAssureBusinessTokenProvider(settings({ fetch: flaky }));
    const controller = new AbortController();

    // The only caller gives up, so nobody collects the 401 that arrives afterwards.
    const abandoned = tokens.getToken({ signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(abandoned).rejects.toMatchObject({ code: 'ABORTED', cause: new Error('gave up') });
    // Wait for the unclaimed 401 to arrive and settle, however busy the machine is.
    await vi.waitFor(() => expect(firstAnswered).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const error = await captureError(tokens.getToken());
    expect(error.code).toBe(AuthErrorCode.requestFailed);
  });
});

const mints = [
  ['session token', (overrides?: Partial<OneAssureTokenSettings>) => createOneAssureSessionToken(settings(overrides), { userId })],
  ['business token', (overrides?: Partial<OneAssureTokenSettings>) => createOneAssureBusinessTokenProvider(settings(overrides)).getToken()],
] as const;

describe.each(mints)('typed errors for a %s', (_, mint) => {
  it("401 A4001: invalid credentials, with the code and our own words, never OneAssure's title or detail", async () => {
    answer(() => ({ status: 401, body: invalidCredentials }));

    const error = await captureError(mint());

    expect(error.code).toBe(AuthErrorCode.invalidClient);
    expect(error.status).toBe(401);
    expect(error.message).toBe('OneAssure rejected the client credentials (HTTP 401, A4001 invalid credentials).');
    expect(error.hint).toMatch(/clientId and clientSecret.*tokenUrl/);
  });

  it('429 A4290 without Retry-After: rate limited, retry after the 60 s the message states', async () => {
    answer(() => ({ status: 429, body: rateLimited }));

    const error = await captureError(mint());

    expect(error).toBeInstanceOf(AuthRateLimitedError);
    expect(error.code).toBe(AuthErrorCode.rateLimited);
    expect(error.status).toBe(429);
    expect((error as AuthRateLimitedError).retryAfterSeconds).toBe(60);
    expect(error.message).toBe('OneAssure rate-limited token requests (HTTP 429, A4290 rate limited).');
  });

  it('429 with a Retry-After header: the header wins', async () => {
    answer(() => ({ status: 429, body: rateLimited, headers: { 'retry-after': '17' } }));

    const error = await captureError(mint());

    expect((error as AuthRateLimitedError).retryAfterSeconds).toBe(17);
  });

  it('429 stating another wait in its detail: that wait', async () => {
    answer(() => ({ status: 429, body: { ...rateLimited, detail: 'Too many token requests. Please try again in 90 seconds' } }));

    const error = await captureError(mint());

    expect((error as AuthRateLimitedError).retryAfterSeconds).toBe(90);
  });

  it('500 E5000: a server error', async () => {
    answer(() => ({ status: 500, body: unexpected }));

    const error = await captureError(mint());

    expect(error.code).toBe(AuthErrorCode.serverError);
    expect(error.status).toBe(500);
    expect(error.message).toBe("OneAssure's token endpoint failed on its side (HTTP 500, E5000 server error).");
  });

  it('502 with an HTML page from a gateway: a server error', async () => {
    answer(() => ({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' }));

    const error = await captureError(mint());

    expect(error.code).toBe(AuthErrorCode.serverError);
    expect(error.status).toBe(502);
  });

  it('another 4xx problem: the request was refused, naming its code but not its title, which may hold anything', async () => {
    answer(() => ({ status: 400, body: { type: 'A4000', title: `Unknown client ${clientSecret}`, detail: clientSecret } }));

    const error = await captureError(mint());

    expect(error.code).toBe(AuthErrorCode.grantRejected);
    expect(error.message).toBe('OneAssure refused the token request (HTTP 400, A4000).');
  });

  it('a title or a code that is free text (a user id, a name) never reaches the message', async () => {
    answer(() => ({ status: 400, body: { type: 'user MARIA GONZALEZ', title: 'Unknown user MARIA GONZALEZ', detail: 'x' } }));

    const error = await captureError(mint());

    expect(error.code).toBe(AuthErrorCode.grantRejected);
    expect(error.message).toBe('OneAssure refused the token request (HTTP 400).');
    expect(JSON.stringify(error)).not.toContain('MARIA');
  });

  it('200 with an HTML page: not a token response', async () => {
    answer(() => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Login</body></html>' }));

    const error = await captureError(mint());

    expect(error.code).toBe(AuthErrorCode.invalidResponse);
    expect(error.message).toMatch(/not JSON/);
  });

  it.each([
    ['no payload', { access_token: 'eyJ.top-level.token' }],
    ['a payload without access_token', { payload: { expires_in: 3600, token_type: 'Bearer' } }],
    ['an empty access_token', { payload: { access_token: '', expires_in: 3600, token_type: 'Bearer' } }],
  ])('200 with %s: an invalid response', async (_, body) => {
    answer(() => ({ status: 200, body: body }));

    const error = await captureError(mint());

    expect(error.code).toBe(AuthErrorCode.invalidResponse);
    expect(error.message).toMatch(/without payload\.access_token/);
  });

  it('200 with a token of another type: refused without echoing the token', async () => {
    answer((number) => ({ status: 200, body: { payload: { access_token: jwt(number), expires_in: 3600, token_type: 'MAC' } } }));

    const error = await captureError(mint());

    expect(error.code).toBe(AuthErrorCode.invalidResponse);
  });

  it('a refused connection: a request failure naming the host', async () => {
    const port = await unusedPort();

    const error = await captureError(mint({ tokenUrl: `http://127.0.0.1:${port}/v1/auth/token` }));

    expect(error.code).toBe(AuthErrorCode.requestFailed);
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });
});

describe('configuration', () => {
  it('refuses plain http to a non-loopback host before sending anything', async () => {
    const insecure = { tokenUrl: 'http://api.oneassure.example/v1/auth/token' };

    // The URL check is core's, one for API and token URLs: a ConfigurationError.
    const fromSession = await createOneAssureSessionToken(settings(insecure), { userId }).then(
      () => undefined,
      (caught: unknown) => caught as ConfigurationError,
    );
    let fromProvider: unknown;
    try {
      createOneAssureBusinessTokenProvider(settings(insecure));
    } catch (caught) {
      fromProvider = caught;
    }

    expect(ConfigurationError.isInstance(fromSession)).toBe(true);
    expect(fromSession?.code).toBe('INVALID_CONFIGURATION');
    expect(fromProvider).toMatchObject({ name: 'ConfigurationError', code: 'INVALID_CONFIGURATION' });
    expect(fromSession?.message).toMatch(/tokenUrl must use https/);
  });

  it('refuses missing credentials and unusable scopes', async () => {
    for (const overrides of [{ clientSecret: '' }, { clientId: '' }, { scopes: [] }, { scopes: ['business health'] }]) {
      const fromSession = await captureError(createOneAssureSessionToken(settings(overrides), { userId }));
      const fromProvider = captureSyncError(() => createOneAssureBusinessTokenProvider(settings(overrides)));
      expect(fromSession.code).toBe(AuthErrorCode.invalidConfiguration);
      expect(fromProvider.message).toBe(fromSession.message);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('secrets in errors', () => {
  it('never shows the client secret or a token in any error seen above, however it is printed', () => {
    expect(errorsSeen.length).toBeGreaterThanOrEqual(30);
    expect(tokensIssued.size).toBeGreaterThan(0);
    for (const error of errorsSeen) {
      const renderings = [
        (error as Error).message,
        (error as AuthError).hint ?? '',
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
      ];
      for (const rendering of renderings) {
        expect(rendering).not.toContain(clientSecret);
        expect(rendering).not.toContain(encodeURIComponent(clientSecret));
        expect(rendering).not.toContain(JSON.stringify(clientSecret));
        for (const token of tokensIssued) expect(rendering).not.toContain(token);
      }
    }
  });
});
