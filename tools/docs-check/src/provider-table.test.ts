import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { providerTablePageText, renderProviderTable, syncProviderTable } from './provider-table.js';

const workspaceRoot = join(import.meta.dirname, '..', '..', '..');
let copy: string | undefined;
afterEach(() => {
  if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
});

it('docs/README.md lists every provider as its coverlink.provider.json declares it (run `nx run @coverlink/docs-check:sync` when not)', () => {
  expect(providerTablePageText(workspaceRoot).changed).toBe(false);
  const table = renderProviderTable(workspaceRoot);
  expect(table).toMatch(
    /\| OSIGU +\| Latin America: .* \| `@coverlink\/osigu` +\| \[osigu\.md\]\(\.\/osigu\.md\) +\| client credentials +\| 4010, 4014 \(simulator\) /,
  );
  expect(table).toMatch(/\| Hello Claims .* \| 4012 \(login\), 4013 \(API\) \| `npx pnpm@10\.34\.9 nx run mock-helloclaims:mock` \|/);
});

it('writes a new provider in port order, linking its package README when it has no docs page', () => {
  copy = mkdtempSync(join(tmpdir(), 'coverlink-provider-table-'));
  for (const path of ['docs/README.md', 'docs/osigu.md', 'packages/osigu/coverlink.provider.json'])
    cpSync(join(workspaceRoot, path), join(copy, path));
  const acme = { ...JSON.parse(readFileSync(join(workspaceRoot, 'packages/osigu/coverlink.provider.json'), 'utf8')), name: 'acme' };
  mkdirSync(join(copy, 'packages/acme'));
  writeFileSync(
    join(copy, 'packages/acme/coverlink.provider.json'),
    JSON.stringify({ ...acme, displayName: 'Acme', mock: { kind: 'prism', port: 4100 } }),
  );

  expect(syncProviderTable(copy)).toBe(true);
  const rows = readFileSync(join(copy, 'docs/README.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| '));
  expect(rows.slice(2).map((row) => row.split('|')[1]?.trim())).toEqual(['OSIGU', 'Acme']);
  expect(rows[3]).toContain('| [README](../packages/acme/README.md) |');
  expect(syncProviderTable(copy)).toBe(false);
});
