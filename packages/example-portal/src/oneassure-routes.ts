import { createRedirectUrl } from '@coverlink/oneassure';
import type { FastifyInstance } from 'fastify';
import { html, page } from './html.js';

/** Settings of the OneAssure part of the portal. */
export interface OneAssurePortalSettings {
  clientId: string;
  /** Server-side only. */
  clientSecret: string;
  /** OneAssure's token endpoint (`<api host>/v1/auth/token`). */
  tokenUrl: string;
  /** The hosted journey; default OneAssure's. Configuration only: the session token goes wherever this points. */
  journeyUrl?: string | undefined;
}

export function registerOneAssureRoutes(app: FastifyInstance, settings: OneAssurePortalSettings): void {
  const redirectUrlFor = (userId: string) =>
    createRedirectUrl({
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      tokenUrl: settings.tokenUrl,
      journeyUrl: settings.journeyUrl,
      userId,
    });

  app.get('/oneassure', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      page(
        'Continue to OneAssure',
        html`<p>Buy health cover on OneAssure's hosted journey. Each option mints a fresh session token on the server.</p>
<p>
<a class="button" id="oneassure-full-page" href="/oneassure/continue">Continue (full page)</a>
<a class="button" id="oneassure-new-tab" href="/oneassure/continue" target="_blank" rel="noopener noreferrer">Continue (new tab)</a>
<a class="button" id="oneassure-iframe" href="/oneassure/embedded">Continue (embedded)</a>
</p>`,
      ),
    ),
  );

  app.get('/oneassure/continue', async (request, reply) => {
    const url = await redirectUrlFor(request.session.userId);
    return reply.header('cache-control', 'no-store').redirect(url, 303);
  });

  app.get('/oneassure/embedded', async (request, reply) => {
    const url = await redirectUrlFor(request.session.userId);
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        page(
          'OneAssure (embedded)',
          html`<p>The journey runs inside the portal.</p>
<iframe id="oneassure-journey" title="OneAssure health journey" src="${url}" referrerpolicy="no-referrer"></iframe>`,
        ),
      );
  });
}
