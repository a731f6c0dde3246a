// Starts the example portal on http://127.0.0.1:3000 (PORT to change) against the local mocks:
// Prism for OSIGU, OneAssure and Hello Claims, the stateful Hello Claims login server, and a
// stand-in for OneAssure's hosted journey. Ctrl+C stops everything.
import { demoClient, startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { startMock } from '@coverlink/mocks';
import { startJourneyStandIn } from './journey-stand-in.js';
import { createPortal } from './portal.js';

const port = Number(process.env.PORT ?? 3000);
const portalUrl = `http://127.0.0.1:${port}`;
const redirectUri = `${portalUrl}/helloclaims/callback`;
const stoppers: Array<() => Promise<void>> = [];

async function main(): Promise<void> {
  const [osigu, oneAssure, helloClaimsApi, journey, authorizationServer] = await Promise.all([
    startMock('osigu', { port: 0 }),
    startMock('oneassure', { port: 0 }),
    startMock('helloclaims', { port: 0 }),
    startJourneyStandIn(),
    startHelloClaimsAuthorizationServer({ port: 0, clients: [{ ...demoClient, redirectUris: [redirectUri] }] }),
  ]);
  stoppers.push(osigu.stop, oneAssure.stop, helloClaimsApi.stop, journey.stop, authorizationServer.stop);

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
      authorizationUrl: authorizationServer.authorizeUrl,
      tokenUrl: authorizationServer.tokenUrl,
      baseUrl: helloClaimsApi.url,
    },
    osigu: {
      clientId: 'demo-client',
      clientSecret: 'demo-secret',
      baseUrl: osigu.url,
      webhookSecrets: [process.env.OSIGU_WEBHOOK_SECRET ?? 'portal-demo-webhook-secret'],
    },
  });
  stoppers.push(() => portal.close());
  await portal.listen({ port, host: '127.0.0.1' });
  console.log(`Coverlink example portal: ${portalUrl}  (Hello Claims login: demo / demo; Ctrl+C to stop)`);
}

async function stop(): Promise<void> {
  await Promise.allSettled(stoppers.map((stopOne) => stopOne()));
}

process.once('SIGINT', () => void stop().then(() => process.exit(0)));
process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
main().catch(async (error: unknown) => {
  console.error('The portal could not start:', error instanceof Error ? error.message : error);
  await stop();
  process.exit(1);
});
