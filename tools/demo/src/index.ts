// What a provider's demo journey uses. How the demo prints: a line per finished step, and a line per
// HTTP request (method, path, status; never a header, body or query, so no token or personal data
// reaches the terminal).

/** Prints a finished step. */
export function step(text: string): void {
  console.log(`  ✓ ${text}`);
}

/** Prints a journey's heading. */
export function heading(text: string): void {
  console.log(`\n${text}`);
}

/** Shows the last four characters of a credential, enough to tell two apart. */
export function masked(secret: string | undefined): string {
  return secret === undefined ? '(none)' : `…${secret.slice(-4)}`;
}

/**
 * A fetch that prints each request's method, path and status. `prefer` may add Prism's `Prefer`
 * header, which is how the demo asks the stateless mock for a documented second page.
 */
export function tracingFetch(prefer?: (url: URL) => string | undefined): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const preference = prefer?.(url);
    if (preference !== undefined) request.headers.set('prefer', preference);
    const response = await fetch(request);
    console.log(`    → ${request.method} ${url.pathname} ${response.status}`);
    return response;
  };
}

/** What a provider's journey runs against: the base URL of its Prism mock, and its authorization server if it has one. */
export interface DemoMock {
  baseUrl: string;
  authorizationServer?: { authorizationUrl: string; tokenUrl: string; accessTokenSeconds: number } | undefined;
}

/**
 * A provider's demo journey: the default export of `packages/<name>/src/<name>.demo.ts`, which the
 * demo runs for every provider with a coverlink.provider.json, in the order of their mock ports.
 */
export interface DemoJourney {
  /** The heading printed before the journey. */
  title: string;
  /** Runs the journey against the provider's running mocks, printing each step. */
  run(mock: DemoMock): Promise<void>;
}
