// Starts the example portal on http://127.0.0.1:3000 (PORT to change) against the local mocks
// (see local-portal.ts). Ctrl+C stops everything.
import { type LocalPortal, startLocalPortal } from './local-portal.js';

const port = Number(process.env.PORT ?? 3000);
let running: LocalPortal | undefined;

async function main(): Promise<void> {
  running = await startLocalPortal({ port, webhookSecret: process.env.OSIGU_WEBHOOK_SECRET ?? 'portal-demo-webhook-secret' });
  console.log(`Coverlink example portal: ${running.url}  (Hello Claims login: demo / demo; Ctrl+C to stop)`);
}

async function stop(): Promise<void> {
  await running?.stop();
}

process.once('SIGINT', () => void stop().then(() => process.exit(0)));
process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
main().catch(async (error: unknown) => {
  console.error('The portal could not start:', error instanceof Error ? error.message : error);
  await stop();
  process.exit(1);
});
