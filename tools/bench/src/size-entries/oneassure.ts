// The public surface of @coverlink/oneassure, for the bundle-size benchmark and size-limit.
export * from '@coverlink/oneassure';
