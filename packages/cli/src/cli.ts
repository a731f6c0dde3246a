// The `coverlink` executable's entry: runs the program on this process's arguments, streams and
// environment. SIGINT/SIGTERM stop a long-running command cleanly when it waits for them (mocks
// start, helloclaims connect); any other command is ended at once, as without a handler.
import { run } from './program.js';

let waiters: Array<(signal: NodeJS.Signals) => void> = [];
let received: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  if (received !== undefined || waiters.length === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
  received = signal;
  for (const waiter of waiters) waiter(signal);
  waiters = [];
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await run(process.argv.slice(2), {
  streams: { stdout: process.stdout, stderr: process.stderr },
  cwd: process.cwd(),
  environment: process.env,
  waitForStop: () => new Promise((resolve) => (received === undefined ? waiters.push(resolve) : resolve(received))),
});
