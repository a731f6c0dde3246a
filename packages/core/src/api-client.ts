import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { CallObserver } from './call-observer.js';
import { type CoverlinkClient, checkRequestOverrides } from './client-options.js';
import { abortedByCaller, CoverlinkError, InvalidResponseError, UnexpectedError } from './core-errors.js';
import type { Logger } from './logger.js';
import { checkPathParameters } from './path-parameters.js';
import type { ProviderProfile } from './provider-profile.js';
import { ReplayableRequest } from './replayable-request.js';
import { type CallPipeline, createCallPipeline } from './resilient-fetch.js';
import { hasBody, parsesAsJson } from './response-body.js';
import type { RetryPolicy } from './retry-policy.js';
import type { TokenProvider } from './token-provider.js';
import { type CallRecord, mediaTypeOf, recordCall } from './unwrap.js';
import { corePackageName, corePackageVersion } from './version.js';

/** Settings every provider client accepts, named the same in every package. */
export interface ClientSettings {
  /** The API host. */
  baseUrl?: string | undefined;
  /**
   * Your own fetch for every request (API and token). Default: undici on Node, global `fetch`
   * elsewhere. Either way redirects are never followed and bodies are read up to `maxResponseBytes`.
   * Requests reach it as `fetch(request, { signal, redirect: 'manual' })`: honour `init.signal`,
   * which carries each attempt's timeout.
   */
  fetch?: typeof fetch | undefined;
  /** The largest response body read, in bytes; a larger or endless one fails with `ResponseTooLargeError`. Default 10 MiB; `Infinity` lifts it. */
  maxResponseBytes?: number | undefined;
  /** Headers added to every API request. */
  headers?: Record<string, string> | undefined;
  /** Retries after a failed attempt (connection failure, 408, 429, 5xx): an integer ≥ 0. Default 2; `0` turns retrying off. */
  maxRetries?: number | undefined;
  /** Backoff tuning beyond `maxRetries`. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>> | undefined;
  /** Per-attempt timeout in milliseconds, for API and token requests: an integer ≥ 0. Default 60 000; `Infinity` turns it off. */
  timeout?: number | undefined;
  /**
   * Adds an `Idempotency-Key` (a random UUID, the same on every attempt of the call) to every POST
   * and PATCH that has none, so they are retried like idempotent requests. Only for providers that
   * honour the header. Default `false`; a call can pass `idempotencyKey: true | false | '<key>'`.
   */
  idempotencyKey?: boolean | undefined;
  /** Receives one redacted entry per attempt (pino-compatible). */
  logger?: Logger | undefined;
  /** Watch every call, attempt and token fetch (OpenTelemetry, metrics); see {@link CallObserver}. */
  observers?: readonly CallObserver[] | undefined;
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
   * The provider's own middleware (request checks, …). It runs after the path parameter check and
   * before a token is fetched, so a call it refuses costs no token request and sends nothing.
   */
  middleware?: readonly Middleware[] | undefined;
  /** Waits between attempts; for tests. */
  sleep?: ((milliseconds: number, signal: AbortSignal | null) => Promise<void>) | undefined;
}

/**
 * A typed openapi-fetch client on the shared runtime: one pipeline per call (retries with backoff,
 * per-attempt timeouts, bearer tokens refreshed once on 401 within the same attempt loop, redirects
 * refused, bodies bounded), a `User-Agent` naming the provider package and this runtime, an
 * `X-Request-Id` per call, and a log entry per attempt. Calls return `{ data, error, response }`;
 * pass the result to {@link unwrap} to get the data or a typed {@link ApiError}.
 *
 * Every error a call rejects with is a {@link CoverlinkError} whose text quotes no body and no token:
 * a success answer that is not JSON is an {@link InvalidResponseError}, and anything Coverlink did
 * not raise itself (a `TypeError` from `Headers`, a middleware's bug) becomes an
 * {@link UnexpectedError} naming only the original error's class.
 *
 * @throws {TypeError} For a `maxRetries`, `timeout` or `maxResponseBytes` setting out of range (NaN included).
 */
export function createApiClient<Paths extends {}>(options: ApiClientOptions): CoverlinkClient<Paths> {
  const { profile } = options;
  const pipeline = createCallPipeline({
    provider: profile.name,
    fetch: options.fetch,
    maxResponseBytes: options.maxResponseBytes,
    retry: { ...options.retry, ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }) },
    timeout: options.timeout,
    logger: options.logger,
    observers: options.observers,
    sleep: options.sleep,
  });
  // Requests keep their body's source, so a retry encodes the body again instead of teeing a stream.
  const client = createClient<Paths>({ baseUrl: options.baseUrl, headers: options.headers, Request: ReplayableRequest });
  // Without middleware openapi-fetch skips its middleware steps altogether; the path check runs
  // before it, in the call wrapper.
  if (options.middleware !== undefined && options.middleware.length > 0) client.use(...options.middleware);
  return callThroughPipeline(client, {
    pipeline,
    profile,
    tokens: options.tokens,
    userAgent: userAgent(profile),
    idempotencyKey: options.idempotencyKey === true,
  });
}

interface ClientContext {
  pipeline: CallPipeline;
  profile: ProviderProfile;
  tokens: TokenProvider | undefined;
  userAgent: string;
  idempotencyKey: boolean;
}

const methods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type CallInit = Record<string, unknown> & { signal?: AbortSignal | null; parseAs?: string };

