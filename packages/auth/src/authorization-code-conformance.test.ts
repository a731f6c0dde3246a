// The authorization-code client against servers nobody here wrote: panva's certified oidc-provider
// (path and trailing-slash issuers, RFC 9207 iss, offline_access, rotation, a client_secret_post
// client) and oauth2-mock-server (an OAuth server that always returns an ID token). Both run
// in-process on 127.0.0.1 with random ports; the user's login is played over HTTP.
import { inspect } from 'node:util';
import { rejectionOf } from '@coverlink/test-kit';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  AuthErrorCode,
  AuthorizationDeniedError,
  AuthorizationIssuerError,
  ReauthorizationRequiredError,
} from './auth-errors.js';
import {
  type AuthorizationCodeClient,
  type AuthorizationCodeSettings,
  type AuthorizationRequestParameters,
  createAuthorizationCodeClient,
} from './authorization-code.js';
import { discoverAuthorizationServer } from './authorization-server-discovery.js';
import { type OidcProviderOptions, type RunningOidcProvider, startOidcProvider } from './oidc-provider-server.test-support.js';

const errorsSeen: unknown[] = [];
const secretsSeen = new Set<string>();
const running: Array<{ stop(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function oidcProvider(options: OidcProviderOptions = {}): Promise<RunningOidcProvider> {
  const provider = await startOidcProvider(options);
  running.push(provider);
  secretsSeen.add(provider.client.clientSecret);
  return provider;
}

/** The client settings for `provider`, with the issuer spelled as its metadata spells it. */
function settingsFor(provider: RunningOidcProvider, overrides: Partial<AuthorizationCodeSettings> = {}): AuthorizationCodeSettings {
  return {
    issuer: provider.issuer,
    authorizationUrl: provider.authorizationUrl,
    tokenUrl: provider.tokenUrl,
    clientId: provider.client.clientId,
    clientSecret: provider.client.clientSecret,
    ...overrides,
  };
}

/** The AuthError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
async function failure(promise: Promise<unknown>): Promise<AuthError> {
  const error = await rejectionOf(promise, AuthError);
  errorsSeen.push(error);
  return error;
}

/** Connects the provider's user through `oauthClient`: authorize URL, login, callback, exchange. */
async function connect(
  provider: RunningOidcProvider,
  oauthClient: AuthorizationCodeClient,
  request: { scopes: readonly string[]; parameters?: AuthorizationRequestParameters } = { scopes: ['openid'] },
) {
  const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
    ...request,
    redirectUri: provider.client.redirectUri,
  });
  return remember(await oauthClient.completeAuthorization(await provider.logIn(authorizationUrl), pending));
}

function remember<T extends { accessToken: string; refreshToken: string | undefined }>(tokens: T): T {
  secretsSeen.add(tokens.accessToken).add(tokens.refreshToken ?? '');
  return tokens;
}

const offlineAccess = { scopes: ['openid', 'offline_access'], parameters: { prompt: 'consent' } } as const;

describe('oidc-provider: issuers as servers spell them', () => {
  it.each([
    ['a path (/realms/acme)', { issuerPath: '/realms/acme' }],
    ['a path (/oauth2/default)', { issuerPath: '/oauth2/default' }],
    ['a trailing slash', { trailingSlash: true }],
    ['a path and a trailing slash', { issuerPath: '/realms/acme', trailingSlash: true }],
  ])('connects through an issuer with %s: iss checked, ID token checked, tokens returned', async (_case, options) => {
    const provider = await oidcProvider(options);
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider, { requireIssuerParameter: true }));
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
      ...offlineAccess,
      redirectUri: provider.client.redirectUri,
    });
    const callback = await provider.logIn(authorizationUrl);
    expect(callback.searchParams.get('iss')).toBe(provider.issuer);

    const tokens = remember(await oauthClient.completeAuthorization(callback, pending));

    expect(tokens).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresInSeconds: 3600 });
    expect(tokens.scope?.split(' ').sort()).toEqual(['offline_access', 'openid']);
  });

  it('reads issuer, endpoints and the iss requirement from the metadata (discoverAuthorizationServer)', async () => {
    const provider = await oidcProvider({ issuerPath: '/realms/acme' });

    const discovered = await discoverAuthorizationServer({ issuer: provider.issuer });

    expect(discovered).toEqual({
      issuer: provider.issuer,
      authorizationUrl: provider.authorizationUrl,
      tokenUrl: provider.tokenUrl,
      requireIssuerParameter: true,
      idTokenSigningAlgorithms: expect.arrayContaining(['RS256']),
    });
    const oauthClient = createAuthorizationCodeClient({
      ...discovered,
      clientId: provider.client.clientId,
      clientSecret: provider.client.clientSecret,
    });
    await connect(provider, oauthClient);
  });

  it.each([
    ['another spelling of the issuer (a trailing slash)', '/', /names another issuer/],
    ['an issuer with no metadata', '/../other', /missing or not metadata/],
  ])('refuses discovery through %s (AUTH_DISCOVERY_FAILED)', async (_case, suffix, why) => {
    const provider = await oidcProvider({ issuerPath: '/realms/acme' });
    const error = await failure(discoverAuthorizationServer({ issuer: `${provider.issuer}${suffix}`, maxRetries: 0 }));
    expect(error.code).toBe(AuthErrorCode.discoveryFailed);
    expect(error.message).toMatch(why);
  });
});

