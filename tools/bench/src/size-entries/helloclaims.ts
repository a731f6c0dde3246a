// The public surface of @coverlink/helloclaims, for the bundle-size benchmark and size-limit.
export * from '@coverlink/helloclaims';
