import type { Command } from 'commander';
import { CliError } from '../cli-errors.js';
import { contextOf, type RunOptions } from '../context.js';
import { parsePort } from '../parsers.js';

type MocksModule = typeof import('@coverlink/mocks');
type HelloClaimsMockModule = typeof import('@coverlink/mock-helloclaims');

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
      'Starts every mock: Prism for OSIGU (4010), OneAssure (4011) and the Hello Claims API (4013), and the stateful Hello Claims authorization server (4012). Ctrl-C stops them all.',
    )
    .option(
      '--ports-from <port>',
      'first of four consecutive ports, in the order osigu, oneassure, Hello Claims login, Hello Claims API; 0 picks free ports',
      parsePort,
      4010,
    )
    .action(async (flags: { portsFrom: number }, command: Command) => {
      const context = contextOf(command, options);
      const { reporter } = context;
      const port = (index: number) => (flags.portsFrom === 0 ? 0 : flags.portsFrom + index);
      // Ctrl-C from here on stops the mocks cleanly, even while they start.
      const stop = context.waitForStop();
      const [launcher, helloClaims] = await loadMockPackages();
      reporter.begin('starting the mocks');
      const started = await Promise.allSettled([
        launcher.startMock('osigu', { port: port(0) }).then((mock) => ({
          label: 'osigu',
          url: mock.url,
          detail: 'Prism, specs/osigu; client demo-client',
          stop: mock.stop,
        })),
        launcher.startMock('oneassure', { port: port(1) }).then((mock) => ({
          label: 'oneassure',
          url: mock.url,
          detail: 'Prism, specs/oneassure; client demo-client',
          stop: mock.stop,
        })),
        helloClaims.startHelloClaimsAuthorizationServer({ port: port(2) }).then((server) => ({
          label: 'helloclaims-login',
          url: server.url,
          detail: `authorize ${new URL(server.authorizeUrl).pathname}, token ${new URL(server.tokenUrl).pathname}; client ${helloClaims.demoClient.clientId}, user ${helloClaims.demoUser.username}`,
          stop: server.stop,
        })),
        launcher.startMock('helloclaims', { port: port(3) }).then((mock) => ({
          label: 'helloclaims-api',
          url: mock.url,
          detail: 'Prism, specs/helloclaims resource API',
          stop: mock.stop,
        })),
      ]);
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

async function stopAll(running: readonly Running[]): Promise<void> {
  await Promise.all(running.map((mock) => mock.stop()));
}

/**
 * The mock packages are workspace-only and ship TypeScript source. Run from source (tsx), they load
 * as they are; run from the build (plain Node), tsx is registered first, which the workspace has.
 */
async function loadMockPackages(): Promise<[MocksModule, HelloClaimsMockModule]> {
  const load = () => Promise.all([import('@coverlink/mocks'), import('@coverlink/mock-helloclaims')]);
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