describe('oidc-provider: the callback is checked in RFC 9207 order, before the code is spent', () => {
  async function connecting(options: OidcProviderOptions & { issuer?: string } = {}) {
    const provider = await oidcProvider({ issuerPath: '/realms/acme', ...options });
    const oauthClient = createAuthorizationCodeClient(
      settingsFor(provider, { requireIssuerParameter: true, ...(options.issuer === undefined ? {} : { issuer: options.issuer }) }),
    );
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
      scopes: ['openid'],
      redirectUri: provider.client.redirectUri,
    });
    return { provider, oauthClient, authorizationUrl, pending };
  }

  it('a callback without iss, from a server that advertises it, is AUTH_ISSUER_MISMATCH; the code stays unspent', async () => {
    const { provider, oauthClient, authorizationUrl, pending } = await connecting();
    const callback = await provider.logIn(authorizationUrl);
    secretsSeen.add(callback.searchParams.get('code') ?? '');
    const stripped = new URL(callback);
    stripped.searchParams.delete('iss');

    const error = await failure(oauthClient.completeAuthorization(stripped, pending));

    expect(error).toBeInstanceOf(AuthorizationIssuerError);
    expect(error.code).toBe(AuthErrorCode.issuerMismatch);
    expect(error.message).toMatch(/carries no iss/);
    expect(provider.tokenRequests).toHaveLength(0);
    // Nothing was sent, so the genuine callback still exchanges.
    remember(await oauthClient.completeAuthorization(callback, pending));
  });

  it("an issuer setting that is the server's origin, not its issuer, is AUTH_ISSUER_MISMATCH with a hint on the setting", async () => {
    const provider = await oidcProvider({ issuerPath: '/realms/acme' });
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider, { issuer: new URL(provider.issuer).origin }));
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
      scopes: ['openid'],
      redirectUri: provider.client.redirectUri,
    });

    const error = (await failure(
      oauthClient.completeAuthorization(await provider.logIn(authorizationUrl), pending),
    )) as AuthorizationIssuerError;

    expect(error.code).toBe(AuthErrorCode.issuerMismatch);
    expect(error.hint).toMatch(/Set `issuer`.*path and trailing slash/);
    expect(error.expectedIssuer).toBe(new URL(provider.issuer).origin);
    expect(error.receivedIssuer).toBe(provider.issuer);
    expect(Object.keys(error)).not.toContain('receivedIssuer');
    expect(provider.tokenRequests).toHaveLength(0);
  });

  it('a trailing slash too many is a mismatch too: issuers compare as exact strings', async () => {
    const { provider, oauthClient, authorizationUrl, pending } = await connecting({ trailingSlash: false, issuer: undefined });
    const slashed = createAuthorizationCodeClient(settingsFor(provider, { issuer: `${provider.issuer}/` }));
    const callback = await provider.logIn(authorizationUrl);
    expect((await failure(slashed.completeAuthorization(callback, pending))).code).toBe(AuthErrorCode.issuerMismatch);
    remember(await oauthClient.completeAuthorization(callback, pending));
  });

  it('an iss when no issuer is configured is AUTH_ISSUER_MISMATCH, not a guess', async () => {
    const provider = await oidcProvider({ issuerPath: '/realms/acme' });
    const noIssuer = createAuthorizationCodeClient(settingsFor(provider, { issuer: undefined }));
    const { authorizationUrl, pending } = await noIssuer.createAuthorizationRequest({
      scopes: ['offline_access'],
      redirectUri: provider.client.redirectUri,
    });
    const error = await failure(noIssuer.completeAuthorization(await provider.logIn(authorizationUrl), pending));
    expect(error.code).toBe(AuthErrorCode.issuerMismatch);
    expect(error.message).toMatch(/no issuer is configured/);
  });

  it('an ?error= callback with a forged iss is AUTH_ISSUER_MISMATCH, not believed as a denial', async () => {
    const { provider, oauthClient, authorizationUrl, pending } = await connecting();
    const callback = await provider.logIn(authorizationUrl, { decision: 'deny' });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    callback.searchParams.set('iss', 'https://attacker.example/');

    const error = await failure(oauthClient.completeAuthorization(callback, pending));

    expect(error).toBeInstanceOf(AuthorizationIssuerError);
    expect(error).not.toBeInstanceOf(AuthorizationDeniedError);
  });

  it('a genuine ?error= callback is an AuthorizationDeniedError whose error_description stays off the logged view', async () => {
    const { provider, oauthClient, authorizationUrl, pending } = await connecting();
    const callback = await provider.logIn(authorizationUrl, { decision: 'deny' });

    const error = await failure(oauthClient.completeAuthorization(callback, pending));

    expect(error).toBeInstanceOf(AuthorizationDeniedError);
    expect(error.oauthError).toBe('access_denied');
    expect(error.providerMessage).toBe('The user JANE DOE declined');
    expect(String(error) + JSON.stringify(error) + inspect(error, { depth: 10 })).not.toContain('JANE');
  });
});

