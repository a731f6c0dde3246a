import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorPages } from './errors.js';
import { type HelloClaimsPortalSettings, registerHelloClaimsRoutes } from './helloclaims-routes.js';
import { html, page } from './html.js';
import { type OneAssurePortalSettings, registerOneAssureRoutes } from './oneassure-routes.js';
import { type OsiguPortalSettings, registerOsiguRoutes } from './osigu-routes.js';
import { installSessions } from './session.js';

/** Options of {@link createPortal}: each provider's credentials and hosts (server-side only). */
export interface PortalOptions {
  oneAssure: OneAssurePortalSettings;
  helloClaims: HelloClaimsPortalSettings;
  osigu: OsiguPortalSettings;
  /** Mark the session cookie `Secure`. Default false (the portal runs on http://127.0.0.1 here); true behind https. */
  secureCookie?: boolean | undefined;
  /**
   * Fastify's logger. Default off. When on, note that Fastify logs request URLs: keep the OAuth
   * callback's `code` out of shared logs.
   */
  logger?: boolean | undefined;
}

/**
 * The example portal: a server-rendered Fastify app that sends users to OneAssure's journey,
 * connects their Hello Claims account and requests OSIGU pre-authorizations, all through Coverlink.
 * Call `listen()` on the result, or `inject()` in tests.
 */
export async function createPortal(options: PortalOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart);
  installSessions(app, { secureCookie: options.secureCookie ?? false });
  installErrorPages(app);

  const journeyOrigin = new URL(options.oneAssure.journeyUrl ?? 'https://orca.oneassure.in/health').origin;
  app.addHook('onSend', async (_request, reply) => {
    reply.header(
      'content-security-policy',
      `default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src ${journeyOrigin}; frame-ancestors 'none'; base-uri 'none'`,
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      page(
        'Coverlink example portal',
        html`<ul>
<li><a id="home-oneassure" href="/oneassure">Continue to OneAssure</a>: buy health cover on the hosted journey.</li>
<li><a id="home-helloclaims" href="/helloclaims">Connect Hello Claims</a>: see your pending quote requests.</li>
<li><a id="home-osigu" href="/osigu">OSIGU pre-authorization</a>: request a medication pre-authorization.</li>
</ul>`,
      ),
    ),
  );

  registerOneAssureRoutes(app, options.oneAssure);
  registerHelloClaimsRoutes(app, options.helloClaims);
  registerOsiguRoutes(app, options.osigu);
  return app;
}
