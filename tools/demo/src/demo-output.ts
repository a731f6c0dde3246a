// How the demo prints: a line per finished step, and a line per HTTP request (method, path, status;
// never a header, body or query, so no token or personal data reaches the terminal).

export function step(text: string): void {
  console.log(`  ✓ ${text}`);
}

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
