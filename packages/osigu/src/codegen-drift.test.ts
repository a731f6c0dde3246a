import { generatedTypesDrift } from '@coverlink/codegen';
import { expect, it } from 'vitest';

it('src/generated is what specs/osigu generates', async () => expect(await generatedTypesDrift('osigu')).toBeUndefined());
