/**
 * The members of a webhook event union whose `Tag` is a literal: the documented events, without
 * the catch-all member a forward-compatible spec adds for event types it does not list (its tag is
 * any string). Comparing the tag alone cannot rule that member out, so a provider package narrows
 * to this type with a guard first.
 *
 * @example
 * ```ts
 * type Known = KnownWebhookEvent<{ event_type: 'a.created'; data: { id: string } } | { event_type: string; data: object }, 'event_type'>;
 * // { event_type: 'a.created'; data: { id: string } }
 * ```
 */
export type KnownWebhookEvent<Event, Tag extends string> = Event extends { [Key in Tag]: infer Value }
  ? string extends Value
    ? never
    : Event
  : never;
