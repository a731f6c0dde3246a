// The portal in a real browser (Debian's Chromium through playwright-core), against the local mocks:
// Prism for the three providers, the stateful Hello Claims login server and a stand-in journey page.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { findFreePort } from '@coverlink/mocks';
import { osiguSignatureHeader, signOsiguWebhook } from '@coverlink/osigu';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium.global-setup.js';
import type { RunningJourneyStandIn } from './journey-stand-in.js';
import { type LocalPortal, startLocalPortal } from './local-portal.js';

const webhookSecret = 'e2e-webhook-secret';
const resultsDirectory = fileURLToPath(new URL('../test-results/', import.meta.url));
const minimalPdf =
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

let browser: Browser;
let local: LocalPortal;
let portalUrl: string;
let journey: RunningJourneyStandIn;
let authorizationServer: RunningHelloClaimsAuthorizationServer;

beforeAll(async () => {
  // Each is kept as soon as it is up, so afterAll stops it even if the other fails to start.
  await Promise.all([
    findFreePort()
      .then((port) => startLocalPortal({ port, webhookSecret }))
      .then((started) => {
        local = started;
      }),
    chromium
      .launch({
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
      })
      .then((launched) => {
        browser = launched;
      }),
  ]);
  ({ url: portalUrl, journey, authorizationServer } = local);
});

afterAll(async () => {
  await browser?.close();
  await local?.stop();
});

/** A test in a fresh browser context (own cookies); on failure the page is saved to test-results/<name>.png. */
function browserTest(name: string, body: (page: Page, context: BrowserContext) => Promise<void>): void {
  it(name, async () => {
    const context = await browser.newContext();
    // Shorter than the test's own timeout, so a stuck step fails here (with a screenshot) first.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await body(page, context);
    } catch (error) {
      await mkdir(resultsDirectory, { recursive: true });
      const file = join(resultsDirectory, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
}

/** Logs in on the mock's login page and presses `decision`. */
async function decideOnLoginPage(page: Page, decision: 'allow' | 'deny'): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(authorizationServer.authorizeUrl));
  await page.fill('#username', 'demo');
  await page.fill('#password', 'demo');
  await page.click(`button[value=${decision}]`);
}

async function startConnecting(page: Page): Promise<void> {
  await page.goto(`${portalUrl}/`);
  await page.click('#home-helloclaims');
  await page.click('#helloclaims-connect');
}

describe('OneAssure', () => {
  browserTest('full-page redirect lands on the journey with a session token', async (page) => {
    await page.goto(`${portalUrl}/`);
    await page.click('#home-oneassure');
    await page.click('text=Continue (full page)');
    await page.waitForURL((url) => url.host === new URL(journey.journeyUrl).host);
    const landed = new URL(page.url());
    expect(landed.origin + landed.pathname).toBe(journey.journeyUrl);
    expect(landed.searchParams.get('session-token')).toMatch(/\S{10,}/);
    await expect(page.textContent('h1')).resolves.toBe('OneAssure health journey (mock)');
    await expect(page.textContent('#journey-session')).resolves.toBe('Session token received.');
    expect(await page.content()).not.toContain(landed.searchParams.get('session-token'));
  });

  browserTest('new-tab link opens the journey in a second tab', async (page, context) => {
    await page.goto(`${portalUrl}/oneassure`);
    const [tab] = await Promise.all([context.waitForEvent('page'), page.click('text=Continue (new tab)')]);
    await tab.waitForURL((url) => url.host === new URL(journey.journeyUrl).host);
    expect(new URL(tab.url()).searchParams.get('session-token')).toMatch(/\S{10,}/);
    expect(page.url()).toBe(`${portalUrl}/oneassure`);
  });

  browserTest('iframe mode embeds the journey URL', async (page) => {
    await page.goto(`${portalUrl}/oneassure`);
    await page.click('text=Continue (embedded)');
    const src = await page.getAttribute('iframe#oneassure-journey', 'src');
    expect(src).not.toBeNull();
    const framed = new URL(src ?? '');
    expect(framed.origin + framed.pathname).toBe(journey.journeyUrl);
    expect(framed.searchParams.get('session-token')).toMatch(/\S{10,}/);
    const frame = page.frameLocator('iframe#oneassure-journey');
    await expect(frame.locator('#journey-session').textContent()).resolves.toBe('Session token received.');
  });
});

describe('Hello Claims', () => {
  browserTest('connects through the login page, lists requests and rotates the refresh token', async (page, context) => {
    await startConnecting(page);
    await decideOnLoginPage(page, 'allow');
    await page.waitForURL(`${portalUrl}/helloclaims`);
    await expect(page.textContent('#helloclaims-status')).resolves.toBe('Connected');
    const requests = await page.textContent('#helloclaims-requests');
    expect(requests).toContain('CLM-2607-004512');

    const session = (await context.cookies(portalUrl)).find((cookie) => cookie.name === 'portal_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.value).toMatch(/^[\w-]{43}$/);

    await page.click('text=Refresh now');
    await page.waitForSelector('#helloclaims-rotation');
    const before = await page.textContent('#helloclaims-rotation .old');
    const after = await page.textContent('#helloclaims-rotation .new');
    expect(before).toMatch(/^…\S{4}$/);
    expect(after).toMatch(/^…\S{4}$/);
    expect(after).not.toBe(before);
    await expect(page.textContent('#helloclaims-requests')).resolves.toContain('CLM-2607-004512');
    // Another refresh rotates again, from the token the previous one stored.
    await page.click('text=Refresh now');
    await page.waitForSelector('#helloclaims-rotation');
    await expect(page.textContent('#helloclaims-rotation .old')).resolves.toBe(after);
  });

  browserTest('a callback with a tampered state shows the CSRF error page', async (page) => {
    // Keep the real callback from reaching the portal (an attacker would never see it): answer the
    // login form's POST ourselves, remembering where the login server redirected to.
    let realCallback: URL | undefined;
    await page.route(
      (url) => url.href.startsWith(authorizationServer.authorizeUrl),
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const response = await route.fetch({ maxRedirects: 0 });
        realCallback = new URL(response.headers().location ?? '', authorizationServer.url);
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<p id="held">held</p>' });
      },
    );
    await startConnecting(page);
    await decideOnLoginPage(page, 'allow');
    await page.waitForSelector('#held');
    await page.unrouteAll();
    expect(realCallback?.pathname).toBe('/helloclaims/callback');
    const code = realCallback?.searchParams.get('code');
    expect(code).toBeTruthy();

    const forged = await page.goto(`${portalUrl}/helloclaims/callback?code=${encodeURIComponent(code ?? '')}&state=forged-state`);
    expect(forged?.status()).toBe(400);
    await expect(page.textContent('h1')).resolves.toContain('CSRF');
    await expect(page.textContent('.message')).resolves.toContain('may be forged');
    await expect(page.textContent('.hint')).resolves.toContain('Start the authorization again');

    // The forged callback did not spend the real login: its callback still connects.
    await page.goto(realCallback?.href ?? '');
    await page.waitForURL(`${portalUrl}/helloclaims`);
    await expect(page.textContent('#helloclaims-status')).resolves.toBe('Connected');
  });

  browserTest('pressing Deny shows the access-denied page', async (page) => {
    await startConnecting(page);
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/helloclaims/callback'),
      decideOnLoginPage(page, 'deny'),
    ]);
    expect(response.status()).toBe(400);
    await expect(page.textContent('h1')).resolves.toBe('Access denied');
    await expect(page.textContent('.message')).resolves.toContain('access_denied');
    await expect(page.textContent('.hint')).resolves.toContain('The user declined');
    await page.goto(`${portalUrl}/helloclaims`);
    await expect(page.locator('#helloclaims-connect').count()).resolves.toBe(1);
  });
});

