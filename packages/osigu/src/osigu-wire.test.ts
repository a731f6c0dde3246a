// Wire rules through the real OSIGU client on a loopback server: a dot-segment path parameter
// sends nothing (not even a token request), and a 503 from the token endpoint is retried.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidPathParameterError, unwrap } from '@coverlink/core';
import { rejectionOf } from '@coverlink/test-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOsiguClient } from './index.js';

let server: Server;
let baseUrl: string;
let seen: string[] = [];
let tokenStatuses: number[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    seen.push(`${request.method} ${request.url}`);
    request.resume();
    if (request.url === '/v1/oauth/token') {
      const status = tokenStatuses.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(status === 200 ? JSON.stringify({ access_token: 'token-1', token_type: 'bearer', expires_in: 3600 }) : '{}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"slug":"sponsor-sandbox"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen = [];
  tokenStatuses = [];
});

const client = () => createOsiguClient({ clientId: 'client', clientSecret: 'secret', baseUrl, retry: { initialDelayMs: 1 } });

describe('OSIGU: a path parameter that would climb the path sends nothing', () => {
  it.each(['..', '.', '%2e%2e', '%2E.', '.%2e', '%252e%252e', '..%2Fadmin', ''])('sponsor_slug %j', async (slug) => {
    const error = await rejectionOf(
      client().POST('/v1/sponsors/{sponsor_slug}/search', {
        params: { path: { sponsor_slug: slug } },
        body: { document_type: 'CC', document_number: '123456789' },
      }),
    );

    expect(InvalidPathParameterError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ parameter: 'sponsor_slug', operation: 'POST /v1/sponsors/{sponsor_slug}/search' });
    expect(String(error)).not.toContain('123456789');
    // Not the API call, and not the token request that would have come before it.
    expect(seen).toEqual([]);
  });
});

describe("OSIGU: the token endpoint's 503 is retried like an API call's", () => {
  it('a 503 from /v1/oauth/token, then a token: the call succeeds', async () => {
    tokenStatuses = [503];

    const result = await client().GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: 'sponsor-sandbox' } } });

    expect(result.response.status).toBe(200);
    expect(unwrap(result)).toMatchObject({ slug: 'sponsor-sandbox' });
    expect(seen).toEqual(['POST /v1/oauth/token', 'POST /v1/oauth/token', 'GET /v1/sponsors/sponsor-sandbox/forms']);
  });
});
