import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '@coverlink/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientCredentialsTokenProvider } from './client-credentials.js';
import { isLoopbackHost, parseSecureUrl } from './secure-url.js';

const hostOf = (url: string) => new URL(url).hostname;

describe('isLoopbackHost', () => {
  it.each([
    'http://localhost:4010/',
    'http://LOCALHOST:4010/',
    'http://127.0.0.1:4010/',
    'http://127.255.255.254/',
    'http://127.1/', // the URL parser spells it 127.0.0.1
    'http://0x7f.0.0.1/', // likewise
    'http://[::1]:4010/',
    'http://[0:0:0:0:0:0:0:1]/', // the URL parser spells it [::1]
  ])('accepts %s', (url) => {
    expect(isLoopbackHost(hostOf(url))).toBe(true);
  });

  it.each([
    'http://evil.localhost/',
    'http://a.b.localhost/',
    'http://localhost./',
    'http://localhost.example.com/',
    'http://127.0.0.1.nip.io/',
    'http://128.0.0.1/',
    'http://10.0.0.1/',
    'http://0.0.0.0/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::2]/',
    'http://localhostx/',
  ])('refuses %s', (url) => {
    expect(isLoopbackHost(hostOf(url))).toBe(false);
  });

  it('refuses out-of-range octets given without a URL parser in between', () => {
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.')).toBe(false);
    expect(isLoopbackHost('::1')).toBe(true);
  });
});

describe('parseSecureUrl', () => {
  it('lets plain http through to a loopback host only', () => {
    expect(parseSecureUrl('http://127.0.0.1:4010/token', 'tokenUrl')).toMatchObject({ insecureLoopback: true });
    expect(parseSecureUrl('https://evil.localhost/token', 'tokenUrl')).toMatchObject({ insecureLoopback: false });
    for (const url of ['http://evil.localhost:4010/token', 'http://localhost.:4010/token']) {
      let caught: unknown;
      try {
        parseSecureUrl(url, 'tokenUrl');
      } catch (error) {
        caught = error;
      }
      expect(ConfigurationError.isInstance(caught)).toBe(true);
      expect((caught as ConfigurationError).code).toBe('INVALID_CONFIGURATION');
      expect((caught as ConfigurationError).message).toContain('tokenUrl must use https://');
    }
  });
});

describe('a token provider pointed at http://<name>.localhost', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('is refused, and the client secret never crosses the wire', async () => {
    // A listening token endpoint on loopback: the name must be refused, not the connection.
    const received: string[] = [];
    const server = createServer((request, response) => {
      received.push(request.headers.authorization ?? '');
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"t","token_type":"Bearer"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const { port } = server.address() as AddressInfo;
    // Resolves the name to the local server, as a resolver that pins *.localhost would; one that
    // sends it to DNS would deliver the Basic credentials to whoever answers for that name.
    const fetchThroughResolver: typeof fetch = (input, init) => fetch(String(input).replace('evil.localhost', '127.0.0.1'), init);
    const attempt = async () =>
      createClientCredentialsTokenProvider({
        tokenUrl: `http://evil.localhost:${port}/token`,
        clientId: 'client',
        clientSecret: 'client-secret-value',
        fetch: fetchThroughResolver,
      }).getToken();
    await expect(attempt()).rejects.toMatchObject({ code: 'INVALID_CONFIGURATION' });
    expect(received).toEqual([]);
  });
});
