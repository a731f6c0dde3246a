import { MemoryTokenStore } from './memory-token-store.js';
import { describeTokenStoreContract } from './token-store-contract.test-support.js';

const store = new MemoryTokenStore();
describeTokenStoreContract('MemoryTokenStore', () => store);
