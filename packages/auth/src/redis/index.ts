export { RedisTokenStore, type RedisTokenStoreClient, type RedisTokenStoreOptions } from './redis-token-store.js';
