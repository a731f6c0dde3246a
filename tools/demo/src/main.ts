// The quick-start demo: each provider's journey through the Coverlink packages against the
// local mocks (Prism for each spec, the stateful Hello Claims authorization server). With
// OSIGU_BASE_URL set, the OSIGU journey runs against that host with OSIGU_CLIENT_ID/SECRET instead.
import { CoverlinkError } from '@coverlink/core';
import { startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { type MockName, type RunningMock, startMock } from '@coverlink/mocks';
import { heading, step } from './demo-output.js';
import { helloClaimsJourney } from './helloclaims-journey.js';
import { oneAssureJourney } from './oneassure-journey.js';
import { osiguJourney } from './osigu-journey.js';
import { prismJourneys } from './prism-journeys.js';

const accessTokenSeconds = 2;
const stoppers: Array<() => Promise<void>> = [];

async function mock(name: MockName): Promise<RunningMock> {
  const running = await startMock(name, { port: 0 });
  stoppers.push(running.stop);
  step(`${name} mock (Prism serving specs/${name}) listening at ${running.url}`);
  return running;
}

async function main(): Promise<void> {
  heading('OSIGU pre-authorization journey');
  await osiguJourney(process.env.OSIGU_BASE_URL ?? (await mock('osigu')).url);

  heading('OneAssure redirection journey');
  await oneAssureJourney((await mock('oneassure')).url);

  heading('Hello Claims connection journey');
  const authorizationServer = await startHelloClaimsAuthorizationServer({ port: 0, accessTokenLifetimeSeconds: accessTokenSeconds });
  stoppers.push(authorizationServer.stop);
  step(`Hello Claims authorization server mock listening at ${authorizationServer.url}`);
  const api = await mock('helloclaims');
  await helloClaimsJourney({
    authorizationUrl: authorizationServer.authorizeUrl,
    tokenUrl: authorizationServer.tokenUrl,
    baseUrl: api.url,
    accessTokenSeconds,
  });

  for (const journey of prismJourneys) {
    heading(journey.title);
    await journey.run((await mock(journey.mock)).url);
  }

  console.log('\nDone.');
}

main()
  .catch((error: unknown) => {
    if (CoverlinkError.isInstance(error)) console.error(`\n✗ ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`);
    else console.error('\n✗', error);
    process.exitCode = 1;
  })
  .finally(() => Promise.all(stoppers.map((stop) => stop())));
