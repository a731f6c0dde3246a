// The portal wired to the local mocks, as `main.ts` runs it and the browser tests drive it: Prism for
// OSIGU, OneAssure and Hello Claims, the stateful Hello Claims login server, and a stand-in for
// OneAssure's hosted journey.
import { demoClient, type RunningHelloClaimsAuthorizationServer, startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { startMock } from '@coverlink/mocks';
import type { FastifyInstance } from 'fastify';
import { type RunningJourneyStandIn, startJourneyStandIn } from './journey-stand-in.js';
import { createPortal } from './portal.js';

/** A running {@link startLocalPortal}. */
export interface LocalPortal {
  /** Where the portal listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  portal: FastifyInstance;
  journey: RunningJourneyStandIn;
  authorizationServer: RunningHelloClaimsAuthorizationServer;
  /** Stops the portal and every mock. */
  stop(): Promise<void>;
}

/**
 * Starts the mocks on free ports and the portal on `127.0.0.1:<port>` against them.
 *
 * @param options.webhookSecret The secret OSIGU webhooks to the portal are signed with.
 */
export async function startLocalPortal(options: { port: number; webhookSecret: string }): Promise<LocalPortal> {
  const url = `http://127.0.0.1:${options.port}`;
  const redirectUri = `${url}/helloclaims/callback`;
  const [osigu, oneAssure, helloClaimsApi, journey, authorizationServer] = await Promise.all([
    startMock('osigu', { port: 0 }),
    startMock('oneassure', { port: 0 }),
    startMock('helloclaims', { port: 0 }),
    startJourneyStandIn(),
    startHelloClaimsAuthorizationServer({ port: 0, clients: [{ ...demoClient, redirectUris: [redirectUri] }] }),
  ]);
  const stopMocks = async () => {
    await Promise.allSettled([osigu, oneAssure, helloClaimsApi, journey, authorizationServer].map((running) => running.stop()));
  };

  const portal = await createPortal({
    oneAssure: {
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      tokenUrl: `${oneAssure.url}/v1/auth/token`,
      journeyUrl: journey.journeyUrl,
    },
    helloClaims: {
      clientId: demoClient.clientId,
      clientSecret: demoClient.clientSecret,
      redirectUri,
      scopes: ['requests', 'quotes'],
      authorizationUrl: authorizationServer.authorizeUrl,
      tokenUrl: authorizationServer.tokenUrl,
      baseUrl: helloClaimsApi.url,
    },
    osigu: { clientId: 'demo-client', clientSecret: 'demo-secret', baseUrl: osigu.url, webhookSecrets: [options.webhookSecret] },
  });
  await portal.listen({ port: options.port, host: '127.0.0.1' });
  return {
    url,
    portal,
    journey,
    authorizationServer,
    async stop() {
      await portal.close();
      await stopMocks();
    },
  };
}
