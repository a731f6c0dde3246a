// Starts the provider mocks on their documented ports and keeps them up until Ctrl-C.
// Usage: tsx mocks/launcher/src/cli.ts [provider ...]   (no provider: all of them)
import { isMockName, type MockName, mockDefinition, mockDefinitions } from './mock-registry.js';
import { type RunningMock, startMock } from './prism-server.js';

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !isMockName(name));
if (unknown.length > 0) {
  console.error(`Unknown mock: ${unknown.join(', ')}. Known: ${Object.keys(mockDefinitions).join(', ')}.`);
  process.exit(2);
}
const names = (requested.length > 0 ? requested : Object.keys(mockDefinitions)) as MockName[];

const running: RunningMock[] = [];
async function stopAll(): Promise<void> {
  await Promise.all(running.map((mock) => mock.stop()));
}
process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

try {
  for (const name of names) {
    process.stdout.write(`Starting the ${name} mock on port ${mockDefinition(name).port}…\n`);
    running.push(await startMock(name));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
}
for (const mock of running) console.log(`  ${mock.name.padEnd(12)} ${mock.url}`);
console.log('Mocks are up. Press Ctrl-C to stop them.');
