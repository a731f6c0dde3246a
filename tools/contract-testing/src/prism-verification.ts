import { type MockName, startMock } from '@coverlink/mocks';
import { Verifier } from '@pact-foundation/pact';

// The shape of the express middleware the verifier's proxy runs; only what the filter touches.
interface ProxiedRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}
type RequestFilter = (request: ProxiedRequest, response: unknown, next: () => void) => void;
type VerifierRequestFilter = NonNullable<ConstructorParameters<typeof Verifier>[0]['requestFilter']>;

/**
 * Replays recorded pacts against Prism serving the provider's spec (provider verification), so a
 * pact that the spec-backed mock cannot honour fails here and not at the real provider.
 */
export async function verifyPactsWithPrism(options: { provider: string; mock: MockName; pactFiles: readonly string[] }): Promise<void> {
  const mock = await startMock(options.mock, { port: 0 });
  try {
    await new Verifier({
      provider: options.provider,
      providerBaseUrl: mock.url,
      pactUrls: [...options.pactFiles],
      requestFilter: reserializeFormBodies as unknown as VerifierRequestFilter,
      logLevel: 'warn',
    }).verifyProvider();
  } finally {
    await mock.stop();
  }
}

// The verifier's proxy parses form bodies into objects and would forward them as JSON
// (pact-js issues 767 and 884); turn them back into the form encoding that was recorded.
const reserializeFormBodies: RequestFilter = (request, _response, next) => {
  const contentType = String(request.headers['content-type'] ?? '');
  const body: unknown = request.body;
  if (contentType.startsWith('application/x-www-form-urlencoded') && typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) {
    request.body = Buffer.from(new URLSearchParams(body as Record<string, string>).toString());
  }
  next();
};
