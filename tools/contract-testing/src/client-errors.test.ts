import type { V3MockServer } from '@pact-foundation/pact';
import { afterEach, expect, it, vi } from 'vitest';
import { printingClientErrors } from './client-errors.js';

const mockServer = { url: 'http://127.0.0.1:1', port: 1, id: 'mock' } as V3MockServer;

afterEach(() => vi.restoreAllMocks());

it("prints the client's error, with its code, and rethrows the same error", async () => {
  const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
  const failure = Object.assign(new Error('Could not complete the Hello Claims request POST /requests/{id} (ECONNRESET).'), {
    name: 'ConnectionError',
    code: 'CONNECTION_FAILED',
  });

  const outcome = await printingClientErrors(async () => {
    throw failure;
  })(mockServer).catch((error: unknown) => error);

  expect(outcome).toBe(failure);
  expect(printed).toHaveBeenCalledWith(
    'The client raised ConnectionError (CONNECTION_FAILED): Could not complete the Hello Claims request POST /requests/{id} (ECONNRESET).',
  );
});

it('passes a result through and prints nothing', async () => {
  const printed = vi.spyOn(console, 'error').mockImplementation(() => {});

  await expect(printingClientErrors(async (server) => server.url)(mockServer)).resolves.toBe('http://127.0.0.1:1');
  expect(printed).not.toHaveBeenCalled();
});