describe('oidc-provider: extra authorization parameters', () => {
  it('offline_access yields a refresh token only with prompt=consent, which parameters carries', async () => {
    const provider = await oidcProvider();
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider));
    const redirectUri = provider.client.redirectUri;

    const plain = await oauthClient.createAuthorizationRequest({ scopes: ['openid', 'offline_access'], redirectUri });
    const withoutConsent = remember(await oauthClient.completeAuthorization(await provider.logIn(plain.authorizationUrl), plain.pending));
    expect(withoutConsent.refreshToken).toBeUndefined();

    const consent = await oauthClient.createAuthorizationRequest({ ...offlineAccess, redirectUri });
    expect(consent.authorizationUrl.searchParams.get('prompt')).toBe('consent');
    const withConsent = remember(await oauthClient.completeAuthorization(await provider.logIn(consent.authorizationUrl), consent.pending));
    expect(withConsent.refreshToken).toEqual(expect.any(String));
  });

  it('sends login_hint once and resource once per value; undefined values are left out', async () => {
    const provider = await oidcProvider();
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider));
    const { authorizationUrl } = await oauthClient.createAuthorizationRequest({
      scopes: ['openid'],
      redirectUri: provider.client.redirectUri,
      parameters: { login_hint: 'jo@example.com', resource: ['https://a.example/', 'https://b.example/'], ui_locales: undefined },
    });
    expect(authorizationUrl.searchParams.getAll('login_hint')).toEqual(['jo@example.com']);
    expect(authorizationUrl.searchParams.getAll('resource')).toEqual(['https://a.example/', 'https://b.example/']);
    expect(authorizationUrl.searchParams.has('ui_locales')).toBe(false);
  });

  it.each(['state', 'redirect_uri', 'code_challenge', 'client_id', 'response_type', 'scope', 'nonce', 'response_mode'])(
    'refuses to let parameters override the flow’s own %s (AUTH_INVALID_ARGUMENT)',
    async (name) => {
      const provider = await oidcProvider();
      const oauthClient = createAuthorizationCodeClient(settingsFor(provider));
      const error = await failure(
        oauthClient.createAuthorizationRequest({
          scopes: ['openid'],
          redirectUri: provider.client.redirectUri,
          parameters: { [name]: 'x' } as never,
        }),
      );
      expect(error.code).toBe(AuthErrorCode.invalidArgument);
      expect(error.message).toContain(`"${name}"`);
    },
  );

  it('asking for openid without an issuer is AUTH_INVALID_CONFIGURATION before the user is sent anywhere', async () => {
    const provider = await oidcProvider();
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider, { issuer: undefined }));
    const error = await failure(oauthClient.createAuthorizationRequest({ scopes: ['openid'], redirectUri: provider.client.redirectUri }));
    expect(error.code).toBe(AuthErrorCode.invalidConfiguration);
    expect(error.hint).toMatch(/issuer/);
  });
});

