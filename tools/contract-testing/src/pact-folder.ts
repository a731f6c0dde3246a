import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Empties a pact folder so a run's pacts hold only what that run's consumer tests recorded. */
export async function resetPactFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
}

/** The pact files in a folder, as absolute paths, sorted. */
export async function listPactFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(folder, name));
}