describe('OSIGU', () => {
  browserTest('the pre-authorization form returns the authorization code', async (page) => {
    await page.goto(`${portalUrl}/`);
    await page.click('#home-osigu');
    await page.fill('input[name=documentNumber]', '123456789');
    await page.selectOption('select[name=documentType]', 'CC');
    await page.setInputFiles('input[name=indication]', {
      name: 'indication.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(minimalPdf),
    });
    await page.click('#osigu-submit');
    await page.waitForURL(`${portalUrl}/osigu/preauthorize`);
    await expect(page.textContent('#osigu-authorizations')).resolves.toContain('AUTH-2026-001234');
    await expect(page.textContent('#osigu-status')).resolves.toContain('COMPLETED');
  });

  function deliver(body: string, signature: string): Promise<Response> {
    return fetch(`${portalUrl}/osigu/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [osiguSignatureHeader]: signature },
      body,
    });
  }

  function eventBody(eventId: string, authorizationCode: string): string {
    // Spacing a JSON serialiser would not reproduce: only a verifier over the raw body accepts it.
    return `{ "event_id": "${eventId}",  "event_type": "authorization.created", "created_at": "2026-06-01T10:00:00Z",
      "data": { "authorization_id": "aut_1", "authorization_code": "${authorizationCode}", "authorization_request_id": "areq_1",
        "beneficiary_id": "bnf_PRIVATE", "sponsor_slug": "sponsor-sandbox", "product_type": "MEDICATION", "products": [] } }`;
  }

  browserTest('a signed webhook is accepted and listed; a wrongly signed one is refused', async (page) => {
    const genuine = eventBody('evt_e2e_genuine', 'AUTH-2026-777001');
    const accepted = await deliver(genuine, await signOsiguWebhook(genuine, webhookSecret));
    expect(accepted.status).toBe(204);

    const forgedBody = eventBody('evt_e2e_forged', 'AUTH-2026-666666');
    const refused = await deliver(forgedBody, await signOsiguWebhook(forgedBody, 'not-the-secret'));
    expect(refused.status).toBe(401);
    const tampered = await deliver(forgedBody, await signOsiguWebhook(genuine, webhookSecret));
    expect(tampered.status).toBe(401);

    await page.goto(`${portalUrl}/osigu/events`);
    const events = await page.textContent('#osigu-events');
    expect(events).toContain('authorization.created');
    expect(events).toContain('evt_e2e_genuine');
    expect(events).toContain('AUTH-2026-777001');
    const content = await page.content();
    expect(content).not.toContain('evt_e2e_forged');
    expect(content).not.toContain('AUTH-2026-666666');
    expect(content).not.toContain('bnf_PRIVATE');
  });
});
