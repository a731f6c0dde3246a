// One call's facts, created once when the call starts and handed explicitly to every step of the
// pipeline (attempt loop, bearer auth, observers, errors). Nothing rides on the Request or in a
// side table: whoever needs a fact gets this object.
import type { CallObservation } from './call-observer.js';
import type { ProviderProfile } from './provider-profile.js';
import type { TokenProvider } from './token-provider.js';

/**
 * When a request may be sent again:
 * - `by-method`: idempotent methods and requests with an `Idempotency-Key` after any failure; others
 *   (a POST without a key) only when they were never sent (connection refused, host not found).
 * - `always`: after any retryable failure (a client-credentials token request: asking again for a
 *   token is harmless).
 * - `unsent-only`: only when it was never sent (a refresh-token request: the server may have rotated
 *   the refresh token on the first, and a second would present a revoked one).
 */
export type RepeatRule = 'by-method' | 'always' | 'unsent-only';

/** Everything the pipeline knows about one call; see {@link createCallPipeline}. */
export interface CallContext {
  /** The provider's name, for messages and observers. */
  readonly provider: string;
  /** An API call or a token-endpoint request. */
  readonly kind: 'api' | 'token';
  /** HTTP method, upper case. */
  readonly method: string;
  /** The path template (`/v1/sponsors/{sponsor_slug}/search`), never the filled-in path. */
  readonly pathTemplate: string;
  /** `METHOD /path/{template}`, for errors. */
  readonly operation: string;
  /** The provider profile, for API calls of a provider client. */
  readonly profile?: ProviderProfile | undefined;
  /** Retries for this call (checked). */
  readonly maxRetries: number;
  /** Per-attempt timeout for this call in milliseconds (checked). */
  readonly timeout: number;
  /** The caller's signal; ends every attempt and every wait. */
  readonly signal: AbortSignal | null;
  /** Where bearer tokens come from, when the API uses them. */
  readonly tokens?: TokenProvider | undefined;
  /** When the request may be sent again. */
  readonly repeat: RepeatRule;
  /** The `X-Request-Id` sent with every attempt of this call, when the client sends one. */
  readonly requestId?: string | undefined;
  /** The observers' view of this call. */
  readonly observation: CallObservation;
  /** Attempts started so far (1 during the first). */
  attempt: number;
}