describe('oidc-provider: refresh with rotation', () => {
  it('rotates the refresh token on every use; the rotated-away one is refused', async () => {
    const provider = await oidcProvider({ issuerPath: '/realms/acme', rotateRefreshToken: true });
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider));
    const first = await connect(provider, oauthClient, offlineAccess);

    // The refresh answer carries a new ID token, checked against the same issuer.
    const second = remember(await oauthClient.refresh(first.refreshToken ?? '', {}));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(Object.fromEntries(provider.tokenRequests[1]?.body ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: first.refreshToken,
    });

    const reuse = await failure(oauthClient.refresh(first.refreshToken ?? '', {}));
    expect(reuse).toBeInstanceOf(ReauthorizationRequiredError);
    expect(reuse.oauthError).toBe('invalid_grant');
  });

  it('keeps the refresh token when the server does not rotate it', async () => {
    const provider = await oidcProvider({ rotateRefreshToken: false });
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider));
    const first = await connect(provider, oauthClient, offlineAccess);
    const second = remember(await oauthClient.refresh(first.refreshToken ?? '', {}));
    expect(second.refreshToken).toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
  });

  it('an empty refresh token is AUTH_INVALID_ARGUMENT, and nothing is sent', async () => {
    const provider = await oidcProvider();
    const error = await failure(createAuthorizationCodeClient(settingsFor(provider)).refresh('', {}));
    expect(error.code).toBe(AuthErrorCode.invalidArgument);
    expect(error.message).not.toMatch(/reach/);
    expect(provider.tokenRequests).toHaveLength(0);
  });
});

describe('oidc-provider: client authentication', () => {
  async function connectWith(provider: RunningOidcProvider, clientAuthentication: AuthorizationCodeSettings['clientAuthentication']) {
    return connect(provider, createAuthorizationCodeClient(settingsFor(provider, { clientAuthentication })));
  }

  it('a client_secret_post-only server gets the id and secret in the form body, and no Authorization header', async () => {
    const provider = await oidcProvider({ clientAuthentication: 'client_secret_post' });
    remember(await connectWith(provider, 'client_secret_post'));
    const [exchange] = provider.tokenRequests;
    expect(exchange?.authorization).toBeUndefined();
    expect(exchange?.body.get('client_id')).toBe(provider.client.clientId);
    expect(exchange?.body.get('client_secret')).toBe(provider.client.clientSecret);
  });

  it('client_secret_post to a Basic-only server is AUTH_INVALID_CLIENT whose hint names the setting to change', async () => {
    const provider = await oidcProvider({ clientAuthentication: 'client_secret_basic', clientAuthMethods: ['client_secret_basic'] });

    const error = await failure(connectWith(provider, 'client_secret_post'));

    expect(error.code).toBe(AuthErrorCode.invalidClient);
    expect(error.oauthError).toBe('invalid_client');
    expect(error.hint).toContain("clientAuthentication: 'client_secret_post'");
    expect(error.hint).toContain("'client_secret_basic'");
    // The server's error_description is kept for whoever reads it on purpose, not logged.
    expect(error.providerMessage).toEqual(expect.any(String));
    expect(Object.keys(error)).not.toContain('providerMessage');
    expect(JSON.stringify(error)).not.toContain(error.providerMessage);
  });

  it('the RFC form of Basic (client_secret_basic) works with a secret holding + / =', async () => {
    const provider = await oidcProvider({ clientAuthentication: 'client_secret_basic' });
    remember(await connectWith(provider, 'client_secret_basic'));
    expect(provider.tokenRequests[0]?.authorization).toMatch(/^Basic /);
    expect(provider.tokenRequests[0]?.body.has('client_secret')).toBe(false);
  });
});

