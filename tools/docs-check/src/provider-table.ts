import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authPatternLabels, listProviderDeclarations } from '@coverlink/workspace-plugin/provider-manifest';

/** The page whose provider table is written from the providers' coverlink.provider.json. */
export const providerTablePage = 'docs/README.md';

const begin = '<!-- provider-table: written from each coverlink.provider.json by `nx run @coverlink/docs-check:sync`; do not edit -->';
const end = '<!-- /provider-table -->';

/** The Markdown table of every declared provider: what it covers, its package and page, how it authenticates, its local mock. */
export function renderProviderTable(workspaceRoot: string): string {
  const rows = listProviderDeclarations(workspaceRoot).map((provider) => {
    const page = existsSync(join(workspaceRoot, 'docs', `${provider.name}.md`))
      ? `[${provider.name}.md](./${provider.name}.md)`
      : `[README](../${provider.root}/README.md)`;
    const { authorizationServer, simulator, port } = provider.mock;
    const ports = [
      authorizationServer === undefined ? `${port}` : `${authorizationServer.port} (login), ${port} (API)`,
      ...(simulator === undefined ? [] : [`${simulator.port} (simulator)`]),
    ].join(', ');
    return [
      provider.displayName,
      provider.summary,
      `\`@coverlink/${provider.name}\``,
      page,
      authPatternLabels[provider.auth],
      ports,
      `\`npx pnpm@10.34.9 nx run mock-${provider.name}:mock\``,
    ];
  });
  const header = ['Provider', 'Covers', 'Package', 'Page', 'Tokens', 'Mock port', 'Start the mock'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/**
 * The provider table page with its table as the manifests say, and whether that differs from the file.
 *
 * @throws {Error} When the page has lost its table markers.
 */
export function providerTablePageText(workspaceRoot: string): { text: string; changed: boolean } {
  const current = readFileSync(join(workspaceRoot, providerTablePage), 'utf8');
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  if (from === -1 || to < from) throw new Error(`${providerTablePage} has lost its provider table markers (${begin} … ${end}).`);
  const text = `${current.slice(0, from + begin.length)}\n${renderProviderTable(workspaceRoot)}\n${current.slice(to)}`;
  return { text, changed: text !== current };
}

/** Rewrites the provider table of docs/README.md from the manifests; returns whether it changed. */
export function syncProviderTable(workspaceRoot: string): boolean {
  const { text, changed } = providerTablePageText(workspaceRoot);
  if (changed) writeFileSync(join(workspaceRoot, providerTablePage), text);
  return changed;
}
