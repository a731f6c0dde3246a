// 5. Peak memory of a 20 MB multipart indication upload with one retry (503, then 204) through the
// Coverlink OSIGU client, on its default transport and on global fetch, each in a fresh process.
import { fileURLToPath } from 'node:url';
import { progress, runWorker } from './child.js';
import type { UploadMemoryRun } from './upload-worker.js';

/** The upload memory benchmark's results. */
export interface UploadMemoryResult {
  fileBytes: number;
  /** Peak RSS above baseline allowed, as a multiple of the file size. */
  targetMultipleOfFileSize: number;
  /** Fresh processes per transport; the figure is the median of their peaks. */
  runsPerTransport: number;
  transports: {
    transport: UploadMemoryRun['transport'];
    runs: UploadMemoryRun[];
    medianPeakAboveBaselineBytes: number;
    multipleOfFileSize: number;
    targetMet: boolean;
    /** Every run got the 204 on the second attempt with the whole file. */
    retried: boolean;
  }[];
}

const fileBytes = 20 * 1024 * 1024;
const targetMultipleOfFileSize = 2.5;

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs the upload in `runsPerTransport` fresh processes per transport against `baseUrl` (the benchmark server). */
export async function measureUploadMemory(baseUrl: string, runsPerTransport = 3): Promise<UploadMemoryResult> {
  const worker = fileURLToPath(new URL('./upload-worker.ts', import.meta.url));
  const transports: UploadMemoryResult['transports'] = [];
  for (const transport of ['default', 'globalFetch'] as const) {
    const runs: UploadMemoryRun[] = [];
    for (let index = 0; index < runsPerTransport; index++) {
      const { code, output, report } = await runWorker<UploadMemoryRun>(
        worker,
        { BENCH_BASE_URL: baseUrl, BENCH_TRANSPORT: transport, BENCH_FILE_BYTES: String(fileBytes) },
        ['--expose-gc'],
      );
      if (code !== 0 || report === undefined) throw new Error(`The upload worker failed (exit ${code}):\n${output}`);
      runs.push(report);
      progress(
        `upload ${transport} run ${index + 1}/${runsPerTransport}: ${(report.peakAboveBaselineBytes / 2 ** 20).toFixed(1)} MiB above baseline, HTTP ${report.status} on attempt ${report.attempts}`,
      );
    }
    const peak = median(runs.map((run) => run.peakAboveBaselineBytes));
    const multipleOfFileSize = Number((peak / fileBytes).toFixed(2));
    transports.push({
      transport,
      runs,
      medianPeakAboveBaselineBytes: peak,
      multipleOfFileSize,
      targetMet: multipleOfFileSize <= targetMultipleOfFileSize,
      retried: runs.every((run) => run.status === 204 && run.attempts === 2 && run.receivedBytes > fileBytes),
    });
  }
  return { fileBytes, targetMultipleOfFileSize, runsPerTransport, transports };
}
