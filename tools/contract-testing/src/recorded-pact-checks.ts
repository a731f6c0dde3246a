import { fileURLToPath } from 'node:url';
import { type MockName, mockDefinition } from '@coverlink/mocks';
import { describe, expect, it } from 'vitest';
import { listPactFiles } from './pact-folder.js';
import { verifyPactsWithPrism } from './prism-verification.js';
import { compareWithSpec } from './spec-comparison.js';

/** Where a provider's consumer tests write their pacts: `mocks/<provider>/pacts/`. */
export function pactFolderOf(provider: MockName): string {
  return fileURLToPath(new URL(`../../../mocks/${provider}/pacts/`, import.meta.url));
}

/**
 * Registers the two checks every provider's recorded pacts must pass, after its consumer tests in
 * the same file: the pacts agree with the provider's spec (openapi-pact-comparator finds no error),
 * and Prism serving that spec honours them (provider verification).
 *
 * @param options.preferByProviderState Prism's `Prefer` value for each provider state whose
 *   interaction expects something other than the spec's first example.
 */
export function describeRecordedPactChecks(provider: MockName, options: { preferByProviderState?: Record<string, string> } = {}): void {
  describe('the recorded pact', () => {
    it(`agrees with specs/${provider} (openapi-pact-comparator reports no errors)`, async () => {
      const findings = await compareWithSpec(await listPactFiles(pactFolderOf(provider)), mockDefinition(provider).specPath);
      const errors = findings.filter((finding) => finding.type === 'error');
      expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);
    });

    it(`is honoured by Prism serving specs/${provider} (provider verification)`, async () => {
      await verifyPactsWithPrism({
        provider,
        mock: provider,
        pactFiles: await listPactFiles(pactFolderOf(provider)),
        preferByProviderState: options.preferByProviderState,
      });
    });
  });
}
