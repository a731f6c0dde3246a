import type { Command } from 'commander';
import { CliError } from '../cli-errors.js';
import { contextOf, type RunOptions } from '../context.js';
import { parsePort } from '../parsers.js';

type MocksModule = typeof import('@coverlink/mocks');
type HelloClaimsMockModule = typeof import('@coverlink/mock-helloclaims');
type OsiguSimulatorModule = typeof import('@coverlink/mock-osigu');

interface Running {
  label: string;
  url: string;
  detail: string;
  stop(): Promise<void>;
}

export function addMocksCommands(program: Command, options: RunOptions): void {
  const mocks = program.command('mocks').description('The local mock servers (inside the Coverlink workspace).');
  mocks
    .command('start')
    .description(
      "Starts every mock on the port its provider's coverlink.provider.json documents: Prism for each provider spec, the stateful Hello Claims authorization server and the stateful OSIGU simulator. Ctrl-C stops them all.",
    )
    .option(
      '--ports-from <port>',
      'instead, consecutive ports from this one, in the order of the documented ports; 0 picks free ports',
      parsePort,
    )
    .option(
      '--revoke-on-refresh-token-reuse',
      'the Hello Claims authorization server revokes the whole token family when an already rotated refresh token is presented again (RFC 9700 §4.14.2), instead of refusing only that request',
    )
    .action(async (flags: { portsFrom?: number | undefined; revokeOnRefreshTokenReuse?: boolean }, command: Command) => {
      const context = contextOf(command, options);
      const { reporter } = context;
      // Ctrl-C from here on stops the mocks cleanly, even while they start.
      const stop = context.waitForStop();
      const [launcher, helloClaims, osiguSimulator] = await loadMockPackages();
      reporter.begin('starting the mocks');
      const started = await Promise.allSettled(mocksToStart(launcher, helloClaims, osiguSimulator, flags));
      const running = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed !== undefined) {
        reporter.stop();
        await Promise.all(running.map((mock) => mock.stop()));
        const reason = failed.reason instanceof Error ? failed.reason.message.split('\n')[0] : String(failed.reason);
        throw new CliError(
          `A mock did not start: ${reason}`,
          'CLI_MOCK_START',
          'Another process may use the port: pass --ports-from <port>, or 0 for free ports.',
        );
      }
      reporter.stop();
      reporter.line('Coverlink mocks running (Ctrl-C to stop):');
      for (const mock of running) reporter.line(`  ${mock.label.padEnd(18)} ${mock.url}  (${mock.detail})`);
      reporter.result(Object.fromEntries(running.map((mock) => [mock.label, mock.url])));
      const signal = await stop;
      await stopAll(running);
      reporter.line(`Stopped every mock (${signal}).`);
    });
}

/**
 * One start per mock, in the order of their documented ports: every provider's Prism mock, the
 * Hello Claims authorization server beside the Hello Claims API it issues tokens for, and the
 * stateful simulators the manifests declare. Each on its documented port, or with `portsFrom` on
 * consecutive ports from there in that order (0: free ports).
 */
function mocksToStart(
  launcher: MocksModule,
  helloClaims: HelloClaimsMockModule,
  osiguSimulator: OsiguSimulatorModule,
  flags: { portsFrom?: number | undefined; revokeOnRefreshTokenReuse?: boolean },
): Promise<Running>[] {
  const revoke = flags.revokeOnRefreshTokenReuse === true;
  const planned: { documentedPort: number; start: (port: number) => Promise<Running> }[] = [];
  for (const definition of Object.values(launcher.mockDefinitions)) {
    const { name } = definition;
    if (name === 'helloclaims' && definition.authorizationServer !== undefined) {
      planned.push({
        documentedPort: definition.authorizationServer.port,
        start: (port) =>
          helloClaims.startHelloClaimsAuthorizationServer({ port, revokeOnRefreshTokenReuse: revoke }).then((server) => ({
            label: 'helloclaims-login',
            url: server.url,
            detail: `authorize ${new URL(server.authorizeUrl).pathname}, token ${new URL(server.tokenUrl).pathname}; client ${helloClaims.demoClient.clientId}, user ${helloClaims.demoUser.username}${revoke ? '; a reused refresh token revokes its family' : ''}`,
            stop: server.stop,
          })),
      });
    }
    const label = name === 'helloclaims' ? 'helloclaims-api' : name;
    const detail = name === 'helloclaims' ? 'Prism, specs/helloclaims resource API' : `Prism, specs/${name}; any client credentials`;
    planned.push({
      documentedPort: definition.port,
      start: (port) => launcher.startMock(name, { port }).then((mock) => ({ label, url: mock.url, detail, stop: mock.stop })),
    });
  }
  for (const simulator of Object.values(launcher.simulatorDefinitions)) {
    if (simulator.name !== 'osigu-simulator') continue;
    planned.push({
      documentedPort: simulator.port,
      start: (port) =>
        osiguSimulator.startOsiguSimulator({ port }).then((running) => ({
          label: simulator.name,
          url: running.url,
          detail: `stateful, specs/osigu; client ${osiguSimulator.demoClient.clientId}, webhook secret ${osiguSimulator.simulatorWebhookSecret}`,
          stop: running.stop,
        })),
    });
  }
  planned.sort((left, right) => left.documentedPort - right.documentedPort);
  const { portsFrom } = flags;
  return planned.map((mock, index) => mock.start(portsFrom === undefined ? mock.documentedPort : portsFrom === 0 ? 0 : portsFrom + index));
}

async function stopAll(running: readonly Running[]): Promise<void> {
  await Promise.all(running.map((mock) => mock.stop()));
}

/**
 * The mock packages are workspace-only and ship TypeScript source. Run from source (tsx), they load
 * as they are; run from the build (plain Node), tsx is registered first, which the workspace has.
 */
async function loadMockPackages(): Promise<[MocksModule, HelloClaimsMockModule, OsiguSimulatorModule]> {
  const load = () => Promise.all([import('@coverlink/mocks'), import('@coverlink/mock-helloclaims'), import('@coverlink/mock-osigu')]);
  try {
    return await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      const { register } = await import('tsx/esm/api');
      register();
      return load();
    }
    if (code === 'ERR_MODULE_NOT_FOUND') {
      throw new CliError(
        '`coverlink mocks start` runs inside the Coverlink workspace: the mock servers are not published.',
        'CLI_MOCKS_UNAVAILABLE',
        'Clone the Coverlink repository and run it there (pnpm install first).',
      );
    }
    throw error;
  }
}
