import { type DemoJourney, masked, step, tracingFetch } from '@coverlink/demo';
import { createOneAssureClient, createRedirectUrl, listAllHealthQuotes } from './index.js';

/** OneAssure: a per-user session token and the redirect URL to the hosted journey, then every quote of a week. */
async function oneAssureJourney(baseUrl: string): Promise<void> {
  const credentials = {
    clientId: process.env.ONEASSURE_CLIENT_ID ?? 'demo-client',
    clientSecret: process.env.ONEASSURE_CLIENT_SECRET ?? 'demo-secret',
  };
  // The stateless mock serves a list's second page when asked for it by name.
  const fetch = tracingFetch((url) => (url.searchParams.has('next') ? 'example=lastPage' : undefined));

  const redirect = new URL(
    await createRedirectUrl({ ...credentials, tokenUrl: `${baseUrl}/v1/auth/token`, userId: 'platform-user-1001', fetch }),
  );
  const token = redirect.searchParams.get('session-token') ?? undefined;
  step(
    `fresh session token minted for user platform-user-1001; redirect the browser to ${redirect.origin}${redirect.pathname}?session-token=${masked(token)}`,
  );

  const oneAssure = createOneAssureClient({ ...credentials, baseUrl, fetch });
  let count = 0;
  for await (const quote of listAllHealthQuotes(oneAssure, { start_date: '2026-06-01', end_date: '2026-06-07' })) {
    count += 1;
    step(
      `quote ${quote.quote_id}: sum insured ${quote.sum_insured ?? '?'}, ${quote.completed_variants ?? 0}/${quote.total_variants ?? 0} variants priced`,
    );
  }
  step(`${count} quotes across every page of 2026-06-01..07`);
}

/** The demo's OneAssure journey. */
export default { title: 'OneAssure redirection journey', run: ({ baseUrl }) => oneAssureJourney(baseUrl) } satisfies DemoJourney;
