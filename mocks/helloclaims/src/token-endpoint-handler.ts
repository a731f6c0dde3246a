import type { IncomingMessage, ServerResponse } from 'node:http';
import { secretsEqual } from '@coverlink/mocks';
import { normalizeRedirectUri, type RegisteredClient } from './config.js';
import { readFormBody, repeatedParameters, sendJson } from './http.js';
import type { GrantResult, IssuedGrants, IssuedTokens } from './issued-grants.js';

/** The body of a successful token response, with the fields and the order of the Hello Claims document. */
export interface HelloClaimsTokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  /** Absent for `client_credentials`. */
  refresh_token?: string;
  /** When the access token expires: ISO 8601 with an offset, as in the doc, e.g. `2023-05-24T03:19:59.0000000+00:00`. */
  '.expires': string;
  /** `"True"` when a refresh token came with it (a .NET boolean, hence the capital). */
  '.refresh': 'True' | 'False';
  /** When the token was issued, same format as `.expires`. */
  '.issued': string;
}

/** The error codes of RFC 6749 §5.2 this endpoint answers with. */
export type TokenErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope';

/** What the token endpoint needs from the server. */
export interface TokenEndpointHandlerSettings {
  clients: ReadonlyMap<string, RegisteredClient>;
  grants: IssuedGrants;
  onLog: (line: string) => void;
}

/**
 * Formats a time like the doc's example: `2023-05-24T03:19:59.0000000+00:00` (seven fractional digits, a numeric offset
 * instead of `Z`, as .NET writes a `DateTimeOffset`).
 */
export function formatHelloClaimsDate(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/\.(\d{3})Z$/, (_match, fraction: string) => `.${fraction}0000+00:00`);
}

/** The documented response body for issued tokens. */
export function tokenResponseBody(tokens: IssuedTokens): HelloClaimsTokenResponse {
  return {
    access_token: tokens.accessToken,
    token_type: 'bearer',
    expires_in: tokens.expiresIn,
    ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
    '.expires': formatHelloClaimsDate(tokens.issuedAt + tokens.expiresIn * 1000),
    '.refresh': tokens.refreshToken === undefined ? 'False' : 'True',
    '.issued': formatHelloClaimsDate(tokens.issuedAt),
  };
}

type ClientAuthentication =
  | { ok: true; client: RegisteredClient }
  | { ok: false; error: 'invalid_client' | 'invalid_request'; description: string };

/** `application/x-www-form-urlencoded` decoding of one Basic credential part (RFC 6749 §2.3.1), or `undefined` if malformed. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

const basicHeaderPattern = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;

/**
 * `POST /login/token`: client authentication (HTTP Basic as documented, or `client_secret_post`), then the
 * `authorization_code`, `refresh_token` and `client_credentials` grants. Answers are never cacheable (RFC 6749 §5.1).
 */
export class TokenEndpointHandler {
  readonly #settings: TokenEndpointHandlerSettings;

  constructor(settings: TokenEndpointHandlerSettings) {
    this.#settings = settings;
  }

