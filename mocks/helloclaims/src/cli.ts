// Starts the Hello Claims authorization server mock on its documented port and keeps it up until Ctrl-C.
// Usage: tsx mocks/helloclaims/src/cli.ts [--port <port>] [--revoke-on-refresh-token-reuse]
import { runServerCommand } from '@coverlink/mocks';
import { startHelloClaimsAuthorizationServer } from './authorization-server.js';
import { demoClient, demoUser, helloClaimsMockPort } from './config.js';

const running = await runServerCommand(helloClaimsMockPort, (port) =>
  startHelloClaimsAuthorizationServer({
    port,
    revokeOnRefreshTokenReuse: process.argv.includes('--revoke-on-refresh-token-reuse'),
    onLog: (line) => console.log(`  ${new Date().toISOString()} ${line}`),
  }),
);

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
