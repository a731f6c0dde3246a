import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningHelloClaimsAuthorizationServer, startHelloClaimsAuthorizationServer } from './authorization-server.js';
import { demoClient } from './config.js';
import {
  basic,
  exchangeCode,
  field,
  manualClock,
  obtainCode,
  pkcePair,
  postToken,
  refresh,
  type TokenAnswer,
} from './oauth-flow.test-support.js';
import { formatHelloClaimsDate } from './token-endpoint-handler.js';

const redirectUri = demoClient.redirectUris[0];
const netDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/;
const otherClient = { clientId: 'other-app', clientSecret: 'other-secret', redirectUris: [redirectUri] };

function expectError(answer: TokenAnswer, status: number, error: string): void {
  expect({ status: answer.status, error: answer.body.error }).toEqual({ status, error });
  expect(typeof answer.body.error_description).toBe('string');
  expect(answer.headers.get('cache-control')).toBe('no-store');
}

describe('POST /login/token', () => {
  let clock: ReturnType<typeof manualClock>;
  let server: RunningHelloClaimsAuthorizationServer;
  beforeEach(async () => {
    clock = manualClock();
    server = await startHelloClaimsAuthorizationServer({ port: 0, now: clock.now, clients: [demoClient, otherClient] });
  });
  afterEach(() => server.stop());

  it('runs the documented flow: code → tokens → rotating refresh', async () => {
    const code = await obtainCode(server);
    const first = await exchangeCode(server, code);

    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(first.body)).toEqual([
      'access_token',
      'token_type',
      'expires_in',
      'refresh_token',
      '.expires',
      '.refresh',
      '.issued',
    ]);
    expect(first.body).toMatchObject({ token_type: 'bearer', expires_in: 1800, '.refresh': 'True' });
    expect(field(first, 'access_token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(field(first, 'refresh_token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(field(first, '.issued')).toMatch(netDate);
    expect(field(first, '.expires')).toMatch(netDate);
    expect(field(first, '.issued')).toBe(formatHelloClaimsDate(clock.now()));
    expect(Date.parse(field(first, '.expires')) - Date.parse(field(first, '.issued'))).toBe(1800 * 1000);
    expect(server.isAccessTokenValid(field(first, 'access_token'))).toBe(true);

    clock.advanceSeconds(600);
    const second = await refresh(server, field(first, 'refresh_token'));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ token_type: 'bearer', expires_in: 1800, '.refresh': 'True' });
    expect(field(second, 'access_token')).not.toBe(field(first, 'access_token'));
    expect(field(second, 'refresh_token')).not.toBe(field(first, 'refresh_token'));
    expect(field(second, '.issued')).toBe(formatHelloClaimsDate(clock.now()));

    const reused = await refresh(server, field(first, 'refresh_token'));
    expectError(reused, 400, 'invalid_grant');

    const third = await refresh(server, field(second, 'refresh_token'));
    expect(third.status).toBe(200);
    expect(field(third, 'refresh_token')).not.toBe(field(second, 'refresh_token'));
    expect(server.stats()).toMatchObject({ codesIssued: 1, codesRedeemed: 1, refreshesPerformed: 2 });
    expect(server.stats().invalidGrant.refresh_token_reused).toBe(1);
    // Without reuse detection, a reuse leaves the family alone: only the newest refresh token is active.
    expect(server.stats().familiesRevoked).toBe(0);
    expect([first, second, third].map((answer) => server.refreshTokenState(field(answer, 'refresh_token')))).toEqual([
      'rotated',
      'rotated',
      'active',
    ]);
    expect(server.refreshTokenState('never-issued')).toBe('unknown');
    clock.advanceSeconds(86_400);
    expect(server.refreshTokenState(field(third, 'refresh_token'))).toBe('expired');
  });

  it('refuses a reused code with invalid_grant and revokes the tokens issued from it, refreshed ones included', async () => {
    const code = await obtainCode(server);
    const first = await exchangeCode(server, code);
    const refreshed = await refresh(server, field(first, 'refresh_token'));
    expect(refreshed.status).toBe(200);

    expectError(await exchangeCode(server, code), 400, 'invalid_grant');

    expect(server.isAccessTokenValid(field(first, 'access_token'))).toBe(false);
    expect(server.isAccessTokenValid(field(refreshed, 'access_token'))).toBe(false);
    expectError(await refresh(server, field(refreshed, 'refresh_token')), 400, 'invalid_grant');
    expect(server.stats().invalidGrant).toMatchObject({ code_reused: 1, refresh_token_revoked: 1 });
    expect(server.stats().tokensRevoked).toBe(3);
  });

  it('accepts a code until 60 s and refuses it after (invalid_grant)', async () => {
    const early = await obtainCode(server);
    const late = await obtainCode(server);
    clock.advanceSeconds(59);
    expect((await exchangeCode(server, early)).status).toBe(200);
    clock.advanceSeconds(1);
    expectError(await exchangeCode(server, late), 400, 'invalid_grant');
    expect(server.stats().invalidGrant.code_expired).toBe(1);
  });

  it('uses a configured code lifetime', async () => {
    const quick = await startHelloClaimsAuthorizationServer({ port: 0, now: clock.now, codeLifetimeSeconds: 1 });
    try {
      const code = await obtainCode(quick);
      clock.advanceSeconds(1);
      expectError(await exchangeCode(quick, code), 400, 'invalid_grant');
    } finally {
      await quick.stop();
    }
  });

  it('refuses a redirect_uri that differs from the authorize request (invalid_grant), and requires one (invalid_request)', async () => {
    const code = await obtainCode(server);
    expectError(await exchangeCode(server, code, { redirect_uri: 'http://localhost:9999' }), 400, 'invalid_grant');
    expectError(await postToken(server, { grant_type: 'authorization_code', code }), 400, 'invalid_request');
    expect(server.stats().invalidGrant.redirect_uri_mismatch).toBe(1);
    // A refused attempt does not use the code up.
    expect((await exchangeCode(server, code)).status).toBe(200);
  });

  it('refuses a code issued to another client (invalid_grant) without revoking anything', async () => {
    const code = await obtainCode(server);
    const stolen = await postToken(
      server,
      { grant_type: 'authorization_code', code, redirect_uri: redirectUri },
      basic('other-app', 'other-secret'),
    );
    expectError(stolen, 400, 'invalid_grant');
    expect(server.stats().invalidGrant.code_client_mismatch).toBe(1);
    expect((await exchangeCode(server, code)).status).toBe(200);
  });

  it('refuses an unknown code with invalid_grant', async () => {
    expectError(await exchangeCode(server, 'no-such-code'), 400, 'invalid_grant');
    expect(server.stats().invalidGrant.code_unknown).toBe(1);
  });

  describe('client authentication', () => {
    it('answers a wrong secret with 401 invalid_client and a Basic challenge', async () => {
      const code = await obtainCode(server);
      const answer = await postToken(
        server,
        { grant_type: 'authorization_code', code, redirect_uri: redirectUri },
        basic(demoClient.clientId, 'wrong'),
      );

      expectError(answer, 401, 'invalid_client');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="Hello Claims"/);
      expect(server.stats().invalidClient).toBe(1);
      // The code survives a failed client authentication.
      expect((await exchangeCode(server, code)).status).toBe(200);
    });

    it.each([
      ['an unknown client', basic('nobody', 'x')],
      ['no Authorization header', null],
      ['another scheme', 'Bearer abc'],
      ['Basic without a colon', `Basic ${Buffer.from('coverlink-demo').toString('base64')}`],
    ])('answers %s with 401 invalid_client', async (_case, authorization) => {
      const answer = await postToken(server, { grant_type: 'client_credentials' }, authorization);
      expectError(answer, 401, 'invalid_client');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Basic/);
    });

    it('accepts client_secret_post, and refuses Basic and a body secret together (invalid_request)', async () => {
      const code = await obtainCode(server);
      const posted = await postToken(
        server,
        {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          client_id: demoClient.clientId,
          client_secret: demoClient.clientSecret,
        },
        null,
      );
      expect(posted.status).toBe(200);

      const both = await postToken(server, { grant_type: 'client_credentials', client_secret: demoClient.clientSecret });
      expectError(both, 400, 'invalid_request');
    });

    it("accepts the doc's plain base64(id:secret) and the RFC 6749 form-encoded variant for a secret with reserved characters", async () => {
      const secret = 'p+ss:w%rd é';
      const special = await startHelloClaimsAuthorizationServer({
        port: 0,
        clients: [{ clientId: 'special', clientSecret: secret, redirectUris: [redirectUri] }],
      });
      try {
        const plain = await postToken(special, { grant_type: 'client_credentials' }, basic('special', secret));
        const formEncoded = await postToken(special, { grant_type: 'client_credentials' }, basic('special', encodeURIComponent(secret)));
        expect([plain.status, formEncoded.status]).toEqual([200, 200]);
      } finally {
        await special.stop();
      }
    });
  });

  describe('PKCE', () => {
    it('accepts the right S256 verifier', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await obtainCode(server, { code_challenge: challenge, code_challenge_method: 'S256' });
      expect((await exchangeCode(server, code, { code_verifier: verifier })).status).toBe(200);
    });

    it('refuses a wrong or missing verifier with invalid_grant', async () => {
      const { challenge } = pkcePair();
      const wrong = await obtainCode(server, { code_challenge: challenge, code_challenge_method: 'S256' });
      const missing = await obtainCode(server, { code_challenge: challenge, code_challenge_method: 'S256' });

      expectError(await exchangeCode(server, wrong, { code_verifier: pkcePair().verifier }), 400, 'invalid_grant');
      expectError(await exchangeCode(server, missing), 400, 'invalid_grant');
      expect(server.stats().invalidGrant).toMatchObject({ pkce_verifier_mismatch: 1, pkce_verifier_missing: 1 });
    });

    it('supports plain, which is the default method when none is given (RFC 7636 §4.3)', async () => {
      const { verifier } = pkcePair();
      const code = await obtainCode(server, { code_challenge: verifier });
      expectError(await exchangeCode(server, code, { code_verifier: pkcePair().verifier }), 400, 'invalid_grant');
      expect((await exchangeCode(server, code, { code_verifier: verifier })).status).toBe(200);
    });

    it('needs no verifier without a challenge, and refuses a verifier that has no challenge (PKCE downgrade, RFC 9700)', async () => {
      expect((await exchangeCode(server, await obtainCode(server))).status).toBe(200);
      expectError(await exchangeCode(server, await obtainCode(server), { code_verifier: pkcePair().verifier }), 400, 'invalid_grant');
      expect(server.stats().invalidGrant.pkce_verifier_unexpected).toBe(1);
    });
  });

  describe('refresh tokens', () => {
    it('refuses an expired refresh token; each rotation starts a new 24 h lifetime', async () => {
      const first = await exchangeCode(server, await obtainCode(server));
      clock.advanceSeconds(86_399);
      const second = await refresh(server, field(first, 'refresh_token'));
      expect(second.status).toBe(200);

      clock.advanceSeconds(86_399);
      const third = await refresh(server, field(second, 'refresh_token'));
      expect(third.status).toBe(200);

      clock.advanceSeconds(86_400);
      expectError(await refresh(server, field(third, 'refresh_token')), 400, 'invalid_grant');
      expect(server.stats().invalidGrant.refresh_token_expired).toBe(1);
    });

    it('refuses a refresh token of another client, an unknown one, and a different redirect_uri (invalid_grant)', async () => {
      const tokens = await exchangeCode(server, await obtainCode(server));
      const refreshToken = field(tokens, 'refresh_token');

      const otherClientAnswer = await postToken(
        server,
        { grant_type: 'refresh_token', refresh_token: refreshToken, redirect_uri: redirectUri },
        basic('other-app', 'other-secret'),
      );
      expectError(otherClientAnswer, 400, 'invalid_grant');
      expectError(await refresh(server, 'no-such-token'), 400, 'invalid_grant');
      const otherRedirect = await postToken(server, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        redirect_uri: 'http://localhost:9999',
      });
      expectError(otherRedirect, 400, 'invalid_grant');
      expect(server.stats().invalidGrant).toMatchObject({
        refresh_token_client_mismatch: 1,
        refresh_token_unknown: 1,
        redirect_uri_mismatch: 1,
      });

      // The doc's refresh "will need to contain" redirect_uri (RFC 6749 §6 has none): without it, invalid_request.
      const withoutRedirect = await postToken(server, { grant_type: 'refresh_token', refresh_token: refreshToken });
      expectError(withoutRedirect, 400, 'invalid_request');
      expect(withoutRedirect.body).toMatchObject({ error_description: 'redirect_uri is required.' });
      // The refusal does not use the refresh token up.
      expect(server.refreshTokenState(refreshToken)).toBe('active');
    });

    it('with revokeOnRefreshTokenReuse, a reuse also revokes the tokens that replaced it', async () => {
      const strict = await startHelloClaimsAuthorizationServer({ port: 0, now: clock.now, revokeOnRefreshTokenReuse: true });
      try {
        const first = await exchangeCode(strict, await obtainCode(strict));
        const second = await refresh(strict, field(first, 'refresh_token'));

        expectError(await refresh(strict, field(first, 'refresh_token')), 400, 'invalid_grant');
        expectError(await refresh(strict, field(second, 'refresh_token')), 400, 'invalid_grant');
        expect(strict.isAccessTokenValid(field(second, 'access_token'))).toBe(false);
        expect(strict.stats().invalidGrant).toMatchObject({ refresh_token_reused: 1, refresh_token_revoked: 1 });
        expect(strict.stats()).toMatchObject({ familiesRevoked: 1, valid: { refreshTokens: 0 } });
        expect(strict.refreshTokenState(field(first, 'refresh_token'))).toBe('rotated');
        expect(strict.refreshTokenState(field(second, 'refresh_token'))).toBe('revoked');
      } finally {
        await strict.stop();
      }
    });
  });

  it('issues an access token without a refresh token for client_credentials, as the doc sends it', async () => {
    const answer = await postToken(
      server,
      {
        grant_type: 'client_credentials',
        client_id: demoClient.clientId,
        client_secret: demoClient.clientSecret,
        redirect_uri: redirectUri,
      },
      null,
    );

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'bearer', expires_in: 1800, '.refresh': 'False' });
    expect(answer.body).not.toHaveProperty('refresh_token');
    expect(server.introspectAccessToken(field(answer, 'access_token'))).toMatchObject({
      clientId: demoClient.clientId,
      username: undefined,
    });
    expect(server.stats()).toMatchObject({ clientCredentialsGrants: 1, refreshTokensIssued: 0 });
  });

  it('expires access tokens after 30 minutes by the injected clock', async () => {
    const tokens = await exchangeCode(server, await obtainCode(server, { scope: 'requests' }));
    const accessToken = field(tokens, 'access_token');
    expect(server.introspectAccessToken(accessToken)).toEqual({
      clientId: demoClient.clientId,
      username: 'demo',
      scopes: ['requests'],
      issuedAt: clock.now(),
      expiresAt: clock.now() + 1_800_000,
    });
    clock.advanceSeconds(1799);
    expect(server.isAccessTokenValid(accessToken)).toBe(true);
    clock.advanceSeconds(1);
    expect(server.isAccessTokenValid(accessToken)).toBe(false);
    expect(server.isAccessTokenValid('made-up')).toBe(false);
  });

  it('answers malformed requests with invalid_request and unknown grants with unsupported_grant_type', async () => {
    expectError(await postToken(server, { grant_type: 'password', username: 'demo', password: 'demo' }), 400, 'unsupported_grant_type');
    expectError(await postToken(server, {}), 400, 'invalid_request');
    expectError(await postToken(server, { grant_type: 'refresh_token' }), 400, 'invalid_request');
    expectError(await postToken(server, { grant_type: 'authorization_code', redirect_uri: redirectUri }), 400, 'invalid_request');

    const json = await fetch(server.tokenUrl, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });

    const repeated = await fetch(server.tokenUrl, {
      method: 'POST',
      headers: { Authorization: basic(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&grant_type=client_credentials',
    });
    expect(repeated.status).toBe(400);

    const get = await fetch(server.tokenUrl);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});
