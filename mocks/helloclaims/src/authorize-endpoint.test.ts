import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningHelloClaimsAuthorizationServer, startHelloClaimsAuthorizationServer } from './authorization-server.js';
import { demoClient } from './config.js';
import { authorizeUrl, location, manualClock, obtainCode, pkcePair, signIn } from './oauth-flow.test-support.js';
import { readForm, ScriptedBrowser } from './scripted-login.js';

const redirectUri = demoClient.redirectUris[0];

describe('GET /login/broker and the login page', () => {
  let server: RunningHelloClaimsAuthorizationServer;
  beforeEach(async () => {
    server = await startHelloClaimsAuthorizationServer({ port: 0 });
  });
  afterEach(() => server.stop());

  it('shows a login form with username, password and Allow / Deny, bound to the browser by a cookie', async () => {
    const browser = new ScriptedBrowser();
    const response = await browser.get(authorizeUrl(server));
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(html).toMatch(/<input id="username" name="username"/);
    expect(html).toMatch(/<input id="password" name="password" type="password"/);
    expect(html).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
    expect(html).toContain('value="deny" formnovalidate>Deny</button>');
    expect(readForm(html)).toMatchObject({ action: '/login/broker', method: 'post' });
    expect(browser.cookies.size).toBe(1);
  });

  it('redirects to the redirect URI with a code and exactly the state that was sent', async () => {
    const state = 'a b&c=d/é?%+#x';
    const back = await signIn(server, { state });

    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(back.searchParams.getAll('state')).toEqual([state]);
  });

  it('leaves state out of the redirect when the request had none (state is optional)', async () => {
    const back = await signIn(server, { state: undefined });

    expect(back.searchParams.get('code')).not.toBeNull();
    expect(back.searchParams.has('state')).toBe(false);
  });

  it('accepts the documented default redirect URI http://localhost:9999, with or without the trailing slash', async () => {
    for (const uri of ['http://localhost:9999', 'http://localhost:9999/']) {
      const back = await signIn(server, { redirect_uri: uri });
      expect(back.origin).toBe('http://localhost:9999');
      expect(back.searchParams.get('code')).not.toBeNull();
    }
  });

  it('redirects "Deny" with error=access_denied and the state, and no code', async () => {
    const back = await signIn(server, { state: 'deny-me' }, { username: '', password: '', decision: 'deny' });

    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('deny-me');
    expect(back.searchParams.has('code')).toBe(false);
    expect(server.stats()).toMatchObject({ accessDenied: 1, codesIssued: 0 });
  });

  it('shows the page again after a wrong password, and then accepts the right one', async () => {
    const browser = new ScriptedBrowser();
    const url = authorizeUrl(server);
    const page = await (await browser.get(url)).text();

    const retry = await browser.submit(url, page, { username: 'demo', password: 'wrong', decision: 'allow' });
    const retryPage = await retry.text();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('location')).toBeNull();
    expect(retryPage).toContain('The username or password is incorrect.');

    const done = await browser.submit(url, retryPage, { username: 'demo', password: 'demo', decision: 'allow' });
    expect(done.status).toBe(303);
    expect(location(done).searchParams.get('code')).not.toBeNull();
    expect(server.stats()).toMatchObject({ loginsFailed: 1, loginsSucceeded: 1, codesIssued: 1 });
  });

  it('refuses a login form posted without the login cookie (login CSRF) or after the login request expired', async () => {
    const clock = manualClock();
    const timed = await startHelloClaimsAuthorizationServer({ port: 0, now: clock.now, loginRequestLifetimeSeconds: 60 });
    try {
      const url = authorizeUrl(timed);
      const browser = new ScriptedBrowser();
      const page = await (await browser.get(url)).text();
      const stranger = new ScriptedBrowser();
      const forged = await stranger.submit(url, page, { username: 'demo', password: 'demo', decision: 'allow' });
      expect(forged.status).toBe(400);
      expect(forged.headers.get('location')).toBeNull();

      clock.advanceSeconds(60);
      const late = await browser.submit(url, page, { username: 'demo', password: 'demo', decision: 'allow' });
      expect(late.status).toBe(400);
      expect(await late.text()).toContain('This sign-in has expired');
      expect(timed.stats().codesIssued).toBe(0);
    } finally {
      await timed.stop();
    }
  });

  it('accepts a login request only once', async () => {
    const browser = new ScriptedBrowser();
    const url = authorizeUrl(server);
    const page = await (await browser.get(url)).text();
    const cookies = new Map(browser.cookies);
    expect((await browser.submit(url, page, { username: 'demo', password: 'demo', decision: 'allow' })).status).toBe(303);

    for (const [name, value] of cookies) browser.cookies.set(name, value);
    const again = await browser.submit(url, page, { username: 'demo', password: 'demo', decision: 'allow' });
    expect(again.status).toBe(400);
    expect(server.stats().codesIssued).toBe(1);
  });
});

