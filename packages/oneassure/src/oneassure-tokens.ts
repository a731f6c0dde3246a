// OneAssure's token endpoint, on auth's generic client-credentials hooks: a per-user session token
// (nothing cached) and a cached business token, both through one fetch adapter that speaks
// OneAssure's JSON instead of OAuth's form.
import {
  AuthError,
  AuthErrorCode,
  AuthRateLimitedError,
  type ClientCredentialsSettings,
  createClientCredentialsTokenProvider,
  createClientCredentialsTokenRequest,
  type TokenEndpointSettings,
  tokenRequestTransport,
} from '@coverlink/auth';
import { parseRetryAfterMs, safeCode, type TokenProvider } from '@coverlink/core';
import { oneAssureProfile } from './oneassure-profile.js';

/**
 * Settings shared by {@link createOneAssureSessionToken} and {@link createOneAssureBusinessTokenProvider}.
 * `maxRetries`, `maxResponseBytes`, `logger`, `observers` and `provider` (default `OneAssure`) work
 * as for any token endpoint; the OneAssure client passes its own settings through.
 */
export interface OneAssureTokenSettings
  extends Pick<TokenEndpointSettings, 'maxRetries' | 'maxResponseBytes' | 'logger' | 'observers' | 'provider'> {
  /**
   * The full URL of OneAssure's `POST /v1/auth/token`, e.g. `https://<host>/v1/auth/token`. OneAssure
   * does not publish its API host, so there is no default: take it from your onboarding. `https://`
   * only, except `http://` to a loopback address (the local mock).
   */
  tokenUrl: string | URL;
  /** Your OneAssure `client_id` (its "API access key"). */
  clientId: string;
  /** Your OneAssure `client_secret`. Kept in a closure; never put into errors or logs. Never ship it to a browser. */
  clientSecret: string;
  /** The `scopes` to request. Default `['business']`, the only scope OneAssure documents. */
  scopes?: readonly string[] | undefined;
  /**
   * Business tokens only: seconds before expiry at which a cached token is replaced. Default 60. A
   * token living less than twice this is replaced at half its lifetime.
   */
  expirySkewSeconds?: number | undefined;
  /** The fetch implementation that reaches OneAssure. Default: the runtime's transport, the one API calls use. */
  fetch?: typeof fetch | undefined;
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: (() => number) | undefined;
  /** How long one token request may take, in milliseconds. Default 30 000. */
  timeout?: number | undefined;
}

/** A session token for OneAssure's hosted journey; see {@link createOneAssureSessionToken}. */
export interface OneAssureSessionToken {
  /** The token (a JWT) to put in the `session-token` query parameter. Hand it to no one but that user. */
  accessToken: string;
  /** Seconds of validity OneAssure granted (3600 as documented), if it said. */
  expiresInSeconds: number | undefined;
}

