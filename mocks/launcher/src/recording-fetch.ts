// A fetch for tests against a mock: it really goes to the server and records what crossed the socket.

export interface WireRecord {
  method: string;
  path: string;
  headers: Headers;
  body: Uint8Array;
  status: number;
}

/**
 * A fetch that really goes to Prism and records each request as sent; `prefer` may add Prism's
 * `Prefer` header to chosen requests, which is how a test picks a documented response.
 */
export function recordingFetch(prefer?: (path: string, attempt: number, url: URL) => string | undefined) {
  const wire: WireRecord[] = [];
  const attempts = new Map<string, number>();
  const fetchImplementation: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname;
    const attempt = (attempts.get(path) ?? 0) + 1;
    attempts.set(path, attempt);
    const preference = prefer?.(path, attempt, url);
    if (preference !== undefined) request.headers.set('prefer', preference);
    const body = new Uint8Array(await request.clone().arrayBuffer());
    const response = await fetch(request);
    wire.push({ method: request.method, path, headers: request.headers, body, status: response.status });
    return response;
  };
  return {
    wire,
    fetch: fetchImplementation,
    tokenRequests: () => wire.filter((record) => record.path === '/v1/oauth/token').length,
    /** Each exchange as `<path> <status>`, in order: what a test of retries and token refreshes compares. */
    exchanges: () => wire.map((record) => `${record.path} ${record.status}`),
  };
}
