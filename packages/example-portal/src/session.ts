import { randomBytes } from 'node:crypto';
import type { PendingConnection } from '@coverlink/helloclaims';
import type { FastifyInstance } from 'fastify';

/** What the server keeps per browser. Never sent to the browser: the cookie carries only the random id. */
export interface Session {
  /** The portal's (pretend) user behind this browser; Hello Claims grants and OneAssure tokens are minted for it. */
  userId: string;
  /** The Hello Claims authorization in progress: state and PKCE verifier stay here, server-side. */
  pendingHelloClaims?: PendingConnection | undefined;
  /** The last forced refresh, masked, to show once after the redirect. */
  lastRotation?: { before: string; after: string } | undefined;
  lastSeenAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The session of the browser making the request (created on its first request). */
    session: Session;
  }
}

export const sessionCookieName = 'portal_session';
const idleLifetimeMs = 60 * 60 * 1000;

/**
 * Gives every request a server-side session, keyed by a random id in an `HttpOnly`, `SameSite=Lax`
 * cookie. Needs `@fastify/cookie` registered first.
 */
export function installSessions(app: FastifyInstance, options: { secureCookie: boolean }): void {
  const sessions = new Map<string, Session>();
  app.decorateRequest('session', null as unknown as Session);
  app.addHook('onRequest', async (request, reply) => {
    const now = Date.now();
    const id = request.cookies[sessionCookieName];
    const existing = id === undefined ? undefined : sessions.get(id);
    if (existing !== undefined && now - existing.lastSeenAt < idleLifetimeMs) {
      existing.lastSeenAt = now;
      request.session = existing;
      return;
    }
    if (id !== undefined) sessions.delete(id);
    for (const [key, session] of sessions) if (now - session.lastSeenAt >= idleLifetimeMs) sessions.delete(key);
    const newId = randomBytes(32).toString('base64url');
    const session: Session = { userId: `portal-user-${randomBytes(6).toString('hex')}`, lastSeenAt: now };
    sessions.set(newId, session);
    request.session = session;
    reply.setCookie(sessionCookieName, newId, { httpOnly: true, sameSite: 'lax', path: '/', secure: options.secureCookie });
  });
}
