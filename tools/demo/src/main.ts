// The quick-start demo: each provider's journey (packages/<name>/src/<name>.demo.ts) through the
// Coverlink packages against the local mocks, for every provider with a coverlink.provider.json, in
// the order of their mock ports: Prism for each spec, and the stateful Hello Claims authorization
// server where the manifest declares one.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CoverlinkError } from '@coverlink/core';
import { startHelloClaimsAuthorizationServer } from '@coverlink/mock-helloclaims';
import { type MockDefinition, mockDefinitions, startMock } from '@coverlink/mocks';
import { type DemoJourney, type DemoMock, heading, step } from './index.js';

const accessTokenSeconds = 2;
const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const stoppers: Array<() => Promise<void>> = [];

async function startMocks(definition: MockDefinition): Promise<DemoMock> {
  let authorizationServer: DemoMock['authorizationServer'];
  if (definition.authorizationServer !== undefined) {
    const server = await startHelloClaimsAuthorizationServer({ port: 0, accessTokenLifetimeSeconds: accessTokenSeconds });
    stoppers.push(server.stop);
    step(`${definition.displayName} authorization server mock listening at ${server.url}`);
    authorizationServer = { authorizationUrl: server.authorizeUrl, tokenUrl: server.tokenUrl, accessTokenSeconds };
  }
  const prism = await startMock(definition.name, { port: 0 });
  stoppers.push(prism.stop);
  step(`${definition.name} mock (Prism serving specs/${definition.name}) listening at ${prism.url}`);
  return { baseUrl: prism.url, authorizationServer };
}

async function main(): Promise<void> {
  for (const definition of Object.values(mockDefinitions)) {
    const path = join(workspaceRoot, 'packages', definition.name, 'src', `${definition.name}.demo.ts`);
    const journey = ((await import(pathToFileURL(path).href)) as { default: DemoJourney }).default;
    heading(journey.title);
    await journey.run(await startMocks(definition));
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
