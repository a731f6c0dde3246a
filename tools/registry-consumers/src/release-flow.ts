import { type ExecFileOptions, execFile } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { LocalRegistry } from './local-registry.js';

/** The workspace root, two folders above this package. */
export const workspaceRoot = join(import.meta.dirname, '..', '..', '..');

/** A package as the release published it. */
export interface PublishedPackage {
  name: string;
  version: string;
}

/** Folders never copied into the release copy: history, caches and build outputs that are not shipped. */
const notCopied = new Set(['.git', '.nx', 'out-tsc', 'coverage', 'api']);

/**
 * The environment for npm and pnpm run by the test: the caller's, without the `npm_*` variables an
 * outer `pnpm nx …` sets (its registry, its user agent, its workspace), which would leak into
 * installs that must behave as a stranger's.
 */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'PNPM_HOME' && key !== 'NODE_OPTIONS') environment[key] = value;
  }
  return { ...environment, ...extra };
}

const execFileAsync = promisify(execFile);

/**
 * Runs a command and returns its stdout; on failure throws with everything it printed. Never
 * synchronous: a blocked test worker misses vitest's heartbeats during a long npm install.
 */
export async function run(command: string, args: readonly string[], options: ExecFileOptions & { cwd: string }): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      encoding: 'utf8',
      env: cleanEnvironment(),
      maxBuffer: 64 * 1024 * 1024,
      ...options,
    });
    return stdout.toString();
  } catch (error) {
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    throw new Error(
      `\`${command} ${args.join(' ')}\` in ${options.cwd} exited with ${failure.status}:\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`,
    );
  }
}

/** The names of the workspace's published (non-private) packages under packages/. */
export function publicPackageNames(): string[] {
  return readdirSync(join(workspaceRoot, 'packages'))
    .map(
      (folder) =>
        JSON.parse(readFileSync(join(workspaceRoot, 'packages', folder, 'package.json'), 'utf8')) as { name: string; private?: boolean },
    )
    .filter((manifest) => manifest.private !== true)
    .map((manifest) => manifest.name)
    .sort();
}

/**
 * The release CONTRIBUTING.md documents, run on a copy of the built workspace so the real one is
 * never touched: a changeset naming every public package, `changeset version`, then
 * `pnpm publish -r`, which packs with publishConfig applied and rewrites `workspace:` and
 * `catalog:` ranges to real versions. Returns what pnpm reports it published.
 */
export async function releaseToRegistry(folder: string, registry: LocalRegistry): Promise<PublishedPackage[]> {
  const copy = join(folder, 'workspace');
  // pnpm publish reads each workspace: dependency's version through the package's node_modules links,
  // so the copy gets them: each package's own node_modules (relative links only, copied as links, so
  // they point into the copy and see its bumped versions) and the root store, linked, not copied.
  const rootModules = join(workspaceRoot, 'node_modules');
  cpSync(workspaceRoot, copy, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => source !== rootModules && !notCopied.has(basename(source)),
  });
  symlinkSync(rootModules, join(copy, 'node_modules'));
  const releases = publicPackageNames()
    .map((name) => `"${name}": patch`)
    .join('\n');
  writeFileSync(
    join(copy, '.changeset', 'registry-consumers-release.md'),
    `---\n${releases}\n---\n\nThe registry consumer test's throwaway release.\n`,
  );
  await run(join(workspaceRoot, 'node_modules', '.bin', 'changeset'), ['version'], { cwd: copy });
  appendFileSync(join(copy, '.npmrc'), `\n${registry.configurationKey}:_authToken=${registry.token}\n`);
  await run(
    join(workspaceRoot, 'node_modules', '.bin', 'pnpm'),
    ['publish', '-r', '--no-git-checks', '--registry', registry.url, '--report-summary'],
    { cwd: copy },
  );
  const summary = JSON.parse(readFileSync(join(copy, 'pnpm-publish-summary.json'), 'utf8')) as { publishedPackages: PublishedPackage[] };
  return summary.publishedPackages;
}
