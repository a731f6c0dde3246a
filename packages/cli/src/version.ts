import { readFileSync } from 'node:fs';

/** This package's version, read from package.json next to src/ and dist/. */
export const cliVersion: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
