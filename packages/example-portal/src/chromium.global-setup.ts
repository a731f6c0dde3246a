// Vitest global setup: the browser tests drive Debian's Chromium. Installs it when it is missing and
// this process may (root, apt-get available); otherwise stops the run with what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

export default function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}. Install it (Debian/Ubuntu: sudo apt-get install -y --no-install-recommends chromium) and run the tests again.`,
    );
  }
  console.log(`Chromium is missing at ${chromiumPath}: installing it with apt-get (once; this takes a minute)…`);
  const run = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
  run(['update']);
  run(['install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync(chromiumPath)) throw new Error(`apt-get finished but ${chromiumPath} still does not exist.`);
  console.log(`Chromium installed at ${chromiumPath}.`);
}
