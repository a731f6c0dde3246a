import { expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { osiguPackageVersion } from './version.js';

it('reports the version of package.json in its User-Agent', () => expect(osiguPackageVersion).toBe(manifest.version));
