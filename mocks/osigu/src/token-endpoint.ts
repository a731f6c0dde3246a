import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { secretsEqual } from '@coverlink/mocks';
import type { SimulatorClient } from './sandbox-data.js';
import { osiguError, type SimulatedResponse } from './simulated-response.js';

/** The token endpoint's documented limit: 10 requests per minute per client_id (O-tok). */
export const documentedTokenRateLimit = { requests: 10, intervalMilliseconds: 60_000 } as const;

/** Settings of {@link TokenEndpoint}. */
export interface TokenEndpointSettings {
  clients: readonly SimulatorClient[];
  /** How many token requests one client_id may make per interval. */
  rateLimit: { requests: number; intervalMilliseconds: number };
  accessTokenLifetimeSeconds: number;
  now: () => number;
}

/** The outcome of authenticating a token request: the client, or the answer that refuses it. */
export type ClientAuthentication = { ok: true; clientId: string } | { ok: false; response: SimulatedResponse };

const scope = 'arc:read arc:write dispensing:read dispensing:write ehr:read ehr:write';

function base64Url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * `POST /v1/oauth/token`: HTTP Basic client authentication, the documented rate limit (a sliding window of
 * `rateLimit.intervalMilliseconds` per client_id, counted before the secret is checked, so guessing a secret is
 * limited too), and JWT-shaped access tokens (HS256 under a key of this process) that the other operations accept
 * until they expire.
 */
export class TokenEndpoint {
  readonly #settings: TokenEndpointSettings;
  readonly #signingKey = randomBytes(32);
  readonly #requestTimes = new Map<string, number[]>();
  /** Issued access tokens and when they expire, in milliseconds. */
  readonly #tokens = new Map<string, { clientId: string; expiresAt: number }>();
  #rateLimited = 0;

  constructor(settings: TokenEndpointSettings) {
    this.#settings = settings;
  }

  /** How many token requests were answered 429 so far. */
  get rateLimitedCount(): number {
    return this.#rateLimited;
  }

  /** Authenticates a token request's `Authorization: Basic` header, after the rate limit of the client_id it names. */
  authenticate(authorization: string | undefined): ClientAuthentication {
    const match = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(authorization ?? '');
    const decoded = match?.[1] === undefined ? '' : Buffer.from(match[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator <= 0) return { ok: false, response: invalidClient('Send Authorization: Basic base64(client_id:client_secret).') };
    const clientId = decoded.slice(0, separator);
    const limited = this.#consumeRateLimit(clientId);
    if (limited !== undefined) return { ok: false, response: limited };
    const client = this.#settings.clients.find((candidate) => candidate.clientId === clientId);
    if (client === undefined || !secretsEqual(decoded.slice(separator + 1), client.clientSecret)) {
      return { ok: false, response: invalidClient('Bad client credentials') };
    }
    return { ok: true, clientId };
  }

  /** Issues an access token to an authenticated client: the 200 answer. */
  issue(clientId: string): SimulatedResponse {
    const issuedAt = this.#settings.now();
    const lifetime = this.#settings.accessTokenLifetimeSeconds;
    const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64Url(
      JSON.stringify({
        sub: clientId,
        scope,
        iat: Math.floor(issuedAt / 1000),
        exp: Math.floor(issuedAt / 1000) + lifetime,
        jti: randomUUID(),
      }),
    );
    const signature = base64Url(createHmac('sha256', this.#signingKey).update(`${header}.${payload}`).digest());
    const accessToken = `${header}.${payload}.${signature}`;
    this.#tokens.set(accessToken, { clientId, expiresAt: issuedAt + lifetime * 1000 });
    return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: lifetime, scope } };
  }

  /** The client of a valid bearer token, or the 401 answer. */
  authorizeBearer(authorization: string | undefined): { ok: true; clientId: string } | { ok: false; response: SimulatedResponse } {
    const token = /^bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) return { ok: false, response: osiguError(401, 'Missing bearer token') };
    const issued = this.#tokens.get(token);
    if (issued === undefined) return { ok: false, response: osiguError(401, 'Invalid access token') };
    if (issued.expiresAt <= this.#settings.now()) return { ok: false, response: osiguError(401, 'Access token expired') };
    return { ok: true, clientId: issued.clientId };
  }

  #consumeRateLimit(clientId: string): SimulatedResponse | undefined {
    const { requests, intervalMilliseconds } = this.#settings.rateLimit;
    const now = this.#settings.now();
    const recent = (this.#requestTimes.get(clientId) ?? []).filter((at) => at > now - intervalMilliseconds);
    if (recent.length >= requests) {
      this.#requestTimes.set(clientId, recent);
      this.#rateLimited++;
      // The window frees a slot when its oldest request leaves it.
      const retryAfterSeconds = Math.max(1, Math.ceil(((recent[0] ?? now) + intervalMilliseconds - now) / 1000));
      const response = osiguError(
        429,
        `Too many token requests. The limit is ${requests} requests per ${intervalMilliseconds / 1000} s per client_id.`,
        { retry_after_seconds: retryAfterSeconds },
      );
      return { ...response, headers: { 'retry-after': String(retryAfterSeconds) } };
    }
    recent.push(now);
    this.#requestTimes.set(clientId, recent);
    return undefined;
  }
}

function invalidClient(description: string): SimulatedResponse {
  return {
    status: 401,
    body: { error: 'invalid_client', error_description: description },
    headers: { 'www-authenticate': 'Basic realm="OSIGU"' },
  };
}
