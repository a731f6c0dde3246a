export { checkProviderStructure, listProviders } from './structure/provider-structure.js';
