import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { CoverlinkError } from '@coverlink/core';
import { recordingFetch, type WireRecord } from '@coverlink/mocks';
import { rejectionOf } from '@coverlink/test-kit';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedirectUrl, OneAssureError, OneAssureErrorCode, oneAssureJourneyUrl } from './index.js';

const tokenUrl = `${inject('oneassureMockUrl')}/v1/auth/token`;
const clientId = 'oneassure-redirect-test';
const clientSecret = 'oneassure-redirect-secret-90b2';
// The access token of the spec's `tokenIssued` example, which Prism serves for every token request.
const prismToken = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb3Zlcmxpbmstc2FuZGJveCIsInNjb3BlcyI6WyJidXNpbmVzcyJdfQ.c2lnbmF0dXJl';
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

const json = (request: WireRecord | undefined) => JSON.parse(new TextDecoder().decode(request?.body)) as Record<string, unknown>;

async function rejection(promise: Promise<unknown>): Promise<CoverlinkError> {
  const error = await rejectionOf(promise);
  expect(CoverlinkError.isInstance(error)).toBe(true);
  for (const rendering of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
    expect(rendering).not.toContain(clientSecret);
    expect(rendering).not.toContain(prismToken);
  }
  return error as CoverlinkError;
}

describe('createRedirectUrl against the OneAssure mock', () => {
  it('mints a session token for the user and returns the journey URL carrying exactly that token', async () => {
    const recorder = recordingFetch();
    const url = await createRedirectUrl({ clientId, clientSecret, tokenUrl, userId: 'usr_48213', fetch: recorder.fetch });

    expect(url).toBe(`https://orca.oneassure.in/health?session-token=${prismToken}`);
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(oneAssureJourneyUrl);
    expect([...parsed.searchParams.keys()]).toEqual(['session-token']);
    expect(parsed.searchParams.get('session-token')).toBe(prismToken);

    expect(recorder.wire.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual(['POST /v1/auth/token 200']);
    const [tokenRequest] = recorder.wire;
    expect(tokenRequest?.headers.get('content-type')).toMatch(/^application\/json/);
    expect(tokenRequest?.headers.get('authorization')).toBeNull();
    expect(json(tokenRequest)).toEqual({ client_id: clientId, client_secret: clientSecret, scopes: ['business'], user_id: 'usr_48213' });
  });

  it('mints a new token on every call, never a cached one', async () => {
    const recorder = recordingFetch();
    const options = { clientId, clientSecret, tokenUrl, fetch: recorder.fetch };
    const first = await createRedirectUrl({ ...options, userId: 'usr_48213' });
    const second = await createRedirectUrl({ ...options, userId: 'usr_48213' });
    const third = await createRedirectUrl({ ...options, userId: 'usr_77001' });

    expect([first, second, third].every((url) => new URL(url).searchParams.get('session-token') === prismToken)).toBe(true);
    expect(recorder.wire.map((request) => request.path)).toEqual(['/v1/auth/token', '/v1/auth/token', '/v1/auth/token']);
    expect(recorder.wire.map((request) => json(request).user_id)).toEqual(['usr_48213', 'usr_48213', 'usr_77001']);
  });

  it('uses a configured https journeyUrl as given, keeping its own query', async () => {
    const recorder = recordingFetch();
    const url = await createRedirectUrl({
      clientId,
      clientSecret,
      tokenUrl,
      userId: 'usr_48213',
      journeyUrl: 'https://partner.example.com/insure/health?utm_source=coverlink',
      fetch: recorder.fetch,
    });
    expect(url).toBe(`https://partner.example.com/insure/health?utm_source=coverlink&session-token=${prismToken}`);
  });

  it('replaces a session-token already in the configured journeyUrl rather than sending two', async () => {
    const url = await createRedirectUrl({
      clientId,
      clientSecret,
      tokenUrl,
      userId: 'usr_48213',
      journeyUrl: 'https://orca.oneassure.in/health?session-token=stale',
    });
    expect(new URL(url).searchParams.getAll('session-token')).toEqual([prismToken]);
  });

  it.each(['http://example.com', 'http://orca.oneassure.in/health', 'javascript:alert(1)', 'orca.oneassure.in/health', ''])(
    'refuses the journeyUrl %j without minting a token',
    async (journeyUrl) => {
      const recorder = recordingFetch();
      const error = await rejection(
        createRedirectUrl({ clientId, clientSecret, tokenUrl, userId: 'usr_48213', journeyUrl, fetch: recorder.fetch }),
      );
      expect(error).toBeInstanceOf(OneAssureError);
      expect(error.code).toBe(OneAssureErrorCode.invalidRedirect);
      expect(error.message).toMatch(/https/);
      expect(error.hint).toContain(oneAssureJourneyUrl);
      expect(recorder.wire).toHaveLength(0);
    },
  );

  it.each(['', '   '])('refuses the userId %j with a typed error, without sending anything', async (userId) => {
    const recorder = recordingFetch();
    const error = await rejection(createRedirectUrl({ clientId, clientSecret, tokenUrl, userId, fetch: recorder.fetch }));
    expect(error.code).toBe('AUTH_INVALID_CONFIGURATION');
    expect(error.message).toMatch(/userId/);
    expect(error.hint).toMatch(/userId/);
    expect(recorder.wire).toHaveLength(0);
  });

  it('reports a refused token request as a typed error, naming A4001 but not the secret', async () => {
    const recorder = recordingFetch(() => 'code=401');
    const error = await rejection(createRedirectUrl({ clientId, clientSecret, tokenUrl, userId: 'usr_48213', fetch: recorder.fetch }));
    expect(error.code).toBe('AUTH_INVALID_CLIENT');
    expect(error.message).toContain('A4001');
    expect(recorder.wire).toHaveLength(1);
  });
});

describe('createRedirectUrl with a token that needs URL encoding', () => {
  const awkwardToken = 'a+b/c=d&e f';
  const received: Array<Record<string, unknown>> = [];
  let server: Server;
  let localTokenUrl: string;
  beforeAll(async () => {
    // A local token endpoint answering in OneAssure's documented `payload` envelope.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        received.push(JSON.parse(body) as Record<string, unknown>);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ payload: { access_token: awkwardToken, expires_in: 3600, token_type: 'Bearer' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    localTokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/auth/token`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('encodes the token so it round-trips through the query string', async () => {
    const url = await createRedirectUrl({ clientId, clientSecret, tokenUrl: localTokenUrl, userId: 'usr_48213' });

    expect(received).toEqual([{ client_id: clientId, client_secret: clientSecret, scopes: ['business'], user_id: 'usr_48213' }]);
    // Query-string (form) encoding: '+', '/', '=' and '&' are escaped, so no second parameter appears
    // and the token's own '+' stays distinct from the space, which WHATWG URLs write as '+'.
    expect(url).toBe('https://orca.oneassure.in/health?session-token=a%2Bb%2Fc%3Dd%26e+f');
    const parsed = new URL(url);
    expect([...parsed.searchParams.keys()]).toEqual(['session-token']);
    expect(parsed.searchParams.get('session-token')).toBe(awkwardToken);
    expect(new URLSearchParams(parsed.search).get('session-token')).toBe(awkwardToken);
  });
});

describe('bundling @coverlink/oneassure', () => {
  const entry = "import { createRedirectUrl } from '@coverlink/oneassure';\nexport const redirect = createRedirectUrl;\n";
  const bundle = (platform: 'browser' | 'node', conditions: string[] = []) =>
    build({
      // The package resolves itself through its own exports map from its root.
      stdin: { contents: entry, resolveDir: packageRoot, loader: 'ts', sourcefile: 'bundle-check.ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform,
      conditions,
      logLevel: 'silent',
    });
  const failureText = async (built: ReturnType<typeof bundle>): Promise<string> => {
    const error = await rejectionOf(built);
    expect(error, 'expected the build to fail').toBeDefined();
    const { errors = [] } = error as { errors?: Array<{ text: string; notes?: Array<{ text: string }> }> };
    expect(errors.length).toBeGreaterThan(0);
    return errors.map((failure) => [failure.text, ...(failure.notes ?? []).map((note) => note.text)].join('\n')).join('\n');
  };

  it('fails for the browser, saying the package is server-only because it holds the client secret', async () => {
    const text = await failureText(bundle('browser'));
    expect(text).toContain('server-only');
    expect(text).toContain('client secret');
    expect(text).toContain('createRedirectUrl');
  });

  it('fails for the browser even when workspace sources are resolved', async () => {
    const text = await failureText(bundle('browser', ['@coverlink/source']));
    expect(text).toContain('server-only');
    expect(text).toContain('client secret');
  });

  it('builds for node', async () => {
    const result = await bundle('node', ['@coverlink/source']);
    expect(result.errors).toEqual([]);
    expect(result.outputFiles).toHaveLength(1);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('https://orca.oneassure.in/health');
    expect(code).not.toContain('server-only');
  });
});
