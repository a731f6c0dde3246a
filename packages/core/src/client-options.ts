// `maxRetries: Number(process.env.MAX_RETRIES)` with the variable unset is NaN, and `attempt > NaN`
// is never true: the client retried forever. Settings are checked where they enter (client and
// call), and the per-call options are typed so that a misspelled one does not compile.
import type { Client, FetchOptions, FetchResponse } from 'openapi-fetch';
import type { FilterKeys, HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';

/**
 * Per-call overrides, passed beside `params` in a call:
 * `client.GET(path, { params, maxRetries: 0, timeout: 5_000 })`. Checked like the client settings.
 */
export interface RequestOverrides {
  /** Retries for this call: an integer ≥ 0; `0` sends it once. */
  maxRetries?: number | undefined;
  /** Per-attempt timeout for this call in milliseconds: an integer ≥ 0, or `Infinity` for none. */
  timeout?: number | undefined;
  /**
   * For a POST or PATCH: `true` sends an `Idempotency-Key` made for this call (the same on every
   * attempt), a string sends that key, `false` sends none even when the client setting
   * `idempotencyKey` is on. With a key, the call is retried like an idempotent one.
   */
  idempotencyKey?: string | boolean | undefined;
}

/** Where a setting was given, for the error message. */
export type SettingSource = 'client' | 'call';

function describe(value: unknown): string {
  // A number says what went wrong (NaN: an unset variable) and is no secret; anything else might be.
  if (typeof value === 'number') return String(value);
  return `a value of type ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`;
}

function settingLabel(name: string, source: SettingSource): string {
  return source === 'client' ? `The client setting \`${name}\`` : `The per-call option \`${name}\``;
}

/**
 * Checks a `maxRetries` value: an integer ≥ 0.
 *
 * @throws {TypeError} Naming the setting and what it got (a number's value; otherwise only its type).
 */
export function checkMaxRetries(value: unknown, source: SettingSource = 'client'): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new TypeError(
    `${settingLabel('maxRetries', source)} must be an integer >= 0; got ${describe(value)}.${Number.isNaN(value) ? ' Is an environment variable it is read from unset?' : ''}`,
  );
}

/**
 * Checks a `timeout` value in milliseconds: an integer ≥ 0, or `Infinity` for no timeout.
 *
 * @throws {TypeError} Naming the setting and what it got (a number's value; otherwise only its type).
 */
export function checkTimeout(value: unknown, source: SettingSource = 'client'): number {
  if (typeof value === 'number' && (value === Number.POSITIVE_INFINITY || (Number.isSafeInteger(value) && value >= 0))) return value;
  throw new TypeError(
    `${settingLabel('timeout', source)} must be an integer >= 0 (milliseconds) or Infinity; got ${describe(value)}.${Number.isNaN(value) ? ' Is an environment variable it is read from unset?' : ''}`,
  );
}

/**
 * Checks the overrides of one call (or the same names among the client settings); unset ones stay
 * unset. Values typed `unknown` on purpose: the check is for callers the types did not reach.
 *
 * @throws {TypeError} On the first invalid one.
 */
export function checkRequestOverrides(
  overrides: { maxRetries?: unknown; timeout?: unknown },
  source: SettingSource = 'call',
): RequestOverrides {
  return {
    maxRetries: overrides.maxRetries === undefined ? undefined : checkMaxRetries(overrides.maxRetries, source),
    timeout: overrides.timeout === undefined ? undefined : checkTimeout(overrides.timeout, source),
  };
}

// openapi-fetch types the second argument as `Init & { [key: string]: unknown }`, so any extra key
// compiles. Here every key must be one openapi-fetch or RequestOverrides knows: the others are `never`.
type StrictInit<Init, Known> = Init & RequestOverrides & { [Key in Exclude<keyof Init, keyof Known | keyof RequestOverrides>]: never };

type StrictInitParameter<Init, Known> =
  RequiredKeysOf<Init> extends never ? [(StrictInit<Init, Known> | undefined)?] : [StrictInit<Init, Known>];

// openapi-fetch's MaybeOptionalInit, without its `keyof` constraint (which a generic `Paths` cannot meet here).
type CallInit<PathItem, Method> =
  RequiredKeysOf<FetchOptions<FilterKeys<PathItem, Method>>> extends never
    ? FetchOptions<FilterKeys<PathItem, Method>> | undefined
    : FetchOptions<FilterKeys<PathItem, Method>>;

type OperationOf<Operation> = Operation extends Record<string | number, unknown> ? Operation : never;

/** One method (`GET`, `POST`, …) of a {@link CoverlinkClient}. */
export type CoverlinkClientMethod<Paths extends {}, Method extends HttpMethod, Media extends MediaType> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends CallInit<FilterKeys<Paths, Path>, Method>,
>(
  url: Path,
  ...init: StrictInitParameter<Init, NonNullable<CallInit<FilterKeys<Paths, Path>, Method>>>
) => Promise<FetchResponse<OperationOf<FilterKeys<FilterKeys<Paths, Path>, Method>>, Init, Media>>;

/**
 * An openapi-fetch `Client` whose per-call options are closed: openapi-fetch's own options plus
 * {@link RequestOverrides}, each with its type. `client.GET(path, { maxRetriez: 1 })` and
 * `{ timeout: 'abc' }` fail to compile; at run time it is the same openapi-fetch client.
 */
export type CoverlinkClient<Paths extends {}, Media extends MediaType = MediaType> = Omit<
  Client<Paths, Media>,
  'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE'
> & {
  /** Call a GET endpoint. */
  GET: CoverlinkClientMethod<Paths, 'get', Media>;
  /** Call a PUT endpoint. */
  PUT: CoverlinkClientMethod<Paths, 'put', Media>;
  /** Call a POST endpoint. */
  POST: CoverlinkClientMethod<Paths, 'post', Media>;
  /** Call a DELETE endpoint. */
  DELETE: CoverlinkClientMethod<Paths, 'delete', Media>;
  /** Call an OPTIONS endpoint. */
  OPTIONS: CoverlinkClientMethod<Paths, 'options', Media>;
  /** Call a HEAD endpoint. */
  HEAD: CoverlinkClientMethod<Paths, 'head', Media>;
  /** Call a PATCH endpoint. */
  PATCH: CoverlinkClientMethod<Paths, 'patch', Media>;
  /** Call a TRACE endpoint. */
  TRACE: CoverlinkClientMethod<Paths, 'trace', Media>;
};
