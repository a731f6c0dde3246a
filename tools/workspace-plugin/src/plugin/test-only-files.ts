import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared build tsconfig, whose `exclude` is the one list of files that never ship (tests and their tooling). */
export const sharedBuildTsconfig = 'tsconfig.build.shared.json';

/**
 * The globs of files that never ship, as `tsconfig.build.shared.json` excludes them (`**\/*.test.ts`, …).
 * Every package's build extends that file; ESLint reads the same list, and the Nx plugin turns it into
 * the `production` input.
 */
export function testOnlyFileGlobs(workspaceRoot: string): string[] {
  const path = join(workspaceRoot, sharedBuildTsconfig);
  const { exclude } = JSON.parse(readFileSync(path, 'utf8')) as { exclude?: unknown };
  if (!Array.isArray(exclude) || !exclude.every((glob): glob is string => typeof glob === 'string' && glob.startsWith('**/'))) {
    throw new Error(`${sharedBuildTsconfig}: exclude must be a list of "**/…" globs (the files that never ship).`);
  }
  return exclude;
}
