import type { OpenAPIBackend } from 'openapi-backend';
import { checkResponseAgainstSpec, createOsiguSpecBackend, describeSchemaErrors } from './osigu-spec.js';

/** One exchange with the simulator as it crossed the socket, and what the spec says of it. */
export interface CheckedExchange {
  method: string;
  path: string;
  status: number;
  operationId: string | undefined;
  /** Off-spec parts of the request (empty for a conforming one). */
  requestProblems: string[];
  /** Off-spec parts of the answer (empty for a conforming one). */
  responseProblems: string[];
}

/**
 * A client for the simulator's tests that checks every exchange against specs/osigu on the test's side, from the
 * bytes received (not the simulator's own check): the request against its operation, the answer's status, body and
 * headers against the declared responses. A test that sends an off-spec request on purpose says so with
 * `{ offSpec: true }`; `problems()` then lists whatever else did not conform, and must stay empty.
 */
export class SpecCheckedClient {
  readonly exchanges: (CheckedExchange & { offSpecRequest: boolean })[] = [];
  readonly #api: OpenAPIBackend;
  readonly #baseUrl: string;

  private constructor(api: OpenAPIBackend, baseUrl: string) {
    this.#api = api;
    this.#baseUrl = baseUrl;
  }

  /** A client for the simulator at `baseUrl`. */
  static async create(baseUrl: string): Promise<SpecCheckedClient> {
    return new SpecCheckedClient(await createOsiguSpecBackend(), baseUrl);
  }

  /** Sends a request; JSON bodies are given as objects, forms as URLSearchParams, uploads as FormData. */
  async send(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; offSpec?: boolean } = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers = new Headers(options.headers);
    let body: BodyInit | undefined;
    if (options.body instanceof URLSearchParams || options.body instanceof FormData || typeof options.body === 'string') {
      body = options.body;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers.set('content-type', 'application/json');
    }
    const response = await fetch(`${this.#baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    this.exchanges.push({
      ...this.#check(method, path, headers, options.body, response, parsed),
      offSpecRequest: options.offSpec === true,
    });
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A token for `clientId` (the simulator's demo client by default). */
  async token(clientId = 'demo-client', clientSecret = 'demo-secret'): Promise<string> {
    const answer = await this.send('POST', '/v1/oauth/token', {
      headers: { authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}` },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    return (answer.body as { access_token: string }).access_token;
  }

  /** Every way an exchange did not conform, except the off-spec requests a test sent on purpose. */
  problems(): string[] {
    return this.exchanges.flatMap((exchange) => [
      ...exchange.responseProblems.map((problem) => `${exchange.method} ${exchange.path}: ${problem}`),
      ...(exchange.offSpecRequest
        ? exchange.requestProblems.length === 0
          ? [`${exchange.method} ${exchange.path}: sent as off-spec, but the spec accepts it`]
          : []
        : exchange.requestProblems.map((problem) => `${exchange.method} ${exchange.path} request: ${problem}`)),
    ]);
  }

  #check(method: string, path: string, headers: Headers, body: unknown, response: Response, parsed: unknown): CheckedExchange {
    const [pathname = '/', search = ''] = path.split('?');
    const request = {
      method,
      path: pathname,
      query: Object.fromEntries(new URLSearchParams(search)),
      headers: Object.fromEntries(headers),
      body: body instanceof URLSearchParams ? Object.fromEntries(body) : body,
    };
    const operation = this.#api.router.matchOperation(request);
    const exchange: CheckedExchange = {
      method,
      path,
      status: response.status,
      operationId: operation?.operationId,
      requestProblems: [],
      responseProblems: [],
    };
    if (operation === undefined) {
      exchange.requestProblems.push('no operation of the spec matches');
      return exchange;
    }
    // A multipart body is checked by the simulator part by part; here only its answer is.
    if (!(body instanceof FormData)) {
      exchange.requestProblems.push(...describeSchemaErrors(this.#api.validator.validateRequest(request, operation).errors));
    }
    exchange.responseProblems.push(
      ...checkResponseAgainstSpec(this.#api, operation, {
        status: response.status,
        body: parsed,
        headers: Object.fromEntries(response.headers),
      }),
    );
    return exchange;
  }
}
