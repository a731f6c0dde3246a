import { createRedirectUrl } from '@coverlink/oneassure';
import type { Command } from 'commander';
import { checkUrl, resolveOneAssureConfig } from '../config.js';
import { contextOf, type RunOptions } from '../context.js';

interface RedirectFlags {
  userId: string;
  clientId?: string;
  clientSecret?: string;
  baseUrl?: string;
}

export function addOneAssureCommands(program: Command, options: RunOptions): void {
  const oneAssure = program.command('oneassure').description('OneAssure (India): the hosted health journey.');
  oneAssure
    .command('redirect-url')
    .description(
      "Mints a fresh session token for the user and prints the URL of OneAssure's hosted health journey.\n" +
        "The URL carries the session token, the user's credential for the next hour: it is printed as-is only " +
        'because you asked for it. Do not paste it into logs, tickets or chats.',
    )
    .requiredOption('--user-id <id>', "your platform's id of the user")
    .option('--client-id <id>', 'client id (env COVERLINK_ONEASSURE_CLIENT_ID)')
    .option('--client-secret <secret>', 'client secret; prefer env COVERLINK_ONEASSURE_CLIENT_SECRET or .env (flags show in ps)')
    .option('--base-url <url>', 'API host (env COVERLINK_ONEASSURE_BASE_URL; default the local mock; required with --env sandbox)')
    .action(async (flags: RedirectFlags, command: Command) => {
      const context = contextOf(command, options);
      const config = resolveOneAssureConfig(context.source, context.environment, flags);
      checkUrl(config.baseUrl, '--base-url');
      const url = await createRedirectUrl({
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        tokenUrl: `${config.baseUrl}/v1/auth/token`,
        userId: flags.userId,
      });
      context.reporter.line(url);
      context.reporter.result({ userId: flags.userId, url });
    });
}
