// Helpers for the tests of this package: a movable clock, a scripted browser that fills in the login page, and token
// requests as the Hello Claims document writes them. Not exported from index.ts.
import { createHash, randomBytes } from 'node:crypto';
import { demoClient } from './config.js';
import { logInAt } from './scripted-login.js';

/** A clock the test moves by hand; starts at a fixed instant on a whole second. */
export function manualClock(start = Date.parse('2025-03-01T00:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advanceSeconds(seconds: number) {
      now += seconds * 1000;
    },
  };
}

/** Authorize-request parameters; `undefined` leaves a parameter out. */
export interface AuthorizeParameters {
  response_type?: string | undefined;
  client_id?: string | undefined;
  redirect_uri?: string | undefined;
  scope?: string | undefined;
  state?: string | undefined;
  code_challenge?: string | undefined;
  code_challenge_method?: string | undefined;
}

/** The doc's authorize URL for the demo client, with `overrides` applied. */
export function authorizeUrl(server: { authorizeUrl: string }, overrides: AuthorizeParameters = {}): string {
  const parameters: AuthorizeParameters = {
    response_type: 'code',
    client_id: demoClient.clientId,
    redirect_uri: demoClient.redirectUris[0],
    scope: 'requests quotes',
    state: 'state-1',
    ...overrides,
  };
  const url = new URL(server.authorizeUrl);
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/** The redirect a login ends with: the Location as a URL. */
export function location(response: Response): URL {
  const value = response.headers.get('location');
  if (value === null) throw new Error(`Expected a redirect, got ${response.status}.`);
  return new URL(value);
}

/**
 * Walks the browser part of the flow: opens the authorize URL, signs in on the login page and presses a button.
 * Resolves to the redirect back to the client.
 */
export async function signIn(
  server: { authorizeUrl: string },
  overrides: AuthorizeParameters = {},
  answer: { username?: string; password?: string; decision?: 'allow' | 'deny' } = {},
): Promise<URL> {
  return logInAt(authorizeUrl(server, overrides), answer);
}

/** Signs in and returns the authorization code of the redirect. */
export async function obtainCode(server: { authorizeUrl: string }, overrides: AuthorizeParameters = {}): Promise<string> {
  const code = (await signIn(server, overrides)).searchParams.get('code');
  if (code === null) throw new Error('The redirect carried no code.');
  return code;
}

/** `Authorization: Basic base64(client_id:client_secret)`, exactly as the doc writes it (no form-encoding first). */
export function basic(clientId: string = demoClient.clientId, clientSecret: string = demoClient.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

/** A token endpoint answer, its body parsed. */
export interface TokenAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Posts a form to the token endpoint; Basic auth with the demo client unless `authorization` says otherwise (`null`: none). */
export async function postToken(
  server: { tokenUrl: string },
  form: Record<string, string>,
  authorization: string | null = basic(),
): Promise<TokenAnswer> {
  const response = await fetch(server.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(authorization === null ? {} : { Authorization: authorization }) },
    body: new URLSearchParams(form),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** The doc's code exchange for the demo client. */
export function exchangeCode(server: { tokenUrl: string }, code: string, extra: Record<string, string> = {}): Promise<TokenAnswer> {
  return postToken(server, { grant_type: 'authorization_code', code, redirect_uri: demoClient.redirectUris[0], ...extra });
}

/** The doc's refresh for the demo client (with `redirect_uri`, as documented). */
export function refresh(server: { tokenUrl: string }, refreshToken: string): Promise<TokenAnswer> {
  return postToken(server, { grant_type: 'refresh_token', refresh_token: refreshToken, redirect_uri: demoClient.redirectUris[0] });
}

/** A string field of a token answer, failing the test when it is missing. */
export function field(answer: TokenAnswer, name: string): string {
  const value = answer.body[name];
  if (typeof value !== 'string') throw new Error(`The token answer has no string ${name}: ${JSON.stringify(answer.body)}`);
  return value;
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
