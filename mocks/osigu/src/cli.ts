// Starts the OSIGU simulator on its documented port and keeps it up until Ctrl-C.
// Usage: tsx mocks/osigu/src/cli.ts [--port <port>]
import { osiguSimulatorPort, type RunningOsiguSimulator, simulatorWebhookSecret, startOsiguSimulator } from './osigu-simulator.js';
import { demoClient } from './sandbox-data.js';

function requestedPort(argv: readonly string[]): number {
  const index = argv.indexOf('--port');
  if (index < 0) return osiguSimulatorPort;
  const port = Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port needs a port number, got ${argv[index + 1] ?? 'nothing'}.`);
    process.exit(2);
  }
  return port;
}

let simulator: RunningOsiguSimulator;
try {
  simulator = await startOsiguSimulator({
    port: requestedPort(process.argv.slice(2)),
    onLog: (line) => console.log(`  ${new Date().toISOString()} ${line}`),
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? 'The port is already in use; pass --port <port>.' : error instanceof Error ? error.message : error);
  process.exit(1);
}

const running = simulator;
const stop = () => void running.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

console.log(`OSIGU simulator (stateful, specs/osigu): ${running.url}`);
console.log(`  client          ${demoClient.clientId} / ${demoClient.clientSecret}`);
console.log(`  webhook secret  ${simulatorWebhookSecret} (receivers must be https://)`);
console.log('  test inputs     mocks/osigu/README.md');
console.log('Press Ctrl-C to stop.');