describe('oidc-provider: PKCE and the ID token', () => {
  it('sends an S256 challenge and its verifier; a different verifier gets the code refused', async () => {
    const provider = await oidcProvider();
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider));
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
      scopes: ['openid'],
      redirectUri: provider.client.redirectUri,
    });
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const other = await oauthClient.createAuthorizationRequest({ scopes: ['openid'], redirectUri: provider.client.redirectUri });

    const error = await failure(
      oauthClient.completeAuthorization(await provider.logIn(authorizationUrl), { ...pending, codeVerifier: other.pending.codeVerifier }),
    );

    expect(error.code).toBe(AuthErrorCode.authorizationCodeRejected);
    expect(provider.tokenRequests[0]?.body.get('code_verifier')).toBe(other.pending.codeVerifier);
  });

  it('sends a nonce with openid, and an ID token without it is AUTH_ID_TOKEN_INVALID naming the claim; nothing is returned', async () => {
    const provider = await oidcProvider();
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider));
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
      scopes: ['openid'],
      redirectUri: provider.client.redirectUri,
    });
    expect(authorizationUrl.searchParams.get('nonce')).toBe(pending.nonce);

    const error = await failure(
      oauthClient.completeAuthorization(await provider.logIn(authorizationUrl), { ...pending, nonce: 'another-login' }),
    );

    expect(error.code).toBe(AuthErrorCode.idTokenInvalid);
    expect(error.message).toContain('the "nonce" claim');
    expect(error.message).toContain('discarded');
  });

  it('an ID token signed with an algorithm outside idTokenSigningAlgorithms is AUTH_ID_TOKEN_INVALID naming "alg"', async () => {
    const provider = await oidcProvider();
    const oauthClient = createAuthorizationCodeClient(settingsFor(provider, { idTokenSigningAlgorithms: ['ES256'] }));
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({
      scopes: ['openid'],
      redirectUri: provider.client.redirectUri,
    });
    const error = await failure(oauthClient.completeAuthorization(await provider.logIn(authorizationUrl), pending));
    expect(error.code).toBe(AuthErrorCode.idTokenInvalid);
    expect(error.hint).toMatch(/idTokenSigningAlgorithms/);
  });
});

