// The public surface of @coverlink/osigu, for the bundle-size benchmark and size-limit.
export * from '@coverlink/osigu';
