import { parseRetryAfter } from '@coverlink/auth';
import type { Middleware } from 'openapi-fetch';
import { OsiguApiError } from './osigu-errors.js';

/** What every openapi-fetch call resolves to. */
export interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

// Which operation (method and path template) produced a response, so that errors name the
// template rather than a URL holding identifiers.
const operations = new WeakMap<Response, string>();

/**
 * Remembers the operation of every response. Register it first: openapi-fetch runs `onResponse`
 * in reverse order, so it then sees the final response, after any retry.
 */
export const operationRecorder: Middleware = {
  onResponse({ request, response, schemaPath }) {
    operations.set(response, `${request.method} ${schemaPath}`);
    return undefined;
  },
};

/**
 * The data of a successful call, or an {@link OsiguApiError} for an HTTP error.
 *
 * @example
 * ```ts
 * const request = unwrap(await osigu.GET('/arc/v1/authorization-requests/{authorization_request_id}', { params }));
 * ```
 * @throws {OsiguApiError} When OSIGU answered with a status of 400 or more.
 */
export function unwrap<Data>(result: FetchResult<Data>): Data {
  const { response } = result;
  if (response.ok) return result.data as Data;
  throw new OsiguApiError({
    status: response.status,
    operation: operations.get(response) ?? 'an OSIGU operation',
    body: result.error,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}
