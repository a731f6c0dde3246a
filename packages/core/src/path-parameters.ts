// A path parameter of `..` turns `POST /v1/sponsors/{sponsor_slug}/search` into `POST /v1/search`:
// `encodeURIComponent` leaves dots alone and the URL parser then resolves the dot segment. This
// middleware refuses such a call before the Request reaches the network.
import type { Middleware } from 'openapi-fetch';
import { InvalidPathParameterError } from './core-errors.js';

export { InvalidPathParameterError, type InvalidPathParameterReason } from './core-errors.js';

const templateExpression = /\{([^{}]+)\}/g;
// `%2e` is a dot to the URL parser and to servers; `%252e` becomes one to a server or proxy that decodes twice.
const encodedDot = /%(?:25)*2e/gi;
const encodedSeparator = /%(?:25)*(?:2f|5c)/gi;

/**
 * The openapi-fetch middleware that refuses a call whose path parameter is missing, empty, `.` or
 * `..` (also as `%2e`, `%2E%2e`, `.%2E`, double-encoded `%252e`, and as a piece between encoded
 * slashes such as `..%2Fadmin`), with an {@link InvalidPathParameterError}: the call rejects and
 * nothing is sent. Each path segment is filled with the call's own path serializer, so label
 * (`{.id}`) and exploded array parameters are checked as they would be sent. Register it before
 * middleware that costs something (fetching a token).
 */
export function createPathParameterMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath, params, options }) {
      if (!schemaPath.includes('{')) return undefined;
      const values = params.path ?? {};
      for (const segment of schemaPath.split('/')) {
        if (!segment.includes('{')) continue;
        const names = [...segment.matchAll(templateExpression)].map((match) => parameterName(match[1] ?? ''));
        const operation = `${request.method} ${schemaPath}`;
        const missing = names.find((name) => values[name] === undefined || values[name] === null);
        if (missing !== undefined) throw new InvalidPathParameterError({ parameter: missing, operation, reason: 'missing' });
        // Also inside a segment with other text (`v{version}`), where the filled segment is not empty.
        const empty = names.find((name) => values[name] === '' || (Array.isArray(values[name]) && values[name].length === 0));
        if (empty !== undefined) throw new InvalidPathParameterError({ parameter: empty, operation, reason: 'empty' });
        const reason = problemOf(options.pathSerializer(segment, values));
        if (reason !== undefined) {
          // In a segment of several parameters, name the one whose own value is the problem, if one is.
          const culprit = names.find((name) => problemOf(options.pathSerializer(`{${name}}`, values)) !== undefined) ?? names.join(', ');
          throw new InvalidPathParameterError({ parameter: culprit, operation, reason });
        }
      }
      return undefined;
    },
  };
}

// `{id*}`, `{.id}` and `{;id}` all name the parameter `id`.
function parameterName(expression: string): string {
  return expression.replace(/\*$/, '').replace(/^[.;]/, '');
}

function problemOf(filled: string): 'empty' | 'dot-segment' | undefined {
  if (filled === '') return 'empty';
  const decoded = filled.replace(encodedDot, '.').replace(encodedSeparator, '/');
  return decoded.split(/[/\\]/).some((piece) => piece === '.' || piece === '..') ? 'dot-segment' : undefined;
}
