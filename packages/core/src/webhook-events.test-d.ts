import { describe, expectTypeOf, it } from 'vitest';
import type { KnownWebhookEvent } from './index.js';

type Created = { event_type: 'thing.created'; data: { id: string } };
type Deleted = { event_type: 'thing.deleted'; data: { id: string; reason?: string } };
type Unknown = { event_type: string; data: Record<string, unknown> };

describe('KnownWebhookEvent', () => {
  it('keeps the members with a literal tag and drops the catch-all', () => {
    expectTypeOf<KnownWebhookEvent<Created | Deleted | Unknown, 'event_type'>>().toEqualTypeOf<Created | Deleted>();
  });

  it('reads the tag named, and keeps nothing when no member has it', () => {
    type Named = { event: 'a'; data: object } | { event: string; data: object };
    expectTypeOf<KnownWebhookEvent<Named, 'event'>>().toEqualTypeOf<{ event: 'a'; data: object }>();
    expectTypeOf<KnownWebhookEvent<Named, 'event_type'>>().toBeNever();
  });
});
