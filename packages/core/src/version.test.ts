import { expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { corePackageName, corePackageVersion } from './version.js';

it('reports the name and version of package.json in the User-Agent', () =>
  expect(`${corePackageName}@${corePackageVersion}`).toBe(`${manifest.name}@${manifest.version}`));
