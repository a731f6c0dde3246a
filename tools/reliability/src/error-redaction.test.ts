// Property-based tests (fast-check) of what an ApiError keeps from a provider's error answer: each
// provider's real client, against a loopback server that answers error statuses with bodies built
// from that provider's generated error shape, with marker strings in every sensitive key, in
// undeclared keys at any depth (and as their names), in values of the wrong kind, and in headers.
// No marker may survive anywhere on the error; the declared safe error code must.
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { MemoryTokenStore, type StoredGrant } from '@coverlink/auth';
import { ApiError, type BodyShape, type ProviderProfile, unwrap } from '@coverlink/core';
import { createHelloClaimsClient, helloClaimsProfile } from '@coverlink/helloclaims';
import { createOneAssureClient, oneAssureProfile } from '@coverlink/oneassure';
import { createOsiguClient, osiguProfile } from '@coverlink/osigu';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const numRuns = 100;

/** Every marker starts with this, so one search finds any of them. */
const markerPrefix = 'zqmark';
const marker = fc.nat().map((n) => `${markerPrefix}${n.toString(36)}`);

/** A value full of markers, nested up to three levels: what an undeclared key may hold. */
const markerValue: fc.Arbitrary<unknown> = fc.oneof(
  marker,
  fc.array(marker, { minLength: 1, maxLength: 2 }),
  fc.dictionary(marker, marker, { minKeys: 1, maxKeys: 2 }),
  marker.map((value) => ({ debug: { received_authorization: `Bearer ${value}`, rows: [{ full_name: value }] } })),
);

/**
 * A body for one position of an error shape: declared keys with fitting values, sensitive ones
 * holding markers, plus undeclared keys (named by markers) holding markers, and sometimes a value
 * of a kind the shape does not allow there.
 */
function bodyAt(shape: BodyShape): fc.Arbitrary<unknown> {
  if (shape.sensitive) return markerValue;
  const fitting: fc.Arbitrary<unknown>[] = [];
  if (shape.scalar) fitting.push(fc.constantFrom('safe-text', 7, true));
  if (shape.items) fitting.push(fc.array(bodyAt(shape.items), { maxLength: 3 }));
  if (shape.properties !== undefined || shape.map) fitting.push(objectAt(shape, {}));
  const wrongKind: fc.Arbitrary<unknown>[] = [];
  if (!shape.scalar) wrongKind.push(marker);
  if (!shape.items) wrongKind.push(fc.array(marker, { minLength: 1, maxLength: 2 }));
  if (shape.properties === undefined && !shape.map) wrongKind.push(fc.dictionary(marker, marker, { minKeys: 1, maxKeys: 2 }));
  return fc.oneof({ arbitrary: fc.oneof(...fitting), weight: 4 }, { arbitrary: fc.oneof(...wrongKind), weight: 1 });
}

/** An object for a position declaring `properties` (and maybe a map), `fixed` values forced in. */
function objectAt(shape: BodyShape, fixed: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const declared = Object.fromEntries(Object.entries(shape.properties ?? {}).map(([key, child]) => [key, bodyAt(child)]));
  // A map keeps the keys naming fields of the spec (its values are redacted): there the extra keys
  // are field names, or markers the map must drop.
  const fieldName = shape.mapKeys?.length ? fc.constantFrom(...shape.mapKeys) : marker;
  const extraKey = shape.map
    ? fc.oneof(
        fieldName,
        fieldName.map((name) => `items[0].${name}`),
        marker,
      )
    : marker;
  return fc
    .tuple(fc.record(declared, { requiredKeys: [] }), fc.dictionary(extraKey, markerValue, { minKeys: 1, maxKeys: 3 }))
    .map(([values, extras]) => ({ ...extras, ...values, ...fixed }));
}

/** Headers echoing markers: a token, a cookie, a debug header, a challenge, a redirect. */
const markerHeaders = fc.record(
  {
    'x-echo-auth': marker.map((value) => `Bearer ${value}`),
    'set-cookie': marker.map((value) => `session=${value}; HttpOnly`),
    'x-debug-patient': marker,
    'www-authenticate': marker.map((value) => `Bearer error="invalid_token", error_description="${value}"`),
    location: marker.map((value) => `/login?token=${value}`),
  },
  { requiredKeys: ['x-echo-auth'] },
);

const errorStatus = fc.constantFrom(400, 401, 403, 404, 409, 422, 429, 500, 503);
const providerCode = fc.stringMatching(/^[A-Z]{2}[0-9]{3}$/);

interface Answer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

