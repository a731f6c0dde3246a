import { CoverlinkError } from '@coverlink/core';
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, scrubSecrets, UsageError } from './cli-errors.js';
import { addHelloClaimsCommands } from './commands/helloclaims.js';
import { addMocksCommands } from './commands/mocks.js';
import { addOneAssureCommands } from './commands/oneassure.js';
import { addOsiguCommands } from './commands/osigu.js';
import type { RunOptions } from './context.js';
import { cliVersion } from './version.js';

/** Builds the `coverlink` program; `run` parses with it. */
export function createProgram(options: RunOptions): Command {
  const program = new Command('coverlink')
    .description(
      'Start the Coverlink mocks and run each provider flow (OSIGU, OneAssure, Hello Claims) against them or a sandbox.\n' +
        'Settings come from flags, then COVERLINK_* environment variables, then a .env file in the working directory, then defaults (the local mocks).',
    )
    .version(cliVersion, '-V, --version')
    .addOption(
      new Option('--env <name>', "local mocks or the providers' sandbox hosts (env COVERLINK_ENV; default local)").choices([
        'local',
        'sandbox',
      ]),
    )
    .option('--json', 'print one machine-readable JSON document instead of the human lines')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => options.streams.stdout.write(text),
      writeErr: (text) => options.streams.stderr.write(scrubSecrets(text)),
    });
  addMocksCommands(program, options);
  addOsiguCommands(program, options);
  addOneAssureCommands(program, options);
  addHelloClaimsCommands(program, options);
  return program;
}

/** Runs `coverlink` with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], options: RunOptions): Promise<number> {
  const program = createProgram(options);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return report(error, options, argv.includes('--json'));
  }
}

function report(error: unknown, options: RunOptions, json: boolean): number {
  if (error instanceof CommanderError) {
    // Commander printed its message already. --help and --version are successes.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? ExitCode.ok : ExitCode.usage;
  }
  const exitCode = UsageError.isInstance(error) ? ExitCode.usage : ExitCode.failure;
  const described = CoverlinkError.isInstance(error)
    ? { code: error.code, message: error.message, hint: error.hint }
    : { code: 'CLI_UNEXPECTED', message: error instanceof Error ? error.message : String(error), hint: undefined };
  if (json) {
    options.streams.stdout.write(`${scrubSecrets(JSON.stringify({ error: described }, null, 2))}\n`);
  } else {
    const hint = described.hint === undefined ? '' : `\n  hint: ${described.hint}`;
    options.streams.stderr.write(`${scrubSecrets(`✗ ${described.message}${hint}`)}\n`);
  }
  return exitCode;
}
