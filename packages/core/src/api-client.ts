import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { createBearerMiddleware } from './bearer-middleware.js';
import { InvalidResponseError } from './core-errors.js';
import type { Logger } from './logger.js';
import type { ProviderProfile } from './provider-profile.js';
import { rememberPathTemplate, rememberResponseContext } from './request-context.js';
import { createResilientFetch } from './resilient-fetch.js';
import type { RetryPolicy } from './retry-policy.js';
import type { TokenProvider } from './token-provider.js';
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
  return client;
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
    onResponse({ request, response, schemaPath, options }) {
      const operation = `${request.method} ${schemaPath}`;
      rememberResponseContext(response, { operation, profile });
      // openapi-fetch would fail with a bare SyntaxError on a success answer that is not JSON.
      const type = response.headers.get('content-type');
      if (response.ok && options.parseAs === 'json' && response.status !== 204 && type !== null && !/json/i.test(type)) {
        throw new InvalidResponseError(
          `${profile.name} answered ${response.status} to ${operation} with ${type.split(';')[0]}, not JSON.`,
          {
            status: response.status,
            operation,
            hint: 'A proxy or maintenance page answered instead of the API: check the base URL and the provider status.',
          },
        );
      }
      return undefined;
    },
  };
}
