// A path parameter of `..` turns `POST /v1/sponsors/{sponsor_slug}/search` into `POST /v1/search`:
// `encodeURIComponent` leaves dots alone and the URL parser then resolves the dot segment. This
// middleware refuses such a call before the Request reaches the network.
import { defaultPathSerializer, type Middleware } from 'openapi-fetch';
import { InvalidPathParameterError } from './core-errors.js';

export { InvalidPathParameterError, type InvalidPathParameterReason } from './core-errors.js';

const templateExpression = /\{([^{}]+)\}/g;
// `%2e` is a dot to the URL parser and to servers; `%252e` becomes one to a server or proxy that decodes twice.
const encodedDot = /%(?:25)*2e/gi;
const encodedSeparator = /%(?:25)*(?:2f|5c)/gi;

/**
 * Refuses a call whose path parameter is missing, empty, `.` or `..` (also as `%2e`, `%2E%2e`,
 * `.%2E`, double-encoded `%252e`, and as a piece between encoded slashes such as `..%2Fadmin`),
 * with an {@link InvalidPathParameterError}, before anything is sent. Each path segment is filled
 * with `pathSerializer` (openapi-fetch's own by default), so label (`{.id}`) and exploded array
 * parameters are checked as they would be sent. Every Coverlink client runs it on every call.
 *
 * @throws {InvalidPathParameterError} Naming the parameter and the reason.
 */
export function checkPathParameters(
  method: string,
  schemaPath: string,
  values: Record<string, unknown> = {},
  pathSerializer: (pathname: string, pathParams: Record<string, unknown>) => string = defaultPathSerializer,
): void {
  if (!schemaPath.includes('{')) return;
  for (const segment of schemaPath.split('/')) {
    if (!segment.includes('{')) continue;
    const names = [...segment.matchAll(templateExpression)].map((match) => parameterName(match[1] ?? ''));
    const operation = `${method} ${schemaPath}`;
    const missing = names.find((name) => values[name] === undefined || values[name] === null);
    if (missing !== undefined) throw new InvalidPathParameterError({ parameter: missing, operation, reason: 'missing' });
    // Also inside a segment with other text (`v{version}`), where the filled segment is not empty.
    const empty = names.find((name) => values[name] === '' || (Array.isArray(values[name]) && values[name].length === 0));
    if (empty !== undefined) throw new InvalidPathParameterError({ parameter: empty, operation, reason: 'empty' });
    const reason = problemOf(pathSerializer(segment, values));
    if (reason !== undefined) {
      // In a segment of several parameters, name the one whose own value is the problem, if one is.
      const culprit = names.find((name) => problemOf(pathSerializer(`{${name}}`, values)) !== undefined) ?? names.join(', ');
      throw new InvalidPathParameterError({ parameter: culprit, operation, reason });
    }
  }
}

/**
 * The path-parameter check {@link createApiClient} runs on every call, as an openapi-fetch
 * middleware for a bare openapi-fetch client.
 * Register it before middleware that costs something (fetching a token).
 */
export function createPathParameterMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath, params, options }) {
      checkPathParameters(request.method, schemaPath, params.path, options.pathSerializer);
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
