// Starts the Hello Claims authorization server mock on its documented port and keeps it up until Ctrl-C.
// Usage: tsx mocks/helloclaims/src/cli.ts [--port <port>] [--revoke-on-refresh-token-reuse]
import { startHelloClaimsAuthorizationServer } from './authorization-server.js';
import { demoClient, demoUser, helloClaimsMockPort } from './config.js';

function requestedPort(argv: readonly string[]): number {
  const index = argv.indexOf('--port');
  if (index < 0) return helloClaimsMockPort;
  const port = Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port needs a port number, got ${argv[index + 1] ?? 'nothing'}.`);
    process.exit(2);
  }
  return port;
}

let server: Awaited<ReturnType<typeof startHelloClaimsAuthorizationServer>>;
try {
  server = await startHelloClaimsAuthorizationServer({
    port: requestedPort(process.argv.slice(2)),
    revokeOnRefreshTokenReuse: process.argv.includes('--revoke-on-refresh-token-reuse'),
    onLog: (line) => console.log(`  ${new Date().toISOString()} ${line}`),
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? 'The port is already in use; pass --port <port>.' : error instanceof Error ? error.message : error);
  process.exit(1);
}

const running = server;
const stop = () => void running.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

const [redirectUri] = demoClient.redirectUris;
const exampleAuthorize = new URL(running.authorizeUrl);
exampleAuthorize.search = new URLSearchParams({
  response_type: 'code',
  client_id: demoClient.clientId,
  redirect_uri: redirectUri,
  scope: 'requests',
  state: 'xyz',
}).toString();

console.log(`Hello Claims authorization server mock: ${running.url}`);
console.log(`  authorize  GET  ${running.authorizeUrl}`);
console.log(`  token      POST ${running.tokenUrl}`);
console.log(`  client     ${demoClient.clientId} / ${demoClient.clientSecret}`);
console.log(`             redirect URIs: ${demoClient.redirectUris.join(', ')}`);
console.log(`  user       ${demoUser.username} / ${demoUser.password}`);
console.log(`  try        ${exampleAuthorize.href}`);
console.log('Press Ctrl-C to stop.');
