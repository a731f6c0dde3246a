import { expect, it } from 'vitest';
import manifest from '../package.json' with { type: 'json' };
import { oneAssurePackageVersion } from './version.js';

it('reports the version of package.json in its User-Agent', () => expect(oneAssurePackageVersion).toBe(manifest.version));
