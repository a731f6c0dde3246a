// Starts the OSIGU simulator on its documented port and keeps it up until Ctrl-C.
// Usage: tsx mocks/osigu/src/cli.ts [--port <port>]
import { runServerCommand } from '@coverlink/mocks';
import { osiguSimulatorPort, simulatorWebhookSecret, startOsiguSimulator } from './osigu-simulator.js';
import { demoClient } from './sandbox-data.js';

const running = await runServerCommand(osiguSimulatorPort, (port) =>
  startOsiguSimulator({ port, onLog: (line) => console.log(`  ${new Date().toISOString()} ${line}`) }),
);

console.log(`OSIGU simulator (stateful, specs/osigu): ${running.url}`);
console.log(`  client          ${demoClient.clientId} / ${demoClient.clientSecret}`);
console.log(`  webhook secret  ${simulatorWebhookSecret} (receivers must be https://)`);
console.log('  test inputs     mocks/osigu/README.md');
console.log('Press Ctrl-C to stop.');
