// The entry bundled by runtimes-edge.test.ts and run where only web globals exist (no process,
// require or Buffer). It reads its settings from globalThis.edgeConfig and leaves a promise of its
// findings on globalThis.edgeResult.
import { createApiClient, type TokenProvider, unwrap } from '@coverlink/core';
import { type HelloClaimsPaths, helloClaimsProfile } from '@coverlink/helloclaims';
import { createOsiguClient, signOsiguWebhook, verifyOsiguWebhook } from '@coverlink/osigu';

interface EdgeConfig {
  baseUrl: string;
  clientSecret: string;
  webhookSecret: string;
}

async function run(config: EdgeConfig) {
  const osigu = createOsiguClient({ clientId: 'edge-client', clientSecret: config.clientSecret, baseUrl: config.baseUrl, maxRetries: 0 });
  const form = unwrap(await osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: 'sponsor-edge' } } }));

  const tokens: TokenProvider = { getToken: async () => 'edge-user-token', invalidate: () => {} };
  const helloClaims = createApiClient<HelloClaimsPaths>({ baseUrl: config.baseUrl, profile: helloClaimsProfile, tokens, maxRetries: 0 });
  const requests = unwrap(await helloClaims.GET('/requests'));

  const body = JSON.stringify({ event_id: 'evt-1', event_type: 'authorization.created', created_at: '2026-06-01T00:00:00Z', data: {} });
  const event = await verifyOsiguWebhook(body, await signOsiguWebhook(body, config.webhookSecret), [config.webhookSecret]);
  let tampered = 'accepted';
  try {
    await verifyOsiguWebhook(`${body} `, await signOsiguWebhook(body, config.webhookSecret), config.webhookSecret);
  } catch (error) {
    tampered = (error as { code?: string }).code ?? String(error);
  }
  return { form, requests, eventType: event.event_type, tampered };
}

const scope = globalThis as unknown as { edgeConfig: EdgeConfig; edgeResult: Promise<unknown> };
scope.edgeResult = run(scope.edgeConfig);
