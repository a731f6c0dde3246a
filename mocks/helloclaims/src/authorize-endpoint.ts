import type { IncomingMessage, ServerResponse } from 'node:http';
import { secretsEqual } from '@coverlink/mocks';
import { type HelloClaimsUser, helloClaimsPaths, normalizeRedirectUri, type RegisteredClient } from './config.js';
import { parseCookies, readFormBody, redirect, repeatedParameters, sendHtml } from './http.js';
import type { IssuedGrants } from './issued-grants.js';
import { renderErrorPage, renderLoginPage } from './login-page.js';
import { type CodeChallenge, isCodeChallengeMethod, isPkceValue } from './pkce.js';
import { randomToken } from './secrets.js';

/** What the authorize endpoint needs from the server. */
export interface AuthorizeEndpointSettings {
  clients: ReadonlyMap<string, RegisteredClient>;
  users: ReadonlyMap<string, HelloClaimsUser>;
  grants: IssuedGrants;
  loginRequestSeconds: number;
  now: () => number;
  /** Shown on the login page when the server runs with its demo user. */
  demoCredentials: { username: string; password: string } | undefined;
  onLog: (line: string) => void;
}

/** An authorization request that passed validation and waits for the person to answer the login page. */
interface PendingLogin {
  /** The value of the request's cookie: ties the form post to the browser that opened the page (login CSRF). */
  binding: string;
  clientId: string;
  /** Normalised, and registered for the client. */
  redirectUri: string;
  /** Echoed exactly; `undefined` when the request had none, so that the redirect has none either. */
  state: string | undefined;
  scopes: readonly string[];
  challenge: CodeChallenge | undefined;
  expiresAt: number;
}

/** The cookie of one pending login; one per request, so that two login tabs do not overwrite each other's. */
function cookieName(requestId: string): string {
  return `hc_login_${requestId}`;
}

/** The client's redirect URI with the answer added to its query (an existing query is kept, RFC 6749 §3.1.2). */
function redirectTarget(redirectUri: string, answer: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(answer)) if (value !== undefined) url.searchParams.append(name, value);
  return url.href;
}

/** The outcome of validating an authorization request. */
type AuthorizationRequestCheck =
  /** Not even the redirect URI can be trusted: answer with a page, never a redirect. */
  | { outcome: 'refuse'; message: string }
  /** The redirect URI is trusted, the rest of the request is not valid: redirect with the error. */
  | { outcome: 'error'; request: Pick<PendingLogin, 'clientId' | 'redirectUri' | 'state'>; error: string; description: string }
  | { outcome: 'valid'; request: Omit<PendingLogin, 'binding' | 'expiresAt'> };

