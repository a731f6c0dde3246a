// Soak: 10,000 calls with seeded random faults through each provider client, in a child process
// started with --expose-gc so the heap measured is the clients' alone (no vitest state in it).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SoakReport } from './soak.js';

const sourceDirectory = dirname(fileURLToPath(import.meta.url));
const requests = 10_000;

function soak(provider: string): Promise<SoakReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '--conditions=@coverlink/source',
        join(sourceDirectory, 'soak-run.ts'),
        provider,
        String(requests),
      ],
      { cwd: join(sourceDirectory, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`soak-run ${provider} exited ${code}:\n${stderr}\n${stdout}`));
      else resolve(JSON.parse(last) as SoakReport);
    });
  });
}

describe.each(['osigu', 'oneassure', 'helloclaims'])('soak: %s client', (provider) => {
  it(`survives ${requests} calls with random faults without leaks, stray errors or heap growth`, async () => {
    const report = await soak(provider);
    console.log(
      `soak ${provider}: ${JSON.stringify({ ...report, leaks: report.leaks.count, unhandledRejections: report.unhandledRejections.count })}`,
    );

    expect(report.requests).toBe(requests);
    expect(Object.values(report.outcomes).reduce((sum, count) => sum + count, 0)).toBe(requests);
    expect(report.unhandledRejections).toEqual({ count: 0, samples: [] });
    expect(report.leaks).toEqual({ count: 0, samples: [] });
    expect(report.logLines).toBeGreaterThanOrEqual(report.httpRequests.api - report.httpRequests.token);
    // Every call ends in data or a CoverlinkError (a 200 whose body is not JSON included: InvalidResponseError).
    const stray = Object.keys(report.outcomes).filter((outcome) => outcome.startsWith('foreign:'));
    expect(stray).toEqual([]);
    expect(report.outcomes.data).toBeGreaterThan(requests * 0.7);
    expect(report.heap.growth).toBeLessThan(0.1);
  });
});
