import type { Middleware } from 'openapi-fetch';
import { InvalidAccessTokenError } from './core-errors.js';
import { pathTemplateOf, rememberPathTemplate } from './request-context.js';
import type { TokenProvider } from './token-provider.js';

/**
 * openapi-fetch middleware that attaches `Authorization: Bearer <token>` and, when the API answers
 * 401, drops that token, fetches a fresh one and sends the request once more. A second 401 is
 * returned to the caller as is: retrying further would only hammer a rate-limited token endpoint.
 * A token that is not visible ASCII without spaces (RFC 6750 §2.1) is refused with an
 * {@link InvalidAccessTokenError} before it reaches `Headers`, whose own `TypeError` would quote it.
 *
 * @param tokens Where tokens come from.
 * @param fetchImplementation Sends the one repeat (the first attempt goes through openapi-fetch).
 */
export function createBearerMiddleware(tokens: TokenProvider, fetchImplementation: typeof fetch): Middleware {
  // The first attempt consumes the request body, so a copy is kept for the repeat. A request
  // without a body is copied only when a 401 asks for the repeat.
  const copies = new WeakMap<Request, Request>();
  return {
    async onRequest({ request }) {
      const token = await tokens.getToken({ signal: request.signal });
      request.headers.set('authorization', bearer(token));
      if (request.body !== null) copies.set(request, copyOf(request));
      return request;
    },
    async onResponse({ request, response }) {
      const kept = copies.get(request);
      copies.delete(request);
      if (response.status !== 401) return undefined;
      const copy = kept ?? (request.body === null ? copyOf(request) : undefined);
      if (copy === undefined) return undefined;
      tokens.invalidate(request.headers.get('authorization')?.replace(/^Bearer /, ''));
      const token = await tokens.getToken({ signal: request.signal });
      copy.headers.set('authorization', bearer(token));
      const template = pathTemplateOf(request);
      if (template !== undefined) rememberPathTemplate(copy, template);
      await response.body?.cancel();
      return fetchImplementation(copy);
    },
  };
}

/** The `Authorization` value for `token`, refused without quoting it when no header could carry it. */
function bearer(token: unknown): string {
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new InvalidAccessTokenError('The token provider returned an access token that cannot be sent in an HTTP header.', {
      code: 'INVALID_ACCESS_TOKEN',
      hint: 'A bearer token is visible ASCII without spaces or line breaks: check what the token endpoint or your TokenProvider returns.',
    });
  }
  return `Bearer ${token}`;
}

/** A copy of `request` that can be sent again, with the call's per-request overrides. */
function copyOf(request: Request): Request {
  const copy = request.clone();
  // openapi-fetch puts the call's unknown options (the `maxRetries` and `timeout` overrides) on the
  // Request as own properties, which clone() drops; the repeat must honour them too.
  for (const key of Object.keys(request)) if (!(key in copy)) Reflect.set(copy, key, Reflect.get(request, key));
  return copy;
}