/** Per-call options of {@link createOneAssureSessionToken}. */
export interface OneAssureSessionTokenOptions {
  /** Your platform's id for the end user, sent as `user_id` so OneAssure ties the journey to them. Required. */
  userId: string;
  /** Aborts the token request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/**
 * Mints a fresh OneAssure session token for one user, to send them into the hosted health journey
 * (`https://orca.oneassure.in/health?session-token=…`).
 *
 * Every call requests a new token and nothing is cached, as OneAssure asks: a token lives one hour
 * from its creation, so a fresh one gives the user the whole hour. Call it from your backend only;
 * the client secret must never reach a browser, only the resulting token does.
 *
 * @param settings Where OneAssure's token endpoint is and the client credentials.
 * @param options The end user's id on your platform (required, sent as `user_id`) and an optional abort signal.
 * @returns The token and its lifetime in seconds.
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` for an insecure or malformed `tokenUrl`, missing credentials
 * or scopes, or a missing `userId` (nothing is sent then); `AUTH_INVALID_CLIENT` for OneAssure's `A4001`;
 * {@link AuthRateLimitedError} (`AUTH_RATE_LIMITED`) for `A4290`, with `retryAfterSeconds`;
 * `AUTH_SERVER_ERROR` for `E5000` and other 5xx; `AUTH_GRANT_REJECTED` for another 4xx problem;
 * `AUTH_INVALID_RESPONSE` when the answer holds no `payload.access_token`; `AUTH_REQUEST_FAILED` when
 * OneAssure cannot be reached.
 *
 * @example
 * ```ts
 * // In a server route handling "continue to OneAssure":
 * const { accessToken } = await createOneAssureSessionToken(
 *   {
 *     tokenUrl: process.env.ONEASSURE_TOKEN_URL!, // https://<host from onboarding>/v1/auth/token
 *     clientId: process.env.ONEASSURE_CLIENT_ID!,
 *     clientSecret: process.env.ONEASSURE_CLIENT_SECRET!,
 *   },
 *   { userId: currentUser.id },
 * );
 * const journey = new URL('https://orca.oneassure.in/health');
 * journey.searchParams.set('session-token', accessToken);
 * response.redirect(303, journey.href);
 * ```
 */
export async function createOneAssureSessionToken(
  settings: OneAssureTokenSettings,
  options: OneAssureSessionTokenOptions,
): Promise<OneAssureSessionToken> {
  const request = createClientCredentialsTokenRequest(tokenEndpointSettings(settings), oneAssureTokenFetch);
  const userId: unknown = options?.userId;
  if (typeof userId !== 'string' || userId.trim() === '') {
    throw new AuthError('userId is missing or empty: a OneAssure session token is minted for one end user.', {
      code: AuthErrorCode.invalidConfiguration,
      hint: "Pass your platform's id for the user being redirected, e.g. createOneAssureSessionToken(settings, { userId: user.id }).",
    });
  }
  const token = await request({ parameters: { user_id: userId }, signal: options.signal });
  return { accessToken: token.accessToken, expiresInSeconds: token.expiresInSeconds };
}

/**
 * A {@link TokenProvider} of OneAssure business tokens (no `user_id`), for calling OneAssure's APIs
 * (quotes, proposals, policies) from your backend.
 *
 * The token is cached in memory and replaced `expirySkewSeconds` (default 60) before it expires;
 * concurrent callers on a cold or expired cache share one token request. `invalidate(rejected)` drops
 * the cached token only if it is the rejected one, so a burst of 401s costs one new token. A failed
 * request is not cached. This is {@link createClientCredentialsTokenProvider} talking to OneAssure
 * through the JSON adapter below; do not use it for redirections, use {@link createOneAssureSessionToken}.
 *
 * @param settings Where OneAssure's token endpoint is, the client credentials and the expiry skew.
 * @returns A provider whose `getToken()` resolves to the bearer token.
 * @throws {AuthError} `AUTH_INVALID_CONFIGURATION` from the factory for an insecure or malformed `tokenUrl`
 * or missing credentials or scopes; from `getToken()` the same typed errors as {@link createOneAssureSessionToken}.
 *
 * @example
 * ```ts
 * const tokens = createOneAssureBusinessTokenProvider({
 *   tokenUrl: process.env.ONEASSURE_TOKEN_URL!,
 *   clientId: process.env.ONEASSURE_CLIENT_ID!,
 *   clientSecret: process.env.ONEASSURE_CLIENT_SECRET!,
 * });
 * const response = await fetch(`${apiBase}/v1/business/health/policies?start_date=2026-06-01&end_date=2026-06-07`, {
 *   headers: { authorization: `Bearer ${await tokens.getToken()}` },
 * });
 * ```
 */
export function createOneAssureBusinessTokenProvider(settings: OneAssureTokenSettings): TokenProvider {
  return createClientCredentialsTokenProvider(
    { ...tokenEndpointSettings(settings), expirySkewSeconds: settings.expirySkewSeconds },
    oneAssureTokenFetch,
  );
}

// OneAssure's endpoint with the checked scopes, the client secret in the body, and the request
// pipeline's settings named after the provider (not its host) in log lines, errors and observers,
// as its API calls are.
function tokenEndpointSettings(settings: OneAssureTokenSettings): ClientCredentialsSettings {
  const { scopes } = readSettings(settings);
  return {
    tokenUrl: settings.tokenUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    scopes,
    clientAuthentication: 'client_secret_post',
    now: settings.now,
    ...tokenRequestTransport(settings, settings.provider ?? oneAssureProfile.name),
  };
}

function readSettings(settings: OneAssureTokenSettings) {
  const scopes = settings.scopes ?? ['business'];
  // The adapter gets the scopes back from a space-separated OAuth `scope`, so none may hold a space.
  if (scopes.length === 0 || !scopes.every((scope) => typeof scope === 'string' && /^\S+$/.test(scope))) {
    throw new AuthError('scopes must be a non-empty list of scope names without spaces.', {
      code: AuthErrorCode.invalidConfiguration,
      hint: "Omit scopes to request OneAssure's documented ['business'].",
    });
  }
  return { scopes };
}

/**
 * Why this exists: OneAssure's token endpoint is not OAuth. It takes JSON (`client_id`,
 * `client_secret`, a `scopes` array, optional `user_id`) instead of a form, wraps the token in
 * `payload`, and answers errors as RFC 7807-like problems (`{type: "A4001", title, detail, instance}`).
 * auth (on oauth4webapi) still builds the request and validates the token; this fetch, given to
 * it as the endpoint's adapter, translates the form it sends into OneAssure's JSON, and OneAssure's answer back into
 * an OAuth token response. Problems become typed {@link AuthError}s here, before oauth4webapi sees
 * them. It wraps the request pipeline's fetch, so OneAssure's token requests share the API calls'
 * transport, timeout and retries; network failures pass through untouched for the caller to report.
 */
function oneAssureTokenFetch(fetchImplementation: typeof fetch): typeof fetch {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const form = new URLSearchParams(init?.body instanceof URLSearchParams ? init.body : undefined);
    const secret = form.get('client_secret') ?? '';
    const userId = form.get('user_id');
    const body = {
      client_id: form.get('client_id'),
      client_secret: secret,
      scopes: form.get('scope')?.split(' ') ?? [],
      ...(userId === null ? {} : { user_id: userId }),
    };
    const headers = new Headers(init?.headers);
    headers.set('content-type', 'application/json');
    const response = await fetchImplementation(input, { ...init, headers, body: JSON.stringify(body) });
    return toOAuthTokenResponse(response);
  };
}

