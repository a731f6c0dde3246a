import { readFile } from 'node:fs/promises';
import * as comparatorModule from '@pactflow/openapi-pact-comparator';
import { parse } from 'yaml';

/** One finding of the comparison of a pact with a spec. */
export interface ComparisonFinding {
  type: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  /** The interaction it concerns. */
  interaction: string;
  /** Where in the pact, e.g. `[root].interactions[3].request.body`. */
  location: string;
}

interface ComparatorResult {
  type: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  mockDetails?: { interactionDescription?: string | null; location: string };
}

// The package's type declarations use extensionless relative imports that NodeNext resolution
// cannot follow, so its one class is described here.
const { Comparator } = comparatorModule as unknown as {
  Comparator: new (options: { oas: unknown }) => { compare(pact: unknown): AsyncGenerator<ComparatorResult> };
};

/**
 * Compares pacts with an OpenAPI spec using @pactflow/openapi-pact-comparator: every request a
 * consumer test recorded must be one the spec accepts, and every response it expects one the spec
 * allows.
 */
export async function compareWithSpec(pactFiles: readonly string[], specPath: string): Promise<ComparisonFinding[]> {
  const comparator = new Comparator({ oas: parse(await readFile(specPath, 'utf8')) });
  const findings: ComparisonFinding[] = [];
  for (const pactFile of pactFiles) {
    const pact: unknown = JSON.parse(await readFile(pactFile, 'utf8'));
    for await (const result of comparator.compare(pact)) {
      findings.push({
        type: result.type,
        code: result.code,
        message: result.message,
        interaction: result.mockDetails?.interactionDescription ?? '',
        location: result.mockDetails?.location ?? '',
      });
    }
  }
  return findings;
}
