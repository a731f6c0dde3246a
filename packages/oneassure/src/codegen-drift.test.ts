import { generatedTypesDrift } from '@coverlink/codegen';
import { expect, it } from 'vitest';

it('src/generated is what specs/oneassure generates', async () => expect(await generatedTypesDrift('oneassure')).toBeUndefined());
