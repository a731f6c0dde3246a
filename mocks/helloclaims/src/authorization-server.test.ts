import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHelloClaimsAuthorization, startHelloClaimsAuthorizationServer } from './authorization-server.js';
import { demoClient } from './config.js';
import { invalidGrantReasons } from './issued-grants.js';
import { exchangeCode, field, manualClock, obtainCode, refresh, signIn } from './oauth-flow.test-support.js';

describe('startHelloClaimsAuthorizationServer', () => {
  it('listens on 127.0.0.1 on a free port and stops cleanly (twice is fine)', async () => {
    const server = await startHelloClaimsAuthorizationServer({ port: 0 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.authorizeUrl).toBe(`${server.url}/login/broker`);
    expect(server.tokenUrl).toBe(`${server.url}/login/token`);

    const unknownPath = await fetch(`${server.url}/elsewhere`);
    expect(unknownPath.status).toBe(404);

    await server.stop();
    await server.stop();
    await expect(fetch(server.tokenUrl, { method: 'POST' })).rejects.toThrow();
  });

  it('counts what happened in stats()', async () => {
    const clock = manualClock();
    const server = await startHelloClaimsAuthorizationServer({ port: 0, now: clock.now });
    try {
      const initial = server.stats();
      expect(Object.keys(initial.invalidGrant).sort()).toEqual([...invalidGrantReasons].sort());
      expect(initial).toMatchObject({ codesIssued: 0, valid: { codes: 0, accessTokens: 0, refreshTokens: 0 } });

      const unused = await obtainCode(server);
      const tokens = await exchangeCode(server, await obtainCode(server));
      await refresh(server, field(tokens, 'refresh_token'));
      await refresh(server, field(tokens, 'refresh_token'));
      await signIn(server, {}, { decision: 'deny' });

      expect(server.stats()).toEqual({
        codesIssued: 2,
        codesRedeemed: 1,
        accessTokensIssued: 2,
        refreshTokensIssued: 2,
        refreshesPerformed: 1,
        clientCredentialsGrants: 0,
        tokensRevoked: 0,
        familiesRevoked: 0,
        loginsSucceeded: 2,
        loginsFailed: 0,
        accessDenied: 1,
        invalidClient: 0,
        invalidGrant: { ...initial.invalidGrant, refresh_token_reused: 1 },
        valid: { codes: 1, accessTokens: 2, refreshTokens: 1 },
      });

      clock.advanceSeconds(60);
      expect(server.stats().valid).toEqual({ codes: 0, accessTokens: 2, refreshTokens: 1 });
      await exchangeCode(server, unused);
      expect(server.stats().invalidGrant.code_expired).toBe(1);
      clock.advanceSeconds(86_400);
      expect(server.stats().valid).toEqual({ codes: 0, accessTokens: 0, refreshTokens: 0 });
    } finally {
      await server.stop();
    }
  });

  it('uses the documented lifetimes by default', async () => {
    const server = await startHelloClaimsAuthorizationServer({ port: 0 });
    try {
      const tokens = await exchangeCode(server, await obtainCode(server));
      expect(tokens.body.expires_in).toBe(1800);
    } finally {
      await server.stop();
    }
  });

  it('uses configured users and lifetimes, and hides the demo credentials when users are configured', async () => {
    const server = await startHelloClaimsAuthorizationServer({
      port: 0,
      users: [{ username: 'alice', password: 'wonderland' }],
      accessTokenLifetimeSeconds: 120,
    });
    try {
      const page = await (
        await fetch(`${server.authorizeUrl}?response_type=code&client_id=coverlink-demo&redirect_uri=http://localhost:9999&scope=a`)
      ).text();
      expect(page).not.toContain('Demo login');
      const denied = await signIn(server, {}, { username: 'demo', password: 'demo' }).catch((error: Error) => error);
      expect(denied).toBeInstanceOf(Error);

      const back = await signIn(server, {}, { username: 'alice', password: 'wonderland' });
      const tokens = await exchangeCode(server, back.searchParams.get('code') ?? '');
      expect(tokens.body.expires_in).toBe(120);
      expect(server.introspectAccessToken(field(tokens, 'access_token'))?.username).toBe('alice');
    } finally {
      await server.stop();
    }
  });

  it('refuses bad configuration when it starts', async () => {
    await expect(
      startHelloClaimsAuthorizationServer({ port: 0, clients: [{ ...demoClient, redirectUris: ['/relative'] }] }),
    ).rejects.toThrow(/not an absolute URL/);
    await expect(startHelloClaimsAuthorizationServer({ port: 0, codeLifetimeSeconds: 0 })).rejects.toThrow(/codeLifetimeSeconds/);
    await expect(startHelloClaimsAuthorizationServer({ port: 0, clients: [demoClient, demoClient] })).rejects.toThrow(/twice/);
  });
});

describe('createHelloClaimsAuthorization', () => {
  it('mounts into another node:http server and leaves other paths to it', async () => {
    const authorization = createHelloClaimsAuthorization();
    const host = createServer((request, response) => {
      void authorization.handle(request, response).then((handled) => {
        if (handled) return;
        // What a resource API mock would do: accept only tokens the authorization server issued.
        const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
        response.writeHead(authorization.isAccessTokenValid(token) ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      const server = { authorizeUrl: `${url}/login/broker`, tokenUrl: `${url}/login/token` };
      const tokens = await exchangeCode(server, await obtainCode(server));
      const api = (token: string) => fetch(`${url}/integrations/repairer/requests`, { headers: { Authorization: `Bearer ${token}` } });

      expect((await api(field(tokens, 'access_token'))).status).toBe(200);
      expect((await api('forged')).status).toBe(401);
    } finally {
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    }
  });
});
