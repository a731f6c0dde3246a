import { describeTokenStoreContract } from '@coverlink/test-kit';
import { MemoryTokenStore } from './memory-token-store.js';

const store = new MemoryTokenStore();
describeTokenStoreContract('MemoryTokenStore', () => store);
