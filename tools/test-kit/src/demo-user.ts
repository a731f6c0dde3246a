// The demo user of the local authorization server (the Hello Claims mock), connected the way a
// platform connects a user: an authorization request, the login on the mock's page, the callback.
// The OAuth client is the caller's (auth's `createAuthorizationCodeClient`), typed by shape, so
// this kit does not depend on auth, whose tests use it.
import {
  demoClient,
  logInAt,
  type RunningHelloClaimsAuthorizationServer,
  type StartHelloClaimsAuthorizationServerOptions,
  startHelloClaimsAuthorizationServer,
} from '@coverlink/mock-helloclaims';
import type { GrantKeyShape } from './token-store-contract.js';

/** A running demo authorization server: login page, one-time codes, rotating refresh tokens, counters. */
export type DemoAuthorizationServer = RunningHelloClaimsAuthorizationServer;

/** Starts the demo authorization server on a free loopback port. */
export function startDemoAuthorizationServer(
  options: Omit<StartHelloClaimsAuthorizationServerOptions, 'port'> = {},
): Promise<DemoAuthorizationServer> {
  return startHelloClaimsAuthorizationServer({ ...options, port: 0 });
}

/** The demo client's registered redirect URI. */
export const demoRedirectUri: string = demoClient.redirectUris[0];

/** The demo client's id and secret. */
export const demoCredentials = { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret } as const;

/** The settings of an authorization-code client for the demo client on `server` (auth's `AuthorizationCodeSettings`). */
export function demoClientSettings(server: DemoAuthorizationServer) {
  return { authorizationUrl: server.authorizeUrl, tokenUrl: server.tokenUrl, ...demoCredentials };
}

/** The grant key of a demo user: the mock's provider name, the demo client, `subject`. */
export function demoGrantKey(subject: string): GrantKeyShape {
  return { provider: 'helloclaims', clientId: demoClient.clientId, subject };
}

/** The variables a worker process reads with {@link demoClientSettingsFromEnvironment}. */
export function demoClientEnvironment(server: DemoAuthorizationServer): Record<string, string> {
  return {
    AUTHORIZE_URL: server.authorizeUrl,
    TOKEN_URL: server.tokenUrl,
    CLIENT_ID: demoClient.clientId,
    CLIENT_SECRET: demoClient.clientSecret,
    REDIRECT_URI: demoRedirectUri,
  };
}

/** In a worker process: the demo client's settings from the variables {@link demoClientEnvironment} set. */
export function demoClientSettingsFromEnvironment(environment: NodeJS.ProcessEnv = process.env) {
  const read = (name: string): string => {
    const value = environment[name];
    if (value === undefined) throw new Error(`${name} is not set: start this process with demoClientEnvironment().`);
    return value;
  };
  return {
    authorizationUrl: read('AUTHORIZE_URL'),
    tokenUrl: read('TOKEN_URL'),
    clientId: read('CLIENT_ID'),
    clientSecret: read('CLIENT_SECRET'),
    redirectUri: read('REDIRECT_URI'),
  };
}

/** The two steps of an authorization-code client (auth's `AuthorizationCodeClient`) a login goes through. */
export interface AuthorizationCodeLogin<Pending, Tokens> {
  createAuthorizationRequest(options: {
    scopes: readonly string[];
    redirectUri: string;
  }): Promise<{ authorizationUrl: URL; pending: Pending }>;
  completeAuthorization(callbackUrl: URL, pending: Pending): Promise<Tokens>;
}

/**
 * Connects the demo user through `oauthClient`: the authorization request (scope `requests`, the
 * demo redirect URI), the login on the mock's page, the callback. Returns the tokens the client received.
 */
export async function logInDemoUser<Pending, Tokens>(
  oauthClient: AuthorizationCodeLogin<Pending, Tokens>,
  options: { scopes?: readonly string[]; redirectUri?: string } = {},
): Promise<Tokens> {
  const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
    scopes: options.scopes ?? ['requests'],
    redirectUri: options.redirectUri ?? demoRedirectUri,
  });
  return oauthClient.completeAuthorization(await logInAt(authorizationUrl), pending);
}

/** How many refreshes `server` refused with `invalid_grant`, for every reason. */
export function invalidGrantCount(server: DemoAuthorizationServer): number {
  return Object.values(server.stats().invalidGrant).reduce((sum, count) => sum + count, 0);
}
