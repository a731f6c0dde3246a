import { generatedTypesDrift } from '@coverlink/codegen';
import { expect, it } from 'vitest';

it('src/generated is what specs/helloclaims generates', async () => expect(await generatedTypesDrift('helloclaims')).toBeUndefined());
