import type { Command } from 'commander';
import { ConfigSource, type Environment } from './config.js';
import { Reporter, type Streams } from './output.js';

/** What every command action gets: resolved global options, the configuration source and the reporter. */
export interface CommandContext {
  environment: Environment;
  source: ConfigSource;
  reporter: Reporter;
  streams: Streams;
  /**
   * Resolves once the user asks the command to stop (SIGINT or SIGTERM). A command that calls it
   * handles the signal itself; otherwise the signal ends the process at once.
   */
  waitForStop: () => Promise<NodeJS.Signals>;
}

/** How the program is run: the process's streams, working directory and environment, or a test's. */
export interface RunOptions {
  streams: Streams;
  cwd: string;
  environment: Readonly<Record<string, string | undefined>>;
  waitForStop: () => Promise<NodeJS.Signals>;
}

/** Builds the context of the command being run from its options and the program's global ones. */
export function contextOf(command: Command, options: RunOptions): CommandContext {
  const globals = command.optsWithGlobals<{ json?: boolean; env?: string }>();
  const source = ConfigSource.load(options.cwd, options.environment);
  return {
    environment: source.environment(globals.env),
    source,
    reporter: new Reporter(options.streams, globals.json === true),
    streams: options.streams,
    waitForStop: options.waitForStop,
  };
}
