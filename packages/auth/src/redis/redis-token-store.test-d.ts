// The store takes every kind of node-redis client an integrator may already have, single node or cluster.
import { createClient, createCluster, defineScript } from '@redis/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisTokenStoreClient } from './index.js';

const ping = defineScript({ SCRIPT: 'return 1', NUMBER_OF_KEYS: 0, parseCommand: () => {}, transformReply: () => 1 });

describe('RedisTokenStoreClient', () => {
  it('accepts single-node and cluster clients, with default settings, RESP 2 or scripts of their own', () => {
    expectTypeOf(createClient()).toExtend<RedisTokenStoreClient>();
    expectTypeOf(createClient({ RESP: 2, scripts: { ping } })).toExtend<RedisTokenStoreClient>();
    expectTypeOf(createCluster({ rootNodes: [] })).toExtend<RedisTokenStoreClient>();
    expectTypeOf(createCluster({ rootNodes: [], RESP: 2, scripts: { ping } })).toExtend<RedisTokenStoreClient>();
  });

  it('refuses what is not a Redis client', () => {
    expectTypeOf<{ get(key: string): Promise<string> }>().not.toExtend<RedisTokenStoreClient>();
  });
});
