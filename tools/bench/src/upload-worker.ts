// One peak-memory measurement of a multipart indication upload, in a fresh process so that nothing
// measured before (the overhead run, tsx compiling) sets the high-water mark. The server answers the
// first attempt 503 and the second 204, so the file is sent twice through the client's retry.
// Settings come from the environment; prints one JSON line (an UploadMemoryRun).
import { randomFillSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { multipartBody } from '@coverlink/core';
import { createOsiguClient } from '@coverlink/osigu';

/** What one worker run reports. */
export interface UploadMemoryRun {
  transport: 'default' | 'globalFetch';
  fileBytes: number;
  status: number;
  attempts: number;
  receivedBytes: number;
  baselineRssBytes: number;
  /** Peak RSS above the baseline from the kernel's VmHWM, reset just before the baseline; null where it cannot be reset. */
  peakAboveBaselineFromHighWaterMarkBytes: number | null;
  /** Peak RSS above the baseline from process.memoryUsage().rss sampled every 2 ms. */
  peakAboveBaselineSampledBytes: number;
  /** The larger of the two: the figure reported. */
  peakAboveBaselineBytes: number;
  seconds: number;
}

const baseUrl = process.env.BENCH_BASE_URL ?? '';
const transport = process.env.BENCH_TRANSPORT === 'globalFetch' ? 'globalFetch' : 'default';
const fileBytes = Number(process.env.BENCH_FILE_BYTES ?? 20 * 1024 * 1024);
const authorizationRequestId = `areq_bench_${transport}_${process.pid}`;

const osigu = createOsiguClient({
  clientId: 'bench-client',
  clientSecret: 'bench-secret',
  baseUrl,
  ...(transport === 'globalFetch' ? { fetch: globalThis.fetch } : {}),
});

// The caller's file is in memory before the upload starts (as a File from a form or a read file), so
// it is part of the baseline; the measure is what the client adds on top.
const file = new File([randomFillSync(Buffer.allocUnsafe(fileBytes))], 'indication.pdf', { type: 'application/pdf' });

// Warm-up: a token and a connection, so the baseline holds everything but the upload itself.
await osigu.GET('/v1/sponsors/{sponsor_slug}/forms', { params: { path: { sponsor_slug: 'sponsor-sandbox' } } });
globalThis.gc?.();
await new Promise((resolve) => setTimeout(resolve, 50));
globalThis.gc?.();

const highWaterMarkReset = (() => {
  try {
    // Writing 5 to clear_refs resets the process's peak RSS (Linux 4.0+), so VmHWM covers only what follows.
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
})();
const baselineRssBytes = process.memoryUsage().rss;
let sampledPeak = baselineRssBytes;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 2);

const started = performance.now();
const { response } = await osigu.POST('/arc/v1/authorization-requests/{authorization_request_id}/upload/files', {
  params: { path: { authorization_request_id: authorizationRequestId } },
  // A POST is repeated only with an idempotency key: the retry is what is measured.
  headers: { 'Idempotency-Key': authorizationRequestId },
  body: { file, file_type: 'MEDICAL_INDICATION' },
  bodySerializer: multipartBody,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);

const highWaterMarkKiB = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
const fromHighWaterMark = highWaterMarkReset && highWaterMarkKiB !== undefined ? Number(highWaterMarkKiB) * 1024 - baselineRssBytes : null;
const sampled = sampledPeak - baselineRssBytes;
const run: UploadMemoryRun = {
  transport,
  fileBytes,
  status: response.status,
  attempts: Number(response.headers.get('x-attempt') ?? 0),
  receivedBytes: Number(response.headers.get('x-received-bytes') ?? 0),
  baselineRssBytes,
  peakAboveBaselineFromHighWaterMarkBytes: fromHighWaterMark,
  peakAboveBaselineSampledBytes: sampled,
  peakAboveBaselineBytes: Math.max(fromHighWaterMark ?? 0, sampled),
  seconds: Number(seconds.toFixed(3)),
};
process.stdout.write(`${JSON.stringify(run)}\n`);
// The client's keep-alive pool would hold the process open.
process.exit(0);
