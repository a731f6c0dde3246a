import { CoverlinkError } from '@coverlink/core';

/** Exit codes of `coverlink`: 1 for provider, auth and runtime failures, 2 for usage and configuration mistakes. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

/** A mistake on the command line or in the configuration: exits 2. */
export class UsageError extends CoverlinkError {
  constructor(message: string, hint?: string) {
    super(message, { code: 'CLI_USAGE', hint });
  }
}

/** A failure of the CLI itself that is not the provider's (no stored connection, callback timeout, …): exits 1. */
export class CliError extends CoverlinkError {
  constructor(message: string, code: string, hint?: string) {
    super(message, { code, hint });
  }
}

/**
 * Every secret the configuration resolved (client secrets), so that nothing the CLI prints can
 * carry one even if a foreign error message quoted it.
 */
const knownSecrets = new Set<string>();

/** Remembers a secret to scrub from output. */
export function registerSecret(secret: string | undefined): void {
  if (secret !== undefined && secret.length >= 4) knownSecrets.add(secret);
}

/** `text` with every registered secret replaced by `[redacted]`. */
export function scrubSecrets(text: string): string {
  let result = text;
  for (const secret of knownSecrets) result = result.split(secret).join('[redacted]');
  return result;
}