async function toOAuthTokenResponse(response: Response): Promise<Response> {
  const { status } = response;
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (status < 200 || status > 299) throw problemToError(response, json);

  const payload = (json as { payload?: { access_token?: unknown; token_type?: unknown; expires_in?: unknown } } | null | undefined)
    ?.payload;
  if (typeof payload?.access_token !== 'string' || payload.access_token === '') {
    const what = json === undefined ? 'with a body that is not JSON' : 'without payload.access_token';
    throw new AuthError(`OneAssure's token endpoint answered HTTP ${status} ${what}.`, {
      code: AuthErrorCode.invalidResponse,
      status,
      hint: "Check that tokenUrl is the full URL of OneAssure's POST /v1/auth/token, not a web page or another API.",
    });
  }
  const tokenResponse = {
    access_token: payload.access_token,
    // oauth4webapi accepts bearer (and DPoP) tokens by their lower-case names; OneAssure documents "Bearer".
    token_type: typeof payload.token_type === 'string' ? payload.token_type.toLowerCase() : 'bearer',
    ...(typeof payload.expires_in === 'number' ? { expires_in: payload.expires_in } : {}),
  };
  // The Date header lets auth read a JWT's exp on the server's clock when expires_in is missing.
  const date = response.headers.get('date');
  return new Response(JSON.stringify(tokenResponse), {
    status: 200,
    headers: { 'content-type': 'application/json', ...(date === null ? {} : { date }) },
  });
}

/** The typed error for OneAssure's non-2xx answer, naming its status and problem code, never its title or detail. */
function problemToError(response: Response, json: unknown): AuthError {
  const { status } = response;
  const answer = describeAnswer(status, json);
  if (status === 401 || status === 403) {
    return new AuthError(`OneAssure rejected the client credentials (${answer}).`, {
      code: AuthErrorCode.invalidClient,
      status,
      hint: 'Check clientId and clientSecret, and that tokenUrl is the OneAssure host they were issued for (OneAssure does not publish its API host: take it from your onboarding).',
    });
  }
  if (status === 429) {
    // OneAssure states the wait in prose ("Please try again in 60 seconds"); a Retry-After header, if sent, wins.
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
    const detail = (json as { detail?: unknown } | null | undefined)?.detail;
    const statedSeconds = typeof detail === 'string' ? /\b(\d{1,5}) seconds?\b/.exec(detail)?.[1] : undefined;
    const retryAfterSeconds = retryAfterMs === undefined ? Number(statedSeconds ?? 60) : Math.ceil(retryAfterMs / 1000);
    return new AuthRateLimitedError(`OneAssure rate-limited token requests (${answer}).`, {
      status,
      retryAfterSeconds,
      hint: `Wait ${retryAfterSeconds} s before the next token request; reuse business tokens (createOneAssureBusinessTokenProvider) and mint session tokens only when a user is actually redirected.`,
    });
  }
  if (status >= 500) {
    return new AuthError(`OneAssure's token endpoint failed on its side (${answer}).`, {
      code: AuthErrorCode.serverError,
      status,
      hint: 'Retry later; if it persists, contact OneAssure developer support with the time of the request.',
    });
  }
  if (status >= 400 && isProblem(json)) {
    return new AuthError(`OneAssure refused the token request (${answer}).`, {
      code: AuthErrorCode.grantRejected,
      status,
      hint: "Check the scopes (OneAssure documents only 'business') and, for a session token, the userId.",
    });
  }
  return new AuthError(`OneAssure's token endpoint answered ${answer}, which is not a token response.`, {
    code: AuthErrorCode.invalidResponse,
    status,
    hint: "Check that tokenUrl is the full URL of OneAssure's POST /v1/auth/token.",
  });
}

function isProblem(json: unknown): json is { type?: unknown; title?: unknown } {
  return typeof json === 'object' && json !== null && ('type' in json || 'title' in json);
}

// Coverlink's own words for the problem codes OneAssure documents.
const documentedProblems: Readonly<Record<string, string>> = {
  A4001: 'invalid credentials',
  A4290: 'rate limited',
  E5000: 'server error',
};

/**
 * `HTTP 401, A4001 invalid credentials`: the status, the problem's code (`type`) when it is
 * code-shaped, and our own words for the documented codes. The problem's `title` and `detail` are
 * the provider's free text (they may echo what was sent, the secret or a user id), so they are never used.
 */
function describeAnswer(status: number, json: unknown): string {
  const code = isProblem(json) ? safeCode(json.type) : undefined;
  if (code === undefined) return `HTTP ${status}`;
  const words = Object.hasOwn(documentedProblems, code) ? documentedProblems[code] : undefined;
  return `HTTP ${status}, ${code}${words === undefined ? '' : ` ${words}`}`;
}
