// The one seam between the request pipeline and what watches it. The pipeline reports the life of
// each call here and nowhere else; the attempt log and OpenTelemetry are two observers of it, so
// neither needs a hook of its own inside the pipeline, and neither can see more than this carries.

/**
 * What an observer learns about a call when it starts. Deliberately holds no URL, query, body,
 * header value or path parameter: only names that are the same for every user of the operation.
 */
export interface CallStart {
  /** The provider's name, e.g. `OSIGU`. */
  provider: string;
  /** HTTP method, upper case. */
  method: string;
  /** The path template, e.g. `/v1/sponsors/{sponsor_slug}/search`, never the filled-in path. */
  pathTemplate: string;
  /** The API's origin (`https://sandbox.osigu.com`): scheme, host and port only. */
  origin: string;
  /** Whether this is a token-endpoint request (`token`) or an API call (`api`). */
  kind: 'api' | 'token';
}

/** How one attempt ended. */
export interface AttemptEnd {
  /** The response status, when a response arrived. */
  status?: number | undefined;
  /** When the attempt failed without a usable response. */
  failure?: 'connection' | 'timeout' | 'abort' | 'too-large' | undefined;
  /** Milliseconds from sending to the end of the attempt. */
  durationMs: number;
  /** When another attempt follows: how long until it. */
  retryInMs?: number | undefined;
}

/** How the whole call ended. */
export interface CallEnd {
  /** The final response status, when one arrived. */
  status?: number | undefined;
  /** The stable code of the error the call failed with (e.g. `TIMEOUT`), when it failed. */
  errorCode?: string | undefined;
  /** Attempts made, the first included. */
  attempts: number;
}

/** One attempt being watched; {@link AttemptObservation.end} is called exactly once. */
export interface AttemptObservation {
  end(outcome: AttemptEnd): void;
}

/** One call being watched; every attempt starts and ends before {@link CallObservation.end}, called exactly once. */
export interface CallObservation {
  /** A new attempt (1 for the first). */
  attempt(attempt: number): AttemptObservation;
  /** A bearer token was fetched for this call (`refresh`: after a 401). */
  tokenFetched?(reason: 'initial' | 'refresh'): void;
  end(outcome: CallEnd): void;
}

/** Watches calls; see {@link CallObservation}. Observers must not throw: what they throw is ignored. */
export interface CallObserver {
  start(call: CallStart): CallObservation;
}
