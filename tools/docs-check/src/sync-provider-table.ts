// `nx run @coverlink/docs-check:sync`: rewrites the provider table of docs/README.md from the
// providers' coverlink.provider.json (the provider generator runs it too).
import { fileURLToPath } from 'node:url';
import { providerTablePage, syncProviderTable } from './provider-table.js';

const changed = syncProviderTable(fileURLToPath(new URL('../../../', import.meta.url)));
console.log(changed ? `Rewrote the provider table of ${providerTablePage}.` : `The provider table of ${providerTablePage} is up to date.`);
