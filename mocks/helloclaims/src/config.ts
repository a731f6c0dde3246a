/** A registered OAuth client of the mock: what Hello Claims calls an "application". All clients are confidential. */
export interface HelloClaimsClient {
  /** The client identifier issued to the integrator. */
  clientId: string;
  /** The client secret, sent with HTTP Basic (as documented) or in the form body. */
  clientSecret: string;
  /**
   * The redirect URIs registered for the client. A request must use one of them: they are compared after WHATWG URL
   * normalisation (so `http://localhost:9999` equals `http://localhost:9999/`), never by prefix.
   */
  redirectUris: readonly string[];
  /** The name the login page shows. Default: the client id. */
  name?: string | undefined;
}

/** A person who can sign in on the mock's login page. */
export interface HelloClaimsUser {
  username: string;
  password: string;
  /** The name the mock reports for the user. Default: the username. */
  name?: string | undefined;
}

/** The demo client every server knows unless `clients` is given. Its redirect URIs include the doc's default, `http://localhost:9999`. */
export const demoClient = {
  clientId: 'coverlink-demo',
  clientSecret: 'coverlink-demo-secret',
  redirectUris: ['http://127.0.0.1:9999/callback', 'http://localhost:9999'],
  name: 'Coverlink demo',
} as const satisfies HelloClaimsClient;

/** The demo user every server knows unless `users` is given. */
export const demoUser = { username: 'demo', password: 'demo', name: 'Demo User' } as const satisfies HelloClaimsUser;

/** The lifetimes from the Hello Claims OAuth document, in seconds. */
export const documentedLifetimes = {
  /** "code: 60 seconds". */
  codeSeconds: 60,
  /** "access_token: 30 minutes" (`expires_in: 1800`). */
  accessTokenSeconds: 1_800,
  /** "refresh_token: 24 hours". */
  refreshTokenSeconds: 86_400,
} as const;

/** How long a login page stays usable; not documented by Hello Claims, long enough for a person to type. */
export const defaultLoginRequestSeconds = 600;

/** The documented local port of the Hello Claims mock (`nx run @coverlink/mock-helloclaims:mock`). */
export const helloClaimsMockPort = 4012;

/** The documented paths of the Hello Claims login host. */
export const helloClaimsPaths = {
  /** The authorize endpoint a browser is sent to. */
  authorize: '/login/broker',
  /** The token endpoint. */
  token: '/login/token',
} as const;

/**
 * The comparable form of a redirect URI, or `undefined` when it is not an absolute URL or has a fragment (RFC 6749 §3.1.2
 * forbids one). Normalising both sides lets `http://localhost:9999` match `http://localhost:9999/` without any looser matching.
 */
export function normalizeRedirectUri(uri: string): string | undefined {
  if (!URL.canParse(uri)) return undefined;
  const url = new URL(uri);
  if (url.hash !== '' || uri.includes('#')) return undefined;
  return url.href;
}

/** A client with its redirect URIs normalised, as the server keeps it. */
export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: ReadonlySet<string>;
}

/** Checks the configured clients and indexes them by id; throws on a mistake so a misconfigured test fails loudly. */
export function registerClients(clients: readonly HelloClaimsClient[]): Map<string, RegisteredClient> {
  const registered = new Map<string, RegisteredClient>();
  for (const client of clients) {
    if (client.clientId === '' || client.clientSecret === '')
      throw new Error('A Hello Claims mock client needs a clientId and a clientSecret.');
    if (registered.has(client.clientId)) throw new Error(`The Hello Claims mock client ${client.clientId} is configured twice.`);
    if (client.redirectUris.length === 0) throw new Error(`The Hello Claims mock client ${client.clientId} has no redirect URI.`);
    const redirectUris = new Set<string>();
    for (const uri of client.redirectUris) {
      const normalized = normalizeRedirectUri(uri);
      if (normalized === undefined)
        throw new Error(`The redirect URI ${uri} of ${client.clientId} is not an absolute URL without a fragment.`);
      redirectUris.add(normalized);
    }
    registered.set(client.clientId, {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      name: client.name ?? client.clientId,
      redirectUris,
    });
  }
  return registered;
}

/** Checks the configured users and indexes them by username. */
export function registerUsers(users: readonly HelloClaimsUser[]): Map<string, HelloClaimsUser> {
  const registered = new Map<string, HelloClaimsUser>();
  for (const user of users) {
    if (user.username === '') throw new Error('A Hello Claims mock user needs a username.');
    if (registered.has(user.username)) throw new Error(`The Hello Claims mock user ${user.username} is configured twice.`);
    registered.set(user.username, user);
  }
  return registered;
}

/** Throws unless `seconds` is a usable lifetime. */
export function checkLifetime(name: string, seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${name} must be a positive number of seconds, got ${seconds}.`);
  return seconds;
}
