import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { createBearerMiddleware } from './bearer-middleware.js';
import { AbortError, CoverlinkError, InvalidResponseError, UnexpectedError } from './core-errors.js';
import type { Logger } from './logger.js';
import type { ProviderProfile } from './provider-profile.js';
import { rememberPathTemplate, rememberResponseContext } from './request-context.js';
import { createResilientFetch } from './resilient-fetch.js';
import type { RetryPolicy } from './retry-policy.js';
import type { TokenProvider } from './token-provider.js';
import { mediaTypeOf } from './unwrap.js';
import { corePackageName, corePackageVersion } from './version.js';

/** Settings every provider client accepts, named the same in every package. */
export interface ClientSettings {
  /** The API host. */
  baseUrl?: string | undefined;
  /**
   * The fetch implementation for every request. Default: the global `fetch`. API requests reach it as
   * `fetch(request, { signal })`: honour `init.signal`, which carries each attempt's timeout.
   */
  fetch?: typeof fetch | undefined;
  /** Headers added to every API request. */
  headers?: Record<string, string> | undefined;
  /** Retries after a failed attempt (connection failure, 408, 429, 5xx). Default 2; `0` turns retrying off. */
  maxRetries?: number | undefined;
  /** Backoff tuning beyond `maxRetries`. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>> | undefined;
  /** Per-attempt timeout in milliseconds, for API and token requests. Default 60 000 (token requests 30 000); `Infinity` turns it off. */
  timeout?: number | undefined;
  /** Receives one redacted entry per attempt (pino-compatible). */
  logger?: Logger | undefined;
}

/** What {@link createApiClient} needs beyond the shared settings. */
export interface ApiClientOptions extends ClientSettings {
  /** The API host (required here; providers supply their default). */
  baseUrl: string;
  /** The provider this client talks to. */
  profile: ProviderProfile;
  /** Where bearer tokens come from; omit for APIs without bearer auth. */
  tokens?: TokenProvider | undefined;
  /**
   * The provider's own middleware (request checks, …). It runs before a token is fetched, so a call
   * it refuses costs no token request and sends nothing.
   */
  middleware?: readonly Middleware[] | undefined;
  /** Waits between attempts; for tests. */
  sleep?: ((milliseconds: number, signal: AbortSignal | null) => Promise<void>) | undefined;
}

/**
 * A typed openapi-fetch client on the shared runtime: retries with backoff, per-attempt timeouts,
 * bearer tokens with one fresh-token retry on 401, a `User-Agent` naming the provider package and
 * this runtime, and a log entry per attempt. Calls return `{ data, error, response }`; pass the
 * result to {@link unwrap} to get the data or a typed {@link ApiError}.
 *
 * Every error a call rejects with is a {@link CoverlinkError} whose text quotes no body and no token:
 * a success answer that is not JSON is an {@link InvalidResponseError}, and anything Coverlink did
 * not raise itself (a `TypeError` from `Headers`, a middleware's bug) becomes an
 * {@link UnexpectedError} naming only the original error's class.
 */
export function createApiClient<Paths extends {}>(options: ApiClientOptions): Client<Paths> {
  const transport = createResilientFetch({
    provider: options.profile.name,
    fetch: options.fetch,
    retry: { ...options.retry, ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }) },
    timeout: options.timeout,
    logger: options.logger,
    sleep: options.sleep,
  });
  const client = createClient<Paths>({ baseUrl: options.baseUrl, fetch: transport, headers: options.headers });
  // Registered first, so its onResponse runs last (openapi-fetch runs them in reverse) and sees
  // the final response, after any 401 repeat.
  client.use(contextMiddleware(options.profile), ...(options.middleware ?? []));
  if (options.tokens !== undefined) client.use(createBearerMiddleware(options.tokens, transport));
  return failingClosed(client, options.profile.name);
}

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * The client with every call method wrapped so that what it rejects with is always a
 * {@link CoverlinkError}: an error raised elsewhere (undici's `Headers` quoting the value it refused,
 * `JSON.parse` quoting the body, a provider middleware's bug) may carry any text, so it is replaced by
 * an {@link UnexpectedError} that keeps only its class name, and is not kept as the cause either.
 */
function failingClosed<Paths extends {}>(client: Client<Paths>, provider: string): Client<Paths> {
  type Send = (path: string, init?: { signal?: AbortSignal | null }) => Promise<unknown>;
  const calls = client as unknown as Record<(typeof methods)[number], Send> & {
    request: (method: string, path: string, init?: { signal?: AbortSignal | null }) => Promise<unknown>;
  };
  for (const method of methods) {
    const send = calls[method];
    calls[method] = (path, init) =>
      send(path, init).catch((error: unknown) => Promise.reject(toCoverlinkError(error, provider, `${method} ${path}`, init)));
  }
  const request = calls.request;
  calls.request = (method, path, init) =>
    request(method, path, init).catch((error: unknown) =>
      Promise.reject(toCoverlinkError(error, provider, `${String(method).toUpperCase()} ${path}`, init)),
    );
  return client;
}

function toCoverlinkError(error: unknown, provider: string, operation: string, init: { signal?: AbortSignal | null } | undefined): unknown {
  if (CoverlinkError.isInstance(error)) return error;
  // The caller's abort surfaces as an AbortError wherever it struck (a DOMException from a body read, …).
  if (init?.signal?.aborted) {
    return new AbortError(`The ${provider} request ${operation} was aborted by the caller.`, {
      code: 'ABORTED',
      cause: init.signal.reason,
    });
  }
  return new UnexpectedError({ provider, operation, original: error });
}

/** The `User-Agent` of a provider client: its package and this runtime, with versions. */
export function userAgent(profile: ProviderProfile): string {
  return `${profile.packageName}/${profile.packageVersion} ${corePackageName}/${corePackageVersion}`;
}

function contextMiddleware(profile: ProviderProfile): Middleware {
  const agent = userAgent(profile);
  return {
    onRequest({ request, schemaPath }) {
      request.headers.set('user-agent', agent);
      rememberPathTemplate(request, schemaPath);
      return request;
    },
    async onResponse({ request, response, schemaPath, options }) {
      const operation = `${request.method} ${schemaPath}`;
      rememberResponseContext(response, { operation, profile });
      if (!response.ok || options.parseAs !== 'json' || request.method === 'HEAD' || response.body === null) return undefined;
      // openapi-fetch would fail with a bare SyntaxError quoting the body ("Unexpected token 'M',
      // "MARIA GONZ"…") on a success answer that is not JSON, so the body is parsed here first.
      const invalid = (what: string) =>
        new InvalidResponseError(`${profile.name} answered ${response.status} to ${operation} with ${what}.`, {
          status: response.status,
          operation,
          provider: profile.name,
          hint: 'A proxy or maintenance page answered instead of the API: check the base URL and the provider status.',
        });
      const type = response.headers.get('content-type');
      if (type !== null && !/json/i.test(type)) throw invalid(`${mediaTypeOf(type) ?? 'a malformed content type'}, not JSON`);
      // The body is already in memory (resilient-fetch buffers it); parsing it twice costs
      // microseconds for these API answers and keeps openapi-fetch's own parsing untouched.
      const text = await response.text();
      if (text !== '') {
        try {
          JSON.parse(text);
        } catch {
          throw invalid('a body that is not JSON');
        }
      }
      const checked = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
      rememberResponseContext(checked, { operation, profile });
      return checked;
    },
  };
}
