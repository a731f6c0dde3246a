import { readFile } from 'node:fs/promises';
import { type MockName, startMock } from '@coverlink/mocks';
import { Verifier } from '@pact-foundation/pact';

// The shape of the express middleware the verifier's proxy runs; only what the filter touches.
interface ProxiedRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}
type RequestFilter = (request: ProxiedRequest, response: unknown, next: () => void) => void;
type VerifierOptions = ConstructorParameters<typeof Verifier>[0];

/** Options of {@link verifyPactsWithPrism}. */
export interface PrismVerificationOptions {
  /** The provider name the pacts were recorded for. */
  provider: string;
  /** Which mock serves the provider's spec. */
  mock: MockName;
  /** The pact files to replay. */
  pactFiles: readonly string[];
  /**
   * Prism's `Prefer` header value (`code=404`, `example=rejected`) for each provider state whose
   * interaction expects a response other than the spec's first one. Prism holds no state, so this
   * is how a provider state selects the documented response.
   */
  preferByProviderState?: Record<string, string> | undefined;
}

/**
 * Replays recorded pacts against Prism serving the provider's spec (provider verification), so a
 * pact that the spec-backed mock cannot honour fails here and not at the real provider.
 */
export async function verifyPactsWithPrism(options: PrismVerificationOptions): Promise<void> {
  const preferences = options.preferByProviderState ?? {};
  let preference: string | undefined;
  const stateHandlers: NonNullable<VerifierOptions['stateHandlers']> = {};
  for (const state of await providerStates(options.pactFiles)) {
    stateHandlers[state] = async () => {
      preference = preferences[state];
    };
  }

  const requestFilter: RequestFilter = (request, _response, next) => {
    reserializeFormBody(request);
    if (preference !== undefined) request.headers.prefer = preference;
    next();
  };

  const mock = await startMock(options.mock, { port: 0 });
  try {
    await new Verifier({
      provider: options.provider,
      providerBaseUrl: mock.url,
      pactUrls: [...options.pactFiles],
      stateHandlers,
      beforeEach: async () => {
        preference = undefined;
      },
      requestFilter: requestFilter as unknown as VerifierOptions['requestFilter'],
      logLevel: 'warn',
    }).verifyProvider();
  } finally {
    await mock.stop();
  }
}

// The verifier's proxy parses form bodies into objects and would forward them as JSON
// (pact-js issues 767 and 884); turn them back into the form encoding that was recorded.
function reserializeFormBody(request: ProxiedRequest): void {
  const contentType = String(request.headers['content-type'] ?? '');
  const { body } = request;
  if (contentType.startsWith('application/x-www-form-urlencoded') && typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) {
    request.body = Buffer.from(new URLSearchParams(body as Record<string, string>).toString());
  }
}

async function providerStates(pactFiles: readonly string[]): Promise<Set<string>> {
  const states = new Set<string>();
  for (const file of pactFiles) {
    const pact = JSON.parse(await readFile(file, 'utf8')) as { interactions?: Array<{ providerStates?: Array<{ name: string }> }> };
    for (const interaction of pact.interactions ?? []) for (const state of interaction.providerStates ?? []) states.add(state.name);
  }
  return states;
}
