export { RedisRateLimiter, type RedisRateLimiterClient, type RedisRateLimiterOptions } from './redis-rate-limiter.js';
export { RedisTokenStore, type RedisTokenStoreClient, type RedisTokenStoreOptions } from './redis-token-store.js';
