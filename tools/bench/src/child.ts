import { lastJsonLine, runTypeScript } from '@coverlink/test-kit/standalone';

/**
 * Runs a worker (a TypeScript file) in a fresh Node process with `environment` and extra Node flags,
 * and resolves with its exit code, its whole output and its last stdout line parsed as JSON (its report).
 */
export async function runWorker<Report>(
  file: string,
  environment: Record<string, string>,
  nodeArguments: string[] = [],
): Promise<{ code: number | null; output: string; report?: Report | undefined }> {
  const { code, stdout, output } = await runTypeScript(file, { environment, nodeArguments });
  return { code, output, report: lastJsonLine<Report>(stdout) };
}

/** Prints a progress line. */
export const progress = (line: string): void => {
  process.stdout.write(`  … ${line}\n`);
};
