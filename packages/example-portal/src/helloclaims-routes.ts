import { AuthorizationStateError, MemoryTokenStore, type TokenStore } from '@coverlink/auth';
import { createHelloClaimsClient, type HelloClaimsUserClient, unwrap } from '@coverlink/helloclaims';
import type { FastifyInstance } from 'fastify';
import { PortalInputError } from './errors.js';
import { html, page } from './html.js';

/** Settings of the Hello Claims part of the portal. */
export interface HelloClaimsPortalSettings {
  clientId: string;
  /** Server-side only. */
  clientSecret: string;
  /** This portal's `/helloclaims/callback`, absolute and registered for the client. */
  redirectUri: string;
  /** The scopes users are asked for (Hello Claims' list is not public; the local mock takes any). */
  scopes: readonly string[];
  authorizationUrl: string;
  tokenUrl: string;
  /** The repairer API. */
  baseUrl: string;
  /** Where users' grants live. Default a `MemoryTokenStore`. */
  tokenStore?: TokenStore | undefined;
}

/** The last four characters of a credential: enough to tell two apart, useless to an attacker. */
export function masked(secret: string | undefined): string {
  return secret === undefined ? '(none)' : `…${secret.slice(-4)}`;
}

export function registerHelloClaimsRoutes(app: FastifyInstance, settings: HelloClaimsPortalSettings): void {
  const tokenStore = settings.tokenStore ?? new MemoryTokenStore();
  const helloClaims = createHelloClaimsClient({ ...settings, tokenStore });
  const keyOf = (userId: string) => ({ provider: 'helloclaims', clientId: settings.clientId, subject: userId });
  // One API client per user, so its token provider's in-memory cache is reused between pages.
  const userClients = new Map<string, HelloClaimsUserClient>();
  const apiFor = (userId: string): HelloClaimsUserClient => {
    let client = userClients.get(userId);
    if (client === undefined) {
      client = helloClaims.forUser(userId);
      userClients.set(userId, client);
    }
    return client;
  };
  const isConnected = async (userId: string) => (await tokenStore.get(keyOf(userId)))?.grant.status === 'active';

  app.get('/helloclaims', async (request, reply) => {
    const { session } = request;
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!(await isConnected(session.userId))) {
      return reply.send(
        page(
          'Connect Hello Claims',
          html`<p>Not connected. Connect your Hello Claims repairer account to see your pending quote requests.</p>
<p><a class="button" id="helloclaims-connect" href="/helloclaims/connect">Connect Hello Claims</a></p>`,
        ),
      );
    }
    const requests = unwrap(await apiFor(session.userId).GET('/requests'));
    const rotation = session.lastRotation;
    session.lastRotation = undefined;
    return reply.send(
      page(
        'Hello Claims',
        html`<p id="helloclaims-status"><strong>Connected</strong></p>
${
  rotation === undefined
    ? undefined
    : html`<p id="helloclaims-rotation">Access token refreshed; refresh token rotated <span class="old">${rotation.before}</span> → <span class="new">${rotation.after}</span></p>`
}
<h2>Pending quote requests (${requests.length})</h2>
<table id="helloclaims-requests">
<thead><tr><th>Claim number</th><th>Expires</th></tr></thead>
<tbody>${requests.map((item) => html`<tr><td>${item.claimNumber}</td><td>${item.expiry}</td></tr>`)}</tbody>
</table>
<form method="post" action="/helloclaims/refresh"><button type="submit" id="helloclaims-refresh">Refresh now</button></form>`,
      ),
    );
  });

  app.get('/helloclaims/connect', async (request, reply) => {
    const { authorizationUrl, pending } = await helloClaims.connect({ userId: request.session.userId });
    request.session.pendingHelloClaims = pending;
    return reply.header('cache-control', 'no-store').redirect(authorizationUrl.href, 303);
  });

  app.get('/helloclaims/callback', async (request, reply) => {
    const { session } = request;
    const pending = session.pendingHelloClaims;
    if (pending === undefined) {
      throw new PortalInputError(
        'No Hello Claims connection is in progress in this browser session.',
        'Start again from "Connect Hello Claims".',
      );
    }
    // The callback URL is rebuilt on the configured redirect URI, never on the request's Host header.
    const callbackUrl = new URL(request.url, settings.redirectUri);
    try {
      await helloClaims.completeConnect(callbackUrl, pending);
    } catch (error) {
      // A forged callback (wrong state) must not cancel the real login still in progress; any other outcome ends it.
      if (!AuthorizationStateError.isInstance(error)) session.pendingHelloClaims = undefined;
      throw error;
    }
    session.pendingHelloClaims = undefined;
    userClients.delete(session.userId);
    return reply.redirect('/helloclaims', 303);
  });

  app.post('/helloclaims/refresh', async (request, reply) => {
    const { userId } = request.session;
    const key = keyOf(userId);
    const current = await tokenStore.get(key);
    if (current === undefined || current.grant.status !== 'active') {
      throw new PortalInputError('Hello Claims is not connected.', 'Connect Hello Claims first.');
    }
    // Force a refresh now instead of waiting for the access token to expire: mark it expired in the
    // store, then call the API through a fresh per-user client (no in-memory copy of the old token).
    await tokenStore.compareAndSet(key, current.version, { ...current.grant, accessTokenExpiresAt: Date.now() - 1 });
    const fresh = helloClaims.forUser(userId);
    unwrap(await fresh.GET('/requests'));
    userClients.set(userId, fresh);
    const after = await tokenStore.get(key);
    request.session.lastRotation = { before: masked(current.grant.refreshToken), after: masked(after?.grant.refreshToken) };
    return reply.redirect('/helloclaims', 303);
  });
}
