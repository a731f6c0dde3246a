// The portal without a browser: HTML escaping, the webhook's raw-body verification, input errors,
// session cookies and the stand-in journey page. Nothing here reaches a provider.
import { osiguSignatureHeader, signOsiguWebhook } from '@coverlink/osigu';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.js';
import { startJourneyStandIn } from './journey-stand-in.js';
import { createPortal } from './portal.js';

const secret = 'unit-webhook-secret';
let portal: FastifyInstance;

beforeAll(async () => {
  // Port 9 of loopback: nothing listens; these tests never reach a provider.
  const nowhere = 'http://127.0.0.1:9';
  portal = await createPortal({
    oneAssure: { clientId: 'c', clientSecret: 's', tokenUrl: `${nowhere}/v1/auth/token`, journeyUrl: `${nowhere}/health` },
    helloClaims: {
      clientId: 'c',
      clientSecret: 's',
      redirectUri: 'http://127.0.0.1:3000/helloclaims/callback',
      scopes: ['requests'],
      authorizationUrl: `${nowhere}/login/broker`,
      tokenUrl: `${nowhere}/login/token`,
      baseUrl: nowhere,
    },
    osigu: { clientId: 'c', clientSecret: 's', baseUrl: nowhere, webhookSecrets: ['old-secret', secret] },
  });
});

afterAll(() => portal.close());

describe('html', () => {
  it('escapes every interpolated value, keeps nested markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const name = '<script>alert(1)</script>';
    expect(html`<p title="${name}">${[html`<b>${name}</b>`, 1]}${undefined}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;"><b>&lt;script&gt;alert(1)&lt;/script&gt;</b>1</p>',
    );
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, and set once per browser', async () => {
    const first = await portal.inject({ method: 'GET', url: '/' });
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/^portal_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = setCookie.split(';')[0] ?? '';
    const second = await portal.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(second.headers['set-cookie']).toBeUndefined();
    const unknown = await portal.inject({ method: 'GET', url: '/', headers: { cookie: 'portal_session=made-up' } });
    expect(String(unknown.headers['set-cookie'])).not.toContain('made-up');
  });
});

describe('POST /osigu/webhooks', () => {
  const body = `{"event_id":"evt_unit_1",   "event_type":"authorization.created","created_at":"2026-06-01T10:00:00Z","data":{"authorization_code":"AUTH-UNIT-1","beneficiary_id":"bnf_SECRET"}}`;
  const deliver = (payload: string, headers: Record<string, string>) =>
    portal.inject({ method: 'POST', url: '/osigu/webhooks', payload, headers: { 'content-type': 'application/json', ...headers } });

  it('accepts a delivery signed over the raw body (any configured secret), once per event id', async () => {
    expect((await deliver(body, { [osiguSignatureHeader]: await signOsiguWebhook(body, secret) })).statusCode).toBe(204);
    expect((await deliver(body, { [osiguSignatureHeader]: await signOsiguWebhook(body, 'old-secret') })).statusCode).toBe(204);
    const page = await portal.inject({ method: 'GET', url: '/osigu/events' });
    expect(page.body.match(/evt_unit_1/g)).toHaveLength(1);
    expect(page.body).toContain('AUTH-UNIT-1');
    expect(page.body).not.toContain('bnf_SECRET');
  });

  it('answers 401 to a missing, malformed, stale or wrong signature, and to a changed body', async () => {
    const other = body.replace('evt_unit_1', 'evt_unit_2');
    const stale = await signOsiguWebhook(other, secret, Math.floor(Date.now() / 1000) - 3600);
    const attempts: Array<Record<string, string>> = [
      {},
      { [osiguSignatureHeader]: 'garbage' },
      { [osiguSignatureHeader]: stale },
      { [osiguSignatureHeader]: await signOsiguWebhook(other, 'wrong') },
      { [osiguSignatureHeader]: await signOsiguWebhook(JSON.stringify(JSON.parse(other)), secret) },
    ];
    for (const headers of attempts) {
      expect((await deliver(other, headers)).statusCode).toBe(401);
    }
    expect((await portal.inject({ method: 'GET', url: '/osigu/events' })).body).not.toContain('evt_unit_2');
  });

  it('answers 401 to a signed body that is not an OSIGU event', async () => {
    const notAnEvent = '{"hello":"world"}';
    expect((await deliver(notAnEvent, { [osiguSignatureHeader]: await signOsiguWebhook(notAnEvent, secret) })).statusCode).toBe(401);
  });
});

describe('error pages', () => {
  it('a callback without a connection in progress is a 400 page', async () => {
    const response = await portal.inject({ method: 'GET', url: '/helloclaims/callback?code=x&state=y' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('No Hello Claims connection is in progress');
  });

  it('a pre-authorization without the indication file is a 400 page naming the missing part', async () => {
    const boundary = '----portal-unit';
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = `${field('sponsor', 'sponsor-sandbox')}${field('documentType', 'CC')}${field('documentNumber', '1')}${field('diagnosis', 'R51')}${field('productCode', 'MED-042')}${field('quantity', '1')}${field('posology', 'x')}--${boundary}--\r\n`;
    const response = await portal.inject({
      method: 'POST',
      url: '/osigu/preauthorize',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Attach the indication');
  });

  it('unknown paths are a 404 page', async () => {
    expect((await portal.inject({ method: 'GET', url: '/nope' })).statusCode).toBe(404);
  });
});

describe('the stand-in journey page', () => {
  it('says whether a session token arrived, never what it is', async () => {
    const journey = await startJourneyStandIn();
    try {
      const withToken = await fetch(`${journey.journeyUrl}?session-token=tok-${'x'.repeat(20)}`).then((response) => response.text());
      expect(withToken).toContain('OneAssure health journey (mock)');
      expect(withToken).toContain('Session token received.');
      expect(withToken).not.toContain('tok-');
      expect(await fetch(journey.journeyUrl).then((response) => response.text())).toContain('No session token received.');
    } finally {
      await journey.stop();
    }
  });
});
