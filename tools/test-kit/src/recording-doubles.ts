// Doubles that stand in for what a client is given (its sleep, its logger, its token provider) and
// record how the client used them, typed only by shape so this kit depends on no package it tests.

/**
 * A `sleep` for `createResilientFetch`/`createApiClient` that resolves at once and records each
 * delay. `during` runs inside the sleep, e.g. to abort the caller's signal mid-backoff.
 */
export function recordingSleep(during?: (milliseconds: number, signal: AbortSignal | null) => void) {
  const delays: number[] = [];
  const sleep = async (milliseconds: number, signal: AbortSignal | null): Promise<void> => {
    delays.push(milliseconds);
    during?.(milliseconds, signal);
  };
  return { sleep, delays };
}

/** A logger's levels, as pino and core's `Logger` name them. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One call of a logger method, with every argument it received. */
export interface LogCall {
  level: LogLevel;
  args: unknown[];
}

/**
 * A pino-shaped logger spy. `entries()` gives the first argument of each call (for core's
 * pipeline: the attempt log, typed by `Entry`).
 */
export function recordingLogger<Entry = Record<string, unknown>>() {
  const calls: LogCall[] = [];
  const record =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      calls.push({ level, args });
    };
  const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
  return { logger, calls, entries: () => calls.map((call) => call.args[0] as Entry) };
}

/** A token provider (core's `TokenProvider` shape) handing out `token-1`, `token-2`, … (a new one after each invalidate), counting calls. */
export function countingTokenProvider(prefix = 'token') {
  let issued = 1;
  const calls = { getToken: 0, invalidated: [] as (string | undefined)[] };
  const tokens = {
    async getToken(_options?: { signal?: AbortSignal | undefined }): Promise<string> {
      calls.getToken++;
      return `${prefix}-${issued}`;
    },
    invalidate(rejectedToken?: string): void {
      calls.invalidated.push(rejectedToken);
      if (rejectedToken === undefined || rejectedToken === `${prefix}-${issued}`) issued++;
    },
  };
  return { tokens, calls };
}
