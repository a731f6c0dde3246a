/**
 * The logging hook: any object with pino's method shape (`logger.info(object, message)`), so a pino
 * or a pino child logger fits as is. Every method is optional.
 */
export interface Logger {
  debug?(object: Record<string, unknown>, message?: string): void;
  info?(object: Record<string, unknown>, message?: string): void;
  warn?(object: Record<string, unknown>, message?: string): void;
  error?(object: Record<string, unknown>, message?: string): void;
}

/** What is logged for each attempt of a request. Carries no secret and no personal field. */
export interface AttemptLog {
  /** The provider's name. */
  provider: string;
  /** HTTP method. */
  method: string;
  /** The path template, e.g. `/v1/sponsors/{sponsor_slug}/search`, never the filled-in path. */
  path: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** The response status, when a response arrived. */
  status?: number | undefined;
  /** Milliseconds from sending to the response headers (or the failure). */
  durationMs: number;
  /** When the attempt failed without a usable response: `connection`, `timeout`, `abort` or `too-large`. */
  failure?: 'connection' | 'timeout' | 'abort' | 'too-large' | undefined;
  /** When another attempt follows: how long until it. */
  retryInMs?: number | undefined;
}