  /** Answers one request to `/login/token`. */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') {
      request.resume();
      return sendJson(
        response,
        405,
        { error: 'invalid_request', error_description: 'The token endpoint takes POST only.' },
        { Allow: 'POST' },
      );
    }
    const body = await readFormBody(request);
    if (!body.ok) return this.#sendError(response, 'invalid_request', body.description);
    const params = body.params;
    const repeated = repeatedParameters(params);
    if (repeated.length > 0) return this.#sendError(response, 'invalid_request', `Parameters sent more than once: ${repeated.join(', ')}.`);

    const authentication = this.#authenticate(request.headers.authorization, params);
    if (!authentication.ok) return this.#sendError(response, authentication.error, authentication.description);
    const { client } = authentication;

    const grantType = params.get('grant_type');
    if (grantType === null || grantType === '') return this.#sendError(response, 'invalid_request', 'grant_type is required.');
    let result: GrantResult;
    if (grantType === 'authorization_code') {
      const code = params.get('code');
      const redirectUri = params.get('redirect_uri');
      if (code === null || code === '') return this.#sendError(response, 'invalid_request', 'code is required.');
      if (redirectUri === null || redirectUri === '') return this.#sendError(response, 'invalid_request', 'redirect_uri is required.');
      result = this.#settings.grants.exchangeCode({
        code,
        clientId: client.clientId,
        // An unparsable value is compared as sent: it matches nothing, so it ends as redirect_uri_mismatch.
        redirectUri: normalizeRedirectUri(redirectUri) ?? redirectUri,
        codeVerifier: params.get('code_verifier') ?? undefined,
      });
    } else if (grantType === 'refresh_token') {
      const refreshToken = params.get('refresh_token');
      if (refreshToken === null || refreshToken === '') return this.#sendError(response, 'invalid_request', 'refresh_token is required.');
      const redirectUri = params.get('redirect_uri');
      // The doc's refresh request "will need to contain" redirect_uri, though RFC 6749 §6 has none: required here.
      if (redirectUri === null || redirectUri === '') return this.#sendError(response, 'invalid_request', 'redirect_uri is required.');
      result = this.#settings.grants.refresh({
        refreshToken,
        clientId: client.clientId,
        redirectUri: normalizeRedirectUri(redirectUri) ?? redirectUri,
        scopes: params.has('scope') ? this.#scopes(params) : undefined,
      });
    } else if (grantType === 'client_credentials') {
      // The doc sends redirect_uri here too; it has no meaning without a browser, so it is ignored.
      result = { ok: true, tokens: this.#settings.grants.clientCredentials(client.clientId, this.#scopes(params)) };
    } else {
      return this.#sendError(response, 'unsupported_grant_type', `grant_type ${grantType} is not supported.`);
    }

    if (!result.ok) {
      const reason = result.error === 'invalid_grant' ? ` (${result.reason})` : '';
      this.#settings.onLog(`token: ${grantType} for ${client.clientId} refused with ${result.error}${reason}`);
      return this.#sendError(response, result.error, result.description);
    }
    this.#settings.onLog(`token: ${grantType} for ${client.clientId}: tokens issued`);
    sendJson(response, 200, tokenResponseBody(result.tokens));
  }

  #scopes(params: URLSearchParams): string[] {
    return (params.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
  }

  /**
   * Authenticates the client. The doc's Basic header is `base64(client_id:client_secret)` with the raw values, while
   * RFC 6749 §2.3.1 form-encodes them first; both are accepted, which only differs for ids or secrets with reserved
   * characters. Using Basic and `client_secret` in the body together is refused (RFC 6749 §2.3: one method only).
   */
  #authenticate(header: string | undefined, params: URLSearchParams): ClientAuthentication {
    const bodyClientId = params.get('client_id');
    const bodySecret = params.get('client_secret');
    if (header !== undefined) {
      const encoded = basicHeaderPattern.exec(header)?.[1];
      if (encoded === undefined)
        return {
          ok: false,
          error: 'invalid_client',
          description: 'The Authorization header must be Basic base64(client_id:client_secret).',
        };
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      if (separator < 0)
        return {
          ok: false,
          error: 'invalid_client',
          description: 'The Basic credentials have no colon between client_id and client_secret.',
        };
      if (bodySecret !== null) {
        return {
          ok: false,
          error: 'invalid_request',
          description: 'Authenticate with the Authorization header or with client_secret in the body, not both.',
        };
      }
      const rawId = decoded.slice(0, separator);
      const rawSecret = decoded.slice(separator + 1);
      const candidates: [string, string][] = [[rawId, rawSecret]];
      const formId = formDecode(rawId);
      const formSecret = formDecode(rawSecret);
      if (formId !== undefined && formSecret !== undefined && (formId !== rawId || formSecret !== rawSecret))
        candidates.push([formId, formSecret]);
      if (bodyClientId !== null && !candidates.some(([id]) => id === bodyClientId)) {
        return {
          ok: false,
          error: 'invalid_request',
          description: 'client_id in the body differs from the one in the Authorization header.',
        };
      }
      return this.#checkSecret(candidates);
    }
    if (bodyClientId !== null) {
      if (bodySecret === null)
        return { ok: false, error: 'invalid_client', description: 'client_secret is required: every Hello Claims client is confidential.' };
      return this.#checkSecret([[bodyClientId, bodySecret]]);
    }
    return {
      ok: false,
      error: 'invalid_client',
      description: 'Client authentication is missing: send Authorization: Basic base64(client_id:client_secret).',
    };
  }

  #checkSecret(candidates: readonly [string, string][]): ClientAuthentication {
    let known = false;
    for (const [clientId, secret] of candidates) {
      const client = this.#settings.clients.get(clientId);
      if (client === undefined) continue;
      known = true;
      if (secretsEqual(secret, client.clientSecret)) return { ok: true, client };
    }
    // Spelled out, unlike a production server: this mock exists to help an integrator find their mistake.
    return { ok: false, error: 'invalid_client', description: known ? 'The client secret is wrong.' : 'The client_id is not registered.' };
  }

  #sendError(response: ServerResponse, error: TokenErrorCode, description: string): void {
    if (error === 'invalid_client') {
      this.#settings.grants.countInvalidClient();
      this.#settings.onLog(`token: invalid_client: ${description}`);
      // RFC 6749 §5.2: 401 with a challenge for the scheme the client is expected to use, which is Basic here.
      sendJson(
        response,
        401,
        { error, error_description: description },
        { 'WWW-Authenticate': 'Basic realm="Hello Claims", charset="UTF-8"' },
      );
    } else {
      sendJson(response, 400, { error, error_description: description });
    }
  }
}