/** One loopback server: the token path answers a token, every other path the current error answer. */
async function startErrorServer(tokenPath: string, tokenBody: unknown) {
  let answer: Answer = { status: 500, headers: {}, body: '{}' };
  const sent: string[] = [];
  const server = createServer((incoming, outgoing) => {
    incoming.resume();
    incoming.on('end', () => {
      if (new URL(incoming.url ?? '/', 'http://127.0.0.1').pathname === tokenPath) {
        outgoing.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(tokenBody));
        return;
      }
      sent.push(answer.body);
      outgoing.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    answerWith(next: Answer) {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const settings = { clientId: 'redaction-client', clientSecret: 'redaction-secret', maxRetries: 0, timeout: 2_000 } as const;
const okToken = { access_token: 'token-from-server', token_type: 'bearer', expires_in: 3600 };

interface ProviderCase {
  profile: ProviderProfile;
  tokenPath: string;
  tokenBody: unknown;
  contentType: string;
  /** The key of the error body the profile reads the provider's code from. */
  codeKey: string;
  /** Declared keys the profile would read a code from first; left out so `codeKey` is the one read. */
  omitted: string[];
  /**
   * The provider's free-text error keys, written here by hand rather than read from the generated
   * shape, so a spec that forgot to mark one fails this test.
   */
  freeText: string[];
  call(url: string): Promise<() => Promise<unknown>>;
}

const providers: ProviderCase[] = [
  {
    profile: osiguProfile,
    tokenPath: '/v1/oauth/token',
    tokenBody: okToken,
    contentType: 'application/json',
    codeKey: 'error_code',
    omitted: [],
    freeText: ['message', 'error_description'],
    async call(url) {
      const client = createOsiguClient({ ...settings, baseUrl: url });
      return async () =>
        unwrap(await client.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: 'sponsor-sandbox' } } }));
    },
  },
  {
    profile: oneAssureProfile,
    tokenPath: '/v1/auth/token',
    tokenBody: { payload: okToken },
    contentType: 'application/json',
    codeKey: 'type',
    omitted: [],
    freeText: ['title', 'detail'],
    async call(url) {
      const client = createOneAssureClient({ ...settings, baseUrl: url });
      return async () => unwrap(await client.GET('/v1/business/health/quotes', { params: { query: { session_id: 'u8jzPde0IgxLd6Gn' } } }));
    },
  },
  {
    profile: helloClaimsProfile,
    tokenPath: '/login/token',
    tokenBody: { ...okToken, refresh_token: 'r-2' },
    contentType: 'application/problem+json',
    // A problem's title is its code (Hello Claims sends no other); `error` is the token errors' code.
    codeKey: 'title',
    omitted: ['error'],
    freeText: ['detail', 'error_description', 'errors'],
    async call(url) {
      const tokenStore = new MemoryTokenStore();
      const grant: StoredGrant = {
        accessToken: 'stored-access-token',
        accessTokenExpiresAt: Date.now() + 3_600_000,
        refreshToken: 'r-1',
        scope: 'requests quotes',
        status: 'active',
      };
      await tokenStore.set({ provider: 'helloclaims', clientId: settings.clientId, subject: 'user-1' }, grant);
      const client = createHelloClaimsClient({
        ...settings,
        redirectUri: 'http://127.0.0.1/callback',
        scopes: ['requests'],
        baseUrl: `${url}/integrations/repairer`,
        authorizationUrl: `${url}/login/broker`,
        tokenUrl: `${url}/login/token`,
        tokenStore,
      });
      const user = client.forUser('user-1');
      return async () => unwrap(await user.GET('/requests'));
    },
  },
];

/** Every text an error can be seen through by an integrator, its error tracker or its logs. */
function textsOf(error: ApiError): Record<string, string> {
  return {
    body: JSON.stringify(error.body) ?? '',
    headers: JSON.stringify(error.headers),
    providerMessage: String((error as { providerMessage?: unknown }).providerMessage ?? ''),
    message: error.message,
    string: String(error),
    json: JSON.stringify(error) ?? '',
    inspect: inspect(error, { depth: 10, showHidden: true }),
    stack: error.stack ?? '',
  };
}

for (const provider of providers) {
  describe(`${provider.profile.name}: an error keeps nothing of the answer but what its spec declares safe`, () => {
    let server: Awaited<ReturnType<typeof startErrorServer>>;
    beforeAll(async () => {
      server = await startErrorServer(provider.tokenPath, provider.tokenBody);
    });
    afterAll(() => server.close());

    const rootShape: BodyShape = {
      ...provider.profile.errorShape,
      properties: Object.fromEntries(
        Object.entries(provider.profile.errorShape.properties ?? {}).filter(([key]) => !provider.omitted.includes(key)),
      ),
    };

    it('drops or redacts every marker in the body and headers, and keeps the error code', async () => {
      // The generated shape is what is under test: it must declare the code key safe.
      expect(provider.profile.errorShape.properties?.[provider.codeKey]).toEqual({ scalar: true });
      const call = await provider.call(server.url);
      const answers = fc.record({
        status: errorStatus,
        headers: markerHeaders,
        freeText: fc.tuple(...provider.freeText.map(() => markerValue)),
        body: providerCode.chain((code) => objectAt(rootShape, { [provider.codeKey]: code }).map((body) => ({ code, body }))),
      });

      await fc.assert(
        fc.asyncProperty(answers, async ({ status, headers, freeText, body: { code, body } }) => {
          const answer = { ...body, ...Object.fromEntries(provider.freeText.map((key, index) => [key, freeText[index]])) };
          server.answerWith({ status, headers: { ...headers, 'content-type': provider.contentType }, body: JSON.stringify(answer) });
          const sentBefore = server.sent.length;

          const error = await call().then(
            () => undefined,
            (thrown: unknown) => thrown,
          );

          expect(server.sent.length).toBeGreaterThan(sentBefore);
          expect(server.sent.at(-1)).toContain(markerPrefix);
          expect(ApiError.isInstance(error), String(error)).toBe(true);
          const apiError = error as ApiError;
          expect(apiError.status).toBe(status);
          expect(apiError.providerCode).toBe(code);
          for (const [where, text] of Object.entries(textsOf(apiError))) expect(text, `${where}: ${text}`).not.toContain(markerPrefix);
        }),
        { numRuns },
      );
    });
  });
}