/** Validates the query of `GET /login/broker` (RFC 6749 §4.1.1, RFC 7636 §4.3). */
function checkAuthorizationRequest(query: URLSearchParams, clients: ReadonlyMap<string, RegisteredClient>): AuthorizationRequestCheck {
  // Until client_id and redirect_uri are known to belong together, nothing may redirect (RFC 6749 §4.1.2.1: an open
  // redirector would hand codes or errors to an attacker's URL). Those failures are a page for the person instead.
  const repeated = repeatedParameters(query);
  if (repeated.includes('client_id') || repeated.includes('redirect_uri')) {
    return { outcome: 'refuse', message: 'client_id and redirect_uri must each be sent once.' };
  }
  const clientId = query.get('client_id');
  if (clientId === null || clientId === '') return { outcome: 'refuse', message: 'The request has no client_id.' };
  const client = clients.get(clientId);
  if (client === undefined) return { outcome: 'refuse', message: `The client ${clientId} is not registered.` };
  const rawRedirectUri = query.get('redirect_uri');
  if (rawRedirectUri === null || rawRedirectUri === '') return { outcome: 'refuse', message: 'The request has no redirect_uri.' };
  const redirectUri = normalizeRedirectUri(rawRedirectUri);
  if (redirectUri === undefined || !client.redirectUris.has(redirectUri)) {
    return { outcome: 'refuse', message: `The redirect_uri ${rawRedirectUri} is not registered for the client ${client.name}.` };
  }

  // From here on the redirect URI is trusted: errors go back to the client, with the state when there was one.
  const state = repeated.includes('state') ? undefined : (query.get('state') ?? undefined);
  const fail = (error: string, description: string): AuthorizationRequestCheck => ({
    outcome: 'error',
    request: { clientId, redirectUri, state },
    error,
    description,
  });
  if (repeated.length > 0) return fail('invalid_request', `Parameters sent more than once: ${repeated.join(', ')}.`);
  if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code.');
  // RFC 6749 §3.3: without a default scope, a request without one fails with invalid_scope. Hello Claims requires scope.
  const scopes = (query.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
  if (scopes.length === 0) return fail('invalid_scope', 'scope is required.');
  const challengeValue = query.get('code_challenge');
  // RFC 7636 §4.3: the method defaults to plain.
  const challengeMethod = query.get('code_challenge_method') ?? 'plain';
  let challenge: CodeChallenge | undefined;
  if (challengeValue === null) {
    if (query.has('code_challenge_method')) return fail('invalid_request', 'code_challenge_method was sent without code_challenge.');
  } else {
    if (!isCodeChallengeMethod(challengeMethod)) return fail('invalid_request', 'code_challenge_method must be S256 or plain.');
    if (!isPkceValue(challengeValue)) return fail('invalid_request', 'code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~.');
    challenge = { value: challengeValue, method: challengeMethod };
  }
  return { outcome: 'valid', request: { clientId, redirectUri, state, scopes, challenge } };
}

/**
 * `/login/broker`: `GET` validates the authorization request (RFC 6749 §4.1.1) and shows the login page; `POST` takes the
 * page's answer and redirects to the client with a code, or with `error=access_denied`.
 */
export class AuthorizeEndpoint {
  readonly #settings: AuthorizeEndpointSettings;
  readonly #pending = new Map<string, PendingLogin>();

  constructor(settings: AuthorizeEndpointSettings) {
    this.#settings = settings;
  }

  /** Answers one request to `/login/broker`. */
  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (request.method === 'GET') this.#showLogin(response, url.searchParams);
    else if (request.method === 'POST') await this.#submitLogin(request, response);
    else sendHtml(response, 405, renderErrorPage('Method not allowed', 'Use GET to start a login.'), { Allow: 'GET, POST' });
  }

  #showLogin(response: ServerResponse, query: URLSearchParams): void {
    const check = checkAuthorizationRequest(query, this.#settings.clients);
    if (check.outcome === 'refuse') {
      this.#settings.onLog(`authorize: refused without redirect: ${check.message}`);
      sendHtml(response, 400, renderErrorPage('This sign-in link is not valid', check.message));
    } else if (check.outcome === 'error') {
      const { request, error, description } = check;
      this.#settings.onLog(`authorize: ${request.clientId} redirected with ${error}: ${description}`);
      redirect(response, 302, redirectTarget(request.redirectUri, { error, error_description: description, state: request.state }));
    } else {
      this.#dropExpiredLogins();
      const requestId = randomToken();
      const pending: PendingLogin = {
        ...check.request,
        binding: randomToken(),
        expiresAt: this.#settings.now() + this.#settings.loginRequestSeconds * 1000,
      };
      this.#pending.set(requestId, pending);
      const cookie = `${cookieName(requestId)}=${pending.binding}; Path=${helloClaimsPaths.authorize}; HttpOnly; SameSite=Lax; Max-Age=${this.#settings.loginRequestSeconds}`;
      sendHtml(response, 200, this.#loginPage(requestId, pending), { 'Set-Cookie': cookie });
    }
  }

  async #submitLogin(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readFormBody(request);
    if (!body.ok) return sendHtml(response, 400, renderErrorPage('The login form could not be read', body.description));
    const form = body.params;
    const requestId = form.get('request_id') ?? '';
    const pending = this.#pending.get(requestId);
    const cookie = parseCookies(request.headers.cookie).get(cookieName(requestId));
    if (
      pending === undefined ||
      this.#settings.now() >= pending.expiresAt ||
      cookie === undefined ||
      !secretsEqual(cookie, pending.binding)
    ) {
      this.#settings.onLog('authorize: login form refused: unknown or expired login request, or its cookie is missing');
      return sendHtml(
        response,
        400,
        renderErrorPage(
          'This sign-in has expired',
          'The login request is unknown, has expired, or was opened in another browser. Go back to the application and start again.',
        ),
      );
    }
    const clearCookie = `${cookieName(requestId)}=; Path=${helloClaimsPaths.authorize}; HttpOnly; SameSite=Lax; Max-Age=0`;
    const decision = form.get('decision');
    if (decision === 'deny') {
      this.#pending.delete(requestId);
      this.#settings.grants.countLogin('denied');
      this.#settings.onLog(`authorize: access denied to ${pending.clientId}`);
      const location = redirectTarget(pending.redirectUri, {
        error: 'access_denied',
        error_description: 'The user denied access.',
        state: pending.state,
      });
      return redirect(response, 303, location, { 'Set-Cookie': clearCookie });
    }
    const username = form.get('username') ?? '';
    const user = this.#settings.users.get(username);
    // The password is compared even for an unknown user, so that timing does not tell which usernames exist.
    const passwordMatches = secretsEqual(form.get('password') ?? '', user?.password ?? randomToken());
    if (decision !== 'allow' || user === undefined || !passwordMatches) {
      const error = decision === 'allow' ? 'The username or password is incorrect.' : 'Choose Allow or Deny.';
      if (decision === 'allow') this.#settings.grants.countLogin('failed');
      return sendHtml(response, 200, this.#loginPage(requestId, pending, username, error));
    }
    this.#pending.delete(requestId);
    this.#settings.grants.countLogin('succeeded');
    const code = this.#settings.grants.issueCode({
      clientId: pending.clientId,
      username: user.username,
      redirectUri: pending.redirectUri,
      scopes: pending.scopes,
      challenge: pending.challenge,
    });
    this.#settings.onLog(
      `authorize: ${user.username} allowed ${pending.clientId}; code issued${pending.challenge ? ` (PKCE ${pending.challenge.method})` : ''}`,
    );
    redirect(response, 303, redirectTarget(pending.redirectUri, { code, state: pending.state }), { 'Set-Cookie': clearCookie });
  }

  #loginPage(requestId: string, pending: PendingLogin, username?: string, error?: string): string {
    const client = this.#settings.clients.get(pending.clientId);
    const target = new URL(pending.redirectUri);
    return renderLoginPage({
      requestId,
      clientName: client?.name ?? pending.clientId,
      scopes: pending.scopes,
      // A custom-scheme URI (a native app) has no origin; its scheme is what the person can recognise.
      redirectOrigin: target.origin === 'null' ? target.protocol : target.origin,
      username,
      error,
      demoCredentials: this.#settings.demoCredentials,
    });
  }

  /** Pending logins are the only state that grows with page views alone, so they are pruned. */
  #dropExpiredLogins(): void {
    const now = this.#settings.now();
    for (const [requestId, pending] of this.#pending) if (now >= pending.expiresAt) this.#pending.delete(requestId);
  }
}
