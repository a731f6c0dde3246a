// Starts one process of rotation-race-worker.test-support.ts and collects what it reports; shared by
// the multi-process tests (rotation-race.test.ts, lease-and-outage.test.ts).
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { collectOutput, lastJsonLine, spawnTypeScript, waitForOutput } from '@coverlink/test-kit';

const workerPath = fileURLToPath(new URL('./rotation-race-worker.test-support.ts', import.meta.url));

/** What a worker prints when its callers are done. */
export interface WorkerReport {
  calls: number;
  tokens: string[];
  errors: Array<{ code: unknown; message: string }>;
}

/** A worker's exit code, its whole output, and its report when it printed one. */
export interface WorkerResult {
  code: number | null;
  report?: WorkerReport;
  output: string;
}

/** A started worker. */
export interface RaceWorker {
  child: ChildProcess;
  report: Promise<WorkerResult>;
  /** Resolves when the worker printed `line` (e.g. `ready`, `locked`); rejects if it exits first. */
  printed(line: string): Promise<void>;
}

/** Spawns a worker with `environment` (see the worker's header for the variables). */
export function startRaceWorker(environment: Record<string, string>): RaceWorker {
  const child = spawnTypeScript(workerPath, { environment: { CALLERS: '50', ...environment } });
  const report = collectOutput(child).then(({ code, stdout, output }) => ({ code, output, report: lastJsonLine<WorkerReport>(stdout) }));
  const printed = (line: string) =>
    Promise.race([
      waitForOutput(child.stdout, new RegExp(`^${line}$`, 'm'), 120_000).then(() => undefined),
      report.then((result) => {
        throw new Error(`The worker exited before printing "${line}":\n${result.output}`);
      }),
    ]);
  return { child, report, printed };
}
