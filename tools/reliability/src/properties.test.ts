// Property-based tests (fast-check): the parsers and builders at the edges of the clients, over
// generated inputs. On a failure fast-check prints the seed and the shrunk counterexample; replay it
// with `fc.assert(property, { seed, path })`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AuthError,
  AuthorizationDeniedError,
  AuthorizationStateError,
  createAuthorizationCodeClient,
  type PendingAuthorization,
} from '@coverlink/auth';
import { cursorPagination, paginate, safeCode } from '@coverlink/core';
import { createRedirectUrl } from '@coverlink/oneassure';
import { OsiguErrorCode, OsiguWebhookError, signOsiguWebhook, verifyOsiguWebhook } from '@coverlink/osigu';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const numRuns = 200;

/** What a promise rejected with; `undefined` when it resolved. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

// ---------------------------------------------------------------------------------------------
describe('OSIGU webhook signatures: sign → verify accepts, any tampering rejects, nothing else is thrown', () => {
  const nowMs = Date.UTC(2026, 10, 23, 12, 0, 0);
  const now = () => nowMs;
  const secret = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
  const body = fc.string({ unit: 'grapheme', maxLength: 200 });
  /** A timestamp within the default 300 s tolerance of `now`. */
  const timestamp = fc.integer({ min: -300, max: 300 }).map((offset) => Math.floor(nowMs / 1000) + offset);
  const event = fc.record({
    event_id: fc.string({ maxLength: 30 }),
    event_type: fc.constantFrom('authorization.created', 'authorization.cancelled', 'claim.paid'),
    created_at: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    data: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })),
  });
  const signatureErrors = new Set<string>([OsiguErrorCode.webhookSignatureMalformed, OsiguErrorCode.webhookSignatureMismatch]);

  it('accepts every event it signed, within the tolerance, and returns it unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(event, secret, timestamp, async (generated, key, signedAt) => {
        const raw = JSON.stringify(generated);
        const header = await signOsiguWebhook(raw, key, signedAt);
        expect(await verifyOsiguWebhook(raw, header, [key], { now })).toEqual(JSON.parse(raw));
      }),
      { numRuns },
    );
  });

  it('accepts the signature of any body (a body that is no event fails only afterwards, as PAYLOAD_INVALID)', async () => {
    await fc.assert(
      fc.asyncProperty(body, secret, timestamp, async (raw, key, signedAt) => {
        const header = await signOsiguWebhook(raw, key, signedAt);
        const error = await rejectionOf(verifyOsiguWebhook(raw, header, key, { now }));
        if (error !== undefined) {
          expect(OsiguWebhookError.isInstance(error), String(error)).toBe(true);
          expect((error as OsiguWebhookError).code).toBe(OsiguErrorCode.webhookPayloadInvalid);
        }
      }),
      { numRuns },
    );
  });

  it('rejects a body with any single byte changed', async () => {
    const bodyAndChange = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
      .chain((raw) =>
        fc.tuple(fc.constant(raw), fc.nat({ max: new TextEncoder().encode(raw).length - 1 }), fc.integer({ min: 1, max: 255 })),
      );
    await fc.assert(
      fc.asyncProperty(bodyAndChange, secret, timestamp, async ([raw, index, mask], key, signedAt) => {
        const header = await signOsiguWebhook(raw, key, signedAt);
        const bytes = new TextEncoder().encode(raw);
        bytes[index] = (bytes[index] ?? 0) ^ mask;
        const error = await rejectionOf(verifyOsiguWebhook(bytes, header, [key], { now }));
        expect(OsiguWebhookError.isInstance(error), String(error)).toBe(true);
        expect((error as OsiguWebhookError).code).toBe(OsiguErrorCode.webhookSignatureMismatch);
      }),
      { numRuns },
    );
  });

  it('rejects a signature made with a different secret', async () => {
    await fc.assert(
      fc.asyncProperty(event, secret, secret, timestamp, async (generated, signingKey, verifyingKey, signedAt) => {
        fc.pre(signingKey !== verifyingKey);
        const raw = JSON.stringify(generated);
        const header = await signOsiguWebhook(raw, signingKey, signedAt);
        const error = await rejectionOf(verifyOsiguWebhook(raw, header, [verifyingKey], { now }));
        expect(OsiguWebhookError.isInstance(error), String(error)).toBe(true);
        expect((error as OsiguWebhookError).code).toBe(OsiguErrorCode.webhookSignatureMismatch);
      }),
      { numRuns },
    );
  });

  it('rejects arbitrary header strings, and well-formed headers carrying a signature it did not make', async () => {
    const hex = fc.stringMatching(/^[0-9a-fA-F]{64}$/);
    const header = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc
        .tuple(timestamp, fc.array(hex, { minLength: 1, maxLength: 3 }))
        .map(([t, v1s]) => [`t=${t}`, ...v1s.map((v) => `v1=${v}`)].join(',')),
      fc
        .array(fc.tuple(fc.constantFrom('t', 'v1', 'v0', ' t', 'v1 ', ''), fc.string({ maxLength: 70 })), { maxLength: 4 })
        .map((parts) => parts.map(([key, value]) => `${key}=${value}`).join(',')),
    );
    await fc.assert(
      fc.asyncProperty(event, secret, header, async (generated, key, signatureHeader) => {
        const error = await rejectionOf(verifyOsiguWebhook(JSON.stringify(generated), signatureHeader, [key], { now }));
        expect(OsiguWebhookError.isInstance(error), `${String(error)} for header ${JSON.stringify(signatureHeader)}`).toBe(true);
        expect(signatureErrors).toContain((error as OsiguWebhookError).code);
      }),
      { numRuns },
    );
  });

  it('never throws anything but OsiguWebhookError, or TypeError for an empty secret list or an empty secret', async () => {
    const anyHeader = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ unit: 'binary', maxLength: 120 }));
    const secrets = fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }));
    const anyBody = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(anyBody, anyHeader, secrets, fc.integer({ min: 0, max: 4_000_000_000_000 }), async (raw, header, keys, clock) => {
        const error = await rejectionOf(verifyOsiguWebhook(raw, header, keys, { now: () => clock }));
        const list = typeof keys === 'string' ? [keys] : keys;
        const noUsableSecret = list.length === 0 || list.some((key) => key.length === 0);
        if (noUsableSecret) {
          expect(error).toBeInstanceOf(TypeError);
        } else {
          // A random header is never a valid signature: every case is a rejection, and a typed one.
          expect(OsiguWebhookError.isInstance(error), String(error)).toBe(true);
        }
      }),
      { numRuns },
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('OAuth callback parsing (completeAuthorization)', () => {
  let tokenRequests = 0;
  const oauthClient = createAuthorizationCodeClient({
    authorizationUrl: 'https://login.example.test/authorize',
    tokenUrl: 'https://login.example.test/token',
    clientId: 'property-client',
    clientSecret: 'property-secret',
    fetch: async () => {
      tokenRequests++;
      throw new TypeError('fetch failed: the properties suite sends no token request');
    },
  });
  const pendingState = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 });
  const pendingFor = (state: string): PendingAuthorization => ({
    state,
    codeVerifier: 'v'.repeat(43),
    redirectUri: 'https://app.example.test/callback',
    createdAt: Date.now(),
  });
  /** Query parameters other than `state` and `error`, which the properties place themselves. */
  const otherParams = fc.array(
    fc.tuple(
      fc.string({ unit: 'grapheme', maxLength: 12 }).filter((key) => key !== 'state' && key !== 'error'),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    ),
    { maxLength: 5 },
  );
  const callback = (params: [string, string][]) => {
    const url = new URL('https://app.example.test/callback');
    for (const [key, value] of params) url.searchParams.append(key, value);
    return url;
  };

  it('rejects any state other than the pending one (or none) with AuthorizationStateError, sending nothing', async () => {
    const returnedState = fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: undefined });
    const errorParam = fc.option(fc.string({ unit: 'grapheme', maxLength: 20 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(pendingState, returnedState, otherParams, errorParam, fc.nat(5), async (state, returned, params, error, at) => {
        fc.pre(returned !== state);
        const all: [string, string][] = [...params, ...(error === undefined ? [] : [['error', error] as [string, string]])];
        if (returned !== undefined) all.splice(Math.min(at, all.length), 0, ['state', returned]);
        const before = tokenRequests;

        const rejection = await rejectionOf(oauthClient.completeAuthorization(callback(all), pendingFor(state)));

        expect(AuthorizationStateError.isInstance(rejection), String(rejection)).toBe(true);
        expect((rejection as AuthError).code).toBe('AUTH_STATE_MISMATCH');
        expect(tokenRequests).toBe(before);
      }),
      { numRuns },
    );
  });

  it('turns error= with the right state into AuthorizationDeniedError carrying that error when code-shaped, sending nothing', async () => {
    const errorValue = fc.oneof(
      fc.constantFrom('access_denied', 'invalid_scope', 'server_error', 'temporarily_unavailable'),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    );
    const description = fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(pendingState, errorValue, description, otherParams, async (state, error, text, params) => {
        const all: [string, string][] = [['state', state], ['error', error], ...params];
        if (text !== undefined) all.push(['error_description', text]);
        const before = tokenRequests;

        const rejection = await rejectionOf(oauthClient.completeAuthorization(callback(all), pendingFor(state)));

        expect(AuthorizationDeniedError.isInstance(rejection), String(rejection)).toBe(true);
        // The error is kept when code-shaped; free text in a callback URL (anyone can forge one) is not repeated.
        expect(rejection).toMatchObject({ code: 'AUTH_AUTHORIZATION_DENIED', oauthError: safeCode(error) });
        expect(tokenRequests).toBe(before);
      }),
      { numRuns },
    );
  });

  it('never raises anything but an AuthError for any callback, and exchanges only with the right state and no error', async () => {
    const maybeState = fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: undefined });
    const maybeCode = fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(pendingState, fc.boolean(), maybeState, maybeCode, otherParams, async (state, echo, other, code, params) => {
        const returned = echo ? state : other;
        const all: [string, string][] = [...params];
        if (returned !== undefined) all.push(['state', returned]);
        if (code !== undefined) all.push(['code', code]);
        const before = tokenRequests;

        const rejection = await rejectionOf(oauthClient.completeAuthorization(callback(all), pendingFor(state)));

        // The token request always fails here, so every callback ends in a rejection.
        expect(AuthError.isInstance(rejection), String(rejection)).toBe(true);
        if (returned !== state) expect(tokenRequests).toBe(before);
        if (tokenRequests > before) expect((rejection as AuthError).code).toBe('AUTH_REQUEST_FAILED');
      }),
      { numRuns },
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe('OneAssure redirect URLs (createRedirectUrl)', () => {
  let nextToken = '';
  let tokenRequests = 0;
  let tokenUrl = '';
  const server = createServer((incoming, outgoing) => {
    incoming.resume();
    incoming.on('end', () => {
      tokenRequests++;
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ payload: { access_token: nextToken, token_type: 'Bearer', expires_in: 3600 } }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/auth/token`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // Well-formed Unicode (URL parameters are USVStrings: a lone surrogate cannot round-trip anywhere),
  // weighted towards the characters that matter in a query string.
  const token = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
    fc.string({
      unit: fc.constantFrom('&', '=', '+', '#', '%', '?', '/', ' ', '.', '-', '_', 'a', 'Z', '0', 'é', '😀'),
      minLength: 1,
      maxLength: 60,
    }),
    fc
      .tuple(fc.base64String({ minLength: 4, maxLength: 40 }), fc.base64String({ minLength: 4, maxLength: 80 }))
      .map(([h, p]) => `${h}.${p}.sig`),
  );
  // A blank user id is refused before any request (AUTH_INVALID_CONFIGURATION), by design.
  const userIdArbitrary = fc.string({ minLength: 1, maxLength: 20 }).filter((id) => id.trim() !== '');
  const journeys = [
    { journeyUrl: undefined, host: 'orca.oneassure.in', pathname: '/health', keep: {} },
    {
      journeyUrl: 'https://journey.example.test/health/start?lang=en',
      host: 'journey.example.test',
      pathname: '/health/start',
      keep: { lang: 'en' },
    },
  ] as const;

  for (const journey of journeys) {
    it(`keeps the host ${journey.host} and round-trips any token exactly in session-token`, async () => {
      await fc.assert(
        fc.asyncProperty(token, userIdArbitrary, async (minted, userId) => {
          nextToken = minted;
          const before = tokenRequests;

          const url = new URL(
            await createRedirectUrl({ clientId: 'oa-client', clientSecret: 'oa-secret', tokenUrl, userId, journeyUrl: journey.journeyUrl }),
          );

          expect(tokenRequests).toBe(before + 1);
          expect(url.protocol).toBe('https:');
          expect(url.host).toBe(journey.host);
          expect(url.pathname).toBe(journey.pathname);
          expect(url.username + url.password + url.hash).toBe('');
          expect(url.searchParams.getAll('session-token')).toEqual([minted]);
          for (const [key, value] of Object.entries(journey.keep)) expect(url.searchParams.get(key)).toBe(value);
        }),
        { numRuns },
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
describe('cursor pagination (paginate + cursorPagination) over generated page chains', () => {
  interface Page {
    items: string[];
    next: string | null | undefined;
  }
  /** How a chain ends: no cursor (null, undefined or ''), or its last page naming its own cursor again. */
  const ending = fc.constantFrom<'null' | 'undefined' | 'empty' | 'repeat'>('null', 'undefined', 'empty', 'repeat');
  const chain = fc
    .tuple(
      fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 25 }),
      fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { minLength: 25, maxLength: 25 }),
      ending,
    )
    .map(([sizes, cursors, end]) => {
      // Page i is read at cursors[i - 1] (page 0 with no cursor) and names cursors[i] as the next one.
      const pages: Page[] = sizes.map((size, index) => ({
        items: Array.from({ length: size }, (_, item) => `p${index}-i${item}`),
        next: cursors[index],
      }));
      const last = pages[pages.length - 1] as Page;
      last.next = { null: null, undefined: undefined, empty: '', repeat: pages.length === 1 ? null : cursors[pages.length - 2] }[end];
      return { pages, cursors, end };
    });

  it('yields every item exactly once, in order, reading each page once, and stops at the end or a repeated cursor', async () => {
    await fc.assert(
      fc.asyncProperty(chain, async ({ pages, cursors }) => {
        const byCursor = new Map<string | undefined, Page>(
          pages.map((page, index) => [index === 0 ? undefined : cursors[index - 1], page]),
        );
        const reads: (string | undefined)[] = [];
        const fetchPage = async (cursor: string | undefined) => {
          reads.push(cursor);
          const page = byCursor.get(cursor);
          if (page === undefined) throw new Error(`no page at cursor ${String(cursor)}`);
          return page;
        };

        const items: string[] = [];
        for await (const item of paginate(
          fetchPage,
          cursorPagination({ items: (page: Page) => page.items, nextCursor: (page) => page.next }),
        )) {
          items.push(item);
        }

        expect(items).toEqual(pages.flatMap((page) => page.items));
        expect(reads).toEqual([undefined, ...cursors.slice(0, pages.length - 1)]);
      }),
      { numRuns },
    );
  });

  it('stops at a cursor that cycles back to an earlier page: every page is read once, never until maxPages', async () => {
    const cycle = fc.tuple(fc.integer({ min: 2, max: 6 }), fc.nat()).map(([length, pick]) => ({ length, back: pick % (length - 1) }));
    await fc.assert(
      fc.asyncProperty(cycle, async ({ length, back }) => {
        // Pages c0 … c{length-1}; the last names c{back} (an earlier page, never itself) as its next.
        const cursorOf = (index: number) => (index === 0 ? undefined : `c${index}`);
        const pageAt = (cursor: string | undefined): Page => {
          const index = cursor === undefined ? 0 : Number(cursor.slice(1));
          const isLast = index === length - 1;
          return { items: [`p${index}`], next: isLast ? (cursorOf(back) ?? 'c0') : `c${index + 1}` };
        };
        const maxPages = 20;
        let reads = 0;
        const iterate = async () => {
          for await (const _item of paginate(
            async (cursor: string | undefined) => {
              reads++;
              return pageAt(cursor === 'c0' ? undefined : cursor);
            },
            cursorPagination({ items: (page: Page) => page.items, nextCursor: (page) => page.next }),
            { maxPages },
          )) {
            // drain
          }
        };

        await iterate();
        // Pointing back at the first page uses the name `c0`, which the first read never had (it
        // was read without a cursor): that page is read once more, then the repeat of `c1` stops it.
        expect(reads).toBe(back === 0 ? length + 1 : length);
      }),
      { numRuns },
    );
  });
});