describe('GET /login/broker refusals', () => {
  let server: RunningHelloClaimsAuthorizationServer;
  beforeEach(async () => {
    server = await startHelloClaimsAuthorizationServer({
      port: 0,
      clients: [demoClient, { clientId: 'tenant-app', clientSecret: 's', redirectUris: ['https://app.example/cb?tenant=7'] }],
    });
  });
  afterEach(() => server.stop());

  it.each([
    ['an unregistered redirect URI', { redirect_uri: 'https://evil.example/steal' }],
    ['a registered origin with another path', { redirect_uri: 'http://127.0.0.1:9999/callback/../other' }],
    ['a registered URI plus a prefix-matching suffix', { redirect_uri: `${redirectUri}x` }],
    ['no redirect URI', { redirect_uri: undefined }],
    ['an unknown client', { client_id: 'nobody' }],
    ['no client_id', { client_id: undefined }],
  ])('answers %s with a 400 page and never redirects', async (_case, overrides) => {
    const response = await new ScriptedBrowser().get(authorizeUrl(server, overrides));

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('This sign-in link is not valid');
  });

  it('redirects a missing or unsupported response_type with unsupported_response_type and the state', async () => {
    for (const responseType of [undefined, 'token', 'code id_token']) {
      const response = await new ScriptedBrowser().get(authorizeUrl(server, { response_type: responseType, state: 'st' }));
      const back = location(response);

      expect(response.status).toBe(302);
      expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
      expect(back.searchParams.get('error')).toBe('unsupported_response_type');
      expect(back.searchParams.get('state')).toBe('st');
    }
  });

  it('redirects a request without scope with invalid_scope (the doc marks scope as required)', async () => {
    const back = location(await new ScriptedBrowser().get(authorizeUrl(server, { scope: undefined })));

    expect(back.searchParams.get('error')).toBe('invalid_scope');
    expect(back.searchParams.get('state')).toBe('state-1');
  });

  it('redirects a malformed PKCE request with invalid_request', async () => {
    const { challenge } = pkcePair();
    for (const overrides of [
      { code_challenge: challenge, code_challenge_method: 'S512' },
      { code_challenge: 'short' },
      { code_challenge_method: 'S256' },
    ]) {
      const back = location(await new ScriptedBrowser().get(authorizeUrl(server, overrides)));
      expect(back.searchParams.get('error')).toBe('invalid_request');
    }
  });

  it('redirects a repeated parameter with invalid_request; a repeated redirect_uri gets the page instead', async () => {
    const repeatedScope = `${authorizeUrl(server)}&scope=again`;
    expect(location(await new ScriptedBrowser().get(repeatedScope)).searchParams.get('error')).toBe('invalid_request');

    const repeatedRedirect = `${authorizeUrl(server)}&redirect_uri=${encodeURIComponent('https://evil.example/')}`;
    const response = await new ScriptedBrowser().get(repeatedRedirect);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('keeps the query of a registered redirect URI and adds code and state to it', async () => {
    const back = await signIn(server, { client_id: 'tenant-app', redirect_uri: 'https://app.example/cb?tenant=7', state: 's1' });

    expect(`${back.origin}${back.pathname}`).toBe('https://app.example/cb');
    expect(back.searchParams.get('tenant')).toBe('7');
    expect(back.searchParams.get('state')).toBe('s1');
    expect(back.searchParams.get('code')).not.toBeNull();
  });

  it('issues a fresh, different code per login', async () => {
    const first = await obtainCode(server);
    const second = await obtainCode(server);
    expect(first).not.toBe(second);
  });
});

describe('login page escaping', () => {
  it('escapes the client name, the scopes and the redirect URI in the pages: no XSS', async () => {
    const markup = '<img src=x onerror=alert(1)>"\'&';
    const server = await startHelloClaimsAuthorizationServer({
      port: 0,
      clients: [{ clientId: 'x', clientSecret: 'y', redirectUris: ['http://127.0.0.1:9999/callback'], name: markup }],
    });
    try {
      const page = await (
        await new ScriptedBrowser().get(authorizeUrl(server, { client_id: 'x', scope: `<script>alert(1)</script> "><b>` }))
      ).text();
      expect(page).not.toContain('<img');
      expect(page).not.toContain('<script>');
      expect(page).not.toContain('"><b>');
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

      const errorPage = await (
        await new ScriptedBrowser().get(authorizeUrl(server, { client_id: 'x', redirect_uri: 'https://e.example/"><script>x</script>' }))
      ).text();
      expect(errorPage).not.toContain('<script>');
      expect(errorPage).toContain('&lt;script&gt;');

      const unknownClient = await (await new ScriptedBrowser().get(authorizeUrl(server, { client_id: '<svg onload=alert(1)>' }))).text();
      expect(unknownClient).not.toContain('<svg');
    } finally {
      await server.stop();
    }
  });

  it('does not put the state into the page at all (it lives on the server until the redirect)', async () => {
    const server = await startHelloClaimsAuthorizationServer({ port: 0 });
    try {
      const page = await (await new ScriptedBrowser().get(authorizeUrl(server, { state: 'unique-state-marker' }))).text();
      expect(page).not.toContain('unique-state-marker');
    } finally {
      await server.stop();
    }
  });
});
