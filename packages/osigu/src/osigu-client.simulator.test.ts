import { recordingFetch } from '@coverlink/mocks';
import { expect, inject, it } from 'vitest';
import { createOsiguClient } from './index.js';

// Unlike Prism, the simulator enforces the documented token limit (10 requests per minute per client_id, 429
// beyond): a client that fetched a token per call would fail here from the 11th call on.
it('makes 15 calls on one cached token, under the simulator’s token rate limit', async () => {
  const recorder = recordingFetch();
  const osigu = createOsiguClient({
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    baseUrl: inject('osiguSimulatorUrl'),
    fetch: recorder.fetch,
  });
  for (let call = 0; call < 15; call++) {
    const { response, data } = await osigu.GET('/v1/sponsors/{sponsor_slug}/forms', {
      params: { path: { sponsor_slug: 'sponsor-sandbox' } },
    });
    expect(response.status).toBe(200);
    expect(data?.sponsor_slug).toBe('sponsor-sandbox');
  }
  expect(recorder.tokenRequests()).toBe(1);
  expect(recorder.wire.map((record) => record.status)).toEqual([200, ...Array.from({ length: 15 }, () => 200)]);
});
