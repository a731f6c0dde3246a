// A scripted browser for the mock's login page: what tests and the demo use to "log in" without a
// person, exactly as a browser would (cookies kept, the form's hidden fields posted back).
import { demoUser } from './config.js';

/** The hidden fields and action of the first form of a page. */
export function readForm(html: string): { action: string; method: string; hiddenFields: Record<string, string> } {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (form === null) throw new Error(`The page has no form:\n${html}`);
  const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  const hiddenFields: Record<string, string> = {};
  for (const input of (form[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
    if (attribute(input[0], 'type') !== 'hidden') continue;
    const name = attribute(input[0], 'name');
    if (name !== undefined) hiddenFields[name] = attribute(input[0], 'value') ?? '';
  }
  return {
    action: attribute(form[1] ?? '', 'action') ?? '',
    method: (attribute(form[1] ?? '', 'method') ?? 'get').toLowerCase(),
    hiddenFields,
  };
}

/**
 * A minimal browser: follows nothing by itself (`redirect: 'manual'`), so the test sees each redirect, and keeps the
 * cookies the server sets, as a browser would between the login page and its form post.
 */
export class ScriptedBrowser {
  readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.#remember(await fetch(url, { redirect: 'manual', headers: this.#cookieHeader() }));
  }

  /** Submits the page's form with its hidden fields plus `fields` (the typed values and the button pressed). */
  async submit(pageUrl: string, html: string, fields: Record<string, string>): Promise<Response> {
    const form = readForm(html);
    const response = await fetch(new URL(form.action, pageUrl), {
      method: form.method.toUpperCase(),
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...this.#cookieHeader() },
      body: new URLSearchParams({ ...form.hiddenFields, ...fields }),
    });
    return this.#remember(response);
  }

  #cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }

  #remember(response: Response): Response {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const expired = attributes.some((attribute) => attribute.trim().toLowerCase() === 'max-age=0');
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(separator + 1).trim());
    }
    return response;
  }
}

/**
 * Opens an authorize URL of this mock, signs in on its login page and presses Allow (or Deny), as a
 * person in a browser would. Resolves to the redirect back to the client: the callback URL with
 * `code` and `state`, or with `error`.
 *
 * @param authorizationUrl The URL a Coverlink client's `createAuthorizationRequest()` returned.
 * @param answer Who signs in (default the demo user) and what they decide (default allow).
 */
export async function logInAt(
  authorizationUrl: string | URL,
  answer: { username?: string; password?: string; decision?: 'allow' | 'deny' } = {},
): Promise<URL> {
  const browser = new ScriptedBrowser();
  const url = String(authorizationUrl);
  const page = await browser.get(url);
  if (page.status !== 200) throw new Error(`The login page answered ${page.status}: ${await page.text()}`);
  const response = await browser.submit(url, await page.text(), {
    username: answer.username ?? demoUser.username,
    password: answer.password ?? demoUser.password,
    decision: answer.decision ?? 'allow',
  });
  const location = response.headers.get('location');
  if (response.status !== 303 || location === null) throw new Error(`The login form answered ${response.status}: ${await response.text()}`);
  return new URL(location);
}