describe('oauth2-mock-server: an OAuth server that always returns an ID token', () => {
  async function mockServer(options: { issuerPath?: string; trailingSlash?: boolean } = {}) {
    const server = new OAuth2Server(undefined, undefined, { shouldIssuerUrlBeSuffixedWithATralingSlash: options.trailingSlash });
    await server.issuer.keys.generate('RS256');
    await server.start(0, '127.0.0.1');
    running.push(server);
    const origin = `http://127.0.0.1:${server.address().port}`;
    if (options.issuerPath !== undefined) server.issuer.url = `${origin}${options.issuerPath}`;
    const redirectUri = `${origin}/callback`;
    return {
      server,
      redirectUri,
      settings: {
        authorizationUrl: `${origin}/authorize`,
        tokenUrl: `${origin}/token`,
        clientId: 'mock-client',
        clientSecret: 'mock-secret',
        // The mock reads Basic credentials without form-decoding them (see the "aud" test below).
        clientAuthentication: 'client_secret_basic_unencoded' as const,
      },
      async logIn(authorizationUrl: URL): Promise<URL> {
        const response = await fetch(authorizationUrl, { redirect: 'manual' });
        await response.body?.cancel();
        return new URL(response.headers.get('location') ?? '', authorizationUrl);
      },
    };
  }

  it.each([
    ['a path (/oauth2/default)', { issuerPath: '/oauth2/default' }],
    ['a trailing slash', { trailingSlash: true }],
  ])('connects and refreshes through an issuer with %s', async (_case, options) => {
    const mock = await mockServer(options);
    const oauthClient = createAuthorizationCodeClient({ ...mock.settings, issuer: mock.server.issuer.url });
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['read'], redirectUri: mock.redirectUri });
    const tokens = remember(await oauthClient.completeAuthorization(await mock.logIn(authorizationUrl), pending));
    expect(tokens.refreshToken).toEqual(expect.any(String));
    // The refresh answer's ID token is checked against the same issuer.
    remember(await oauthClient.refresh(tokens.refreshToken ?? '', {}));
  });

  it('without an issuer setting, the unverifiable ID token is AUTH_ID_TOKEN_INVALID whose hint says to set issuer', async () => {
    const mock = await mockServer({ issuerPath: '/oauth2/default' });
    const oauthClient = createAuthorizationCodeClient(mock.settings);
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['read'], redirectUri: mock.redirectUri });
    const error = await failure(oauthClient.completeAuthorization(await mock.logIn(authorizationUrl), pending));
    expect(error.code).toBe(AuthErrorCode.idTokenInvalid);
    expect(error.message).toContain('the "iss" claim');
    expect(error.hint).toMatch(/No `issuer` is configured/);
  });

  it.each([
    ['aud', (payload: Record<string, unknown>) => Object.assign(payload, { aud: 'someone-else' }), /clientId/],
    ['exp', (payload: Record<string, unknown>) => Object.assign(payload, { exp: Math.floor(Date.now() / 1000) - 3600 }), /clock/],
  ])('an ID token with a wrong "%s" is AUTH_ID_TOKEN_INVALID naming that claim', async (claim, tamper, hint) => {
    const mock = await mockServer();
    mock.server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
      if (token.payload.aud !== undefined) tamper(token.payload);
    });
    const oauthClient = createAuthorizationCodeClient({ ...mock.settings, issuer: mock.server.issuer.url });
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['read'], redirectUri: mock.redirectUri });
    const error = await failure(oauthClient.completeAuthorization(await mock.logIn(authorizationUrl), pending));
    expect(error.code).toBe(AuthErrorCode.idTokenInvalid);
    expect(error.message).toContain(`the "${claim}" claim`);
    expect(error.hint).toMatch(hint);
  });

  it('the RFC form of Basic reaches this mock as another client id (mock%2Dclient): AUTH_ID_TOKEN_INVALID on "aud", with a hint on clientAuthentication', async () => {
    const mock = await mockServer();
    const oauthClient = createAuthorizationCodeClient({
      ...mock.settings,
      clientAuthentication: 'client_secret_basic',
      issuer: mock.server.issuer.url,
    });
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['read'], redirectUri: mock.redirectUri });
    const error = await failure(oauthClient.completeAuthorization(await mock.logIn(authorizationUrl), pending));
    expect(error.code).toBe(AuthErrorCode.idTokenInvalid);
    expect(error.message).toContain('the "aud" claim');
    expect(error.hint).toContain("'client_secret_basic_unencoded'");
  });

  it('a client_secret_post-only server: Basic is AUTH_INVALID_CLIENT naming the setting; client_secret_post connects', async () => {
    const mock = await mockServer();
    // The mock's documented hook, used to refuse any request that authenticates with Basic.
    mock.server.service.on(
      'beforeResponse',
      (response: { body: unknown; statusCode: number }, request: { headers: Record<string, unknown> }) => {
        if (request.headers.authorization === undefined) return;
        response.body = { error: 'invalid_client', error_description: 'client_secret_basic is not allowed' };
        response.statusCode = 401;
      },
    );
    const basic = createAuthorizationCodeClient({ ...mock.settings, issuer: mock.server.issuer.url });
    const first = await basic.createAuthorizationRequest({ scopes: ['read'], redirectUri: mock.redirectUri });
    const error = await failure(basic.completeAuthorization(await mock.logIn(first.authorizationUrl), first.pending));
    expect(error.code).toBe(AuthErrorCode.invalidClient);
    expect(error.hint).toContain("clientAuthentication: 'client_secret_basic_unencoded'");
    expect(error.hint).toContain("'client_secret_post'");

    const post = createAuthorizationCodeClient({
      ...mock.settings,
      clientAuthentication: 'client_secret_post',
      issuer: mock.server.issuer.url,
    });
    const second = await post.createAuthorizationRequest({ scopes: ['read'], redirectUri: mock.redirectUri });
    remember(await post.completeAuthorization(await mock.logIn(second.authorizationUrl), second.pending));
  });

  it("keeps a token endpoint's error_description as the hidden providerMessage", async () => {
    const mock = await mockServer();
    mock.server.service.once('beforeResponse', (response: { body: unknown; statusCode: number }) => {
      response.body = { error: 'invalid_grant', error_description: 'code of MARIA GONZALEZ expired' };
      response.statusCode = 400;
    });
    const oauthClient = createAuthorizationCodeClient({ ...mock.settings, issuer: mock.server.issuer.url });
    const { authorizationUrl, pending } = await oauthClient.createAuthorizationRequest({ scopes: ['read'], redirectUri: mock.redirectUri });
    const error = await failure(oauthClient.completeAuthorization(await mock.logIn(authorizationUrl), pending));
    expect(error.code).toBe(AuthErrorCode.authorizationCodeRejected);
    expect(error.providerMessage).toBe('code of MARIA GONZALEZ expired');
    expect(String(error) + JSON.stringify(error) + inspect(error, { depth: 10 }) + (error.hint ?? '')).not.toContain('MARIA');
  });
});

describe('what no error shows', () => {
  it('never shows a client secret, code, token or provider free text in any error above', () => {
    expect(errorsSeen.length).toBeGreaterThanOrEqual(20);
    for (const error of errorsSeen) {
      const renderings = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
      for (const secret of secretsSeen) if (secret.length > 0) expect(renderings).not.toContain(secret);
      expect(renderings).not.toMatch(/JANE|MARIA/);
    }
  });
});
