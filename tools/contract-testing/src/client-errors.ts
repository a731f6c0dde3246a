import type { V3MockServer } from '@pact-foundation/pact';

/**
 * Wraps a Pact `executeTest` function so that an error the client raised is printed before Pact
 * reports the interaction. When a request never reaches the mock server, Pact throws only its own
 * "expected but not received" and drops the client's error, which is the one that says why.
 * Coverlink errors carry no secrets, so their name, code and message are safe to print.
 */
export function printingClientErrors<T>(test: (mockServer: V3MockServer) => Promise<T>): (mockServer: V3MockServer) => Promise<T> {
  return async (mockServer) => {
    try {
      return await test(mockServer);
    } catch (error) {
      const { name, code, message } = error as { name?: string; code?: string; message?: string };
      console.error(`The client raised ${name ?? 'an error'}${code ? ` (${code})` : ''}: ${message ?? String(error)}`);
      throw error;
    }
  };
}