/**
 * The client with every call method wrapped: the wrapper is where a call begins, so it checks the
 * call's overrides, builds the call's context once and hands openapi-fetch a `fetch` for this call
 * alone, which sends the request through the pipeline with that context. Its result carries the
 * operation and profile for {@link unwrap}. What a call rejects with is always a
 * {@link CoverlinkError}: an error raised elsewhere (undici's `Headers` quoting the value it refused,
 * a provider middleware's bug) may carry any text, so it becomes an {@link UnexpectedError} that
 * keeps only its class name, and is not kept as the cause either.
 */
function callThroughPipeline<Paths extends {}>(client: Client<Paths>, context: ClientContext): CoverlinkClient<Paths> {
  type Send = (path: string, init?: CallInit) => Promise<{ response: Response }>;
  const calls = client as unknown as Record<(typeof methods)[number], Send> & {
    request: (method: string, path: string, init?: CallInit) => Promise<{ response: Response }>;
  };
  const call = async (
    method: string,
    path: string,
    init: CallInit | undefined,
    send: (init: CallInit) => Promise<{ response: Response }>,
  ) => {
    const operation = `${method} ${path}`;
    const { maxRetries, timeout, idempotencyKey, ...rest } = init ?? {};
    // A malformed override (NaN from an unset variable, a string) is the caller's TypeError, before anything is sent.
    const overrides = checkRequestOverrides({ maxRetries, timeout }, 'call');
    // A `..` or empty path parameter is refused here: nothing reaches a middleware or the network.
    const { params, pathSerializer } = rest as {
      params?: { path?: Record<string, unknown> };
      pathSerializer?: Parameters<typeof checkPathParameters>[3];
    };
    checkPathParameters(method, path, params?.path, pathSerializer);
    try {
      const record: CallRecord = { operation, profile: context.profile, requestId: randomId() };
      const result = await send({
        ...rest,
        fetch: (request: Request) => sendCall(request, context, record, overrides, idempotencyKey, rest.parseAs, rest.signal ?? null),
      });
      recordCall(result, record);
      return result;
    } catch (error) {
      throw toCoverlinkError(error, context.profile.name, operation, init);
    }
  };
  for (const method of methods) {
    const send = calls[method];
    calls[method] = (path, init) => call(method, path, init, (checked) => send(path, checked));
  }
  const request = calls.request;
  calls.request = (method, path, init) => call(String(method).toUpperCase(), path, init, (checked) => request(method, path, checked));
  return client as unknown as CoverlinkClient<Paths>;
}

async function sendCall(
  request: Request,
  context: ClientContext,
  record: CallRecord,
  overrides: { maxRetries?: number | undefined; timeout?: number | undefined },
  idempotencyKey: unknown,
  parseAs: unknown,
  // The caller's own signal, not the request's (which follows it): listening to one signal is cheaper than to a chain.
  signal: AbortSignal | null,
): Promise<Response> {
  const { profile } = context;
  request.headers.set('user-agent', context.userAgent);
  if (!request.headers.has('x-request-id') && record.requestId !== undefined) request.headers.set('x-request-id', record.requestId);
  else record.requestId = request.headers.get('x-request-id') ?? undefined;
  const wantsKey = idempotencyKey === undefined ? context.idempotencyKey : idempotencyKey !== false;
  if (wantsKey && !request.headers.has('idempotency-key') && (request.method === 'POST' || request.method === 'PATCH'))
    request.headers.set('idempotency-key', typeof idempotencyKey === 'string' && idempotencyKey !== '' ? idempotencyKey : randomId());
  const pathTemplate = record.operation.slice(record.operation.indexOf(' ') + 1);
  const response = await context.pipeline.send(request, {
    pathTemplate,
    profile,
    tokens: context.tokens,
    maxRetries: overrides.maxRetries,
    timeout: overrides.timeout,
    requestId: record.requestId,
    signal,
  });
  if (!response.ok || (parseAs ?? 'json') !== 'json' || request.method === 'HEAD' || !hasBody(response)) return response;
  // openapi-fetch would fail with a bare SyntaxError quoting the body ("Unexpected token 'M',
  // "MARIA GONZ"…) on a success answer that is not JSON, so the body is checked here first; the
  // transports' buffered response keeps that one parse for openapi-fetch's own `json()`.
  const invalid = (what: string) =>
    new InvalidResponseError(`${profile.name} answered ${response.status} to ${record.operation} with ${what}.`, {
      status: response.status,
      operation: record.operation,
      provider: profile.name,
      hint: 'A proxy or maintenance page answered instead of the API: check the base URL and the provider status.',
    });
  const type = response.headers.get('content-type');
  if (type !== null && !/json/i.test(type)) throw invalid(`${mediaTypeOf(type) ?? 'a malformed content type'}, not JSON`);
  if (!(await parsesAsJson(response))) throw invalid('a body that is not JSON');
  return response;
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

function toCoverlinkError(error: unknown, provider: string, operation: string, init: { signal?: AbortSignal | null } | undefined): unknown {
  if (CoverlinkError.isInstance(error)) return error;
  // The caller's abort surfaces as an AbortError wherever it struck (a DOMException from a body read, …).
  if (init?.signal?.aborted) return abortedByCaller(`The ${provider} request ${operation}`, init.signal.reason);
  return new UnexpectedError({ provider, operation, original: error });
}

/** The `User-Agent` of a provider client: its package and this runtime, with versions. */
export function userAgent(profile: ProviderProfile): string {
  return `${profile.packageName}/${profile.packageVersion} ${corePackageName}/${corePackageVersion}`;
}
