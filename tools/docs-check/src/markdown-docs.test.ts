import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';

const workspaceRoot = join(import.meta.dirname, '..', '..', '..');

/** The Markdown a reader of the repository or of a package page meets. */
const markdownFiles = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(workspaceRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  ...readdirSync(join(workspaceRoot, 'packages')).flatMap((name) => {
    try {
      readFileSync(join(workspaceRoot, 'packages', name, 'README.md'));
      return [`packages/${name}/README.md`];
    } catch {
      return [];
    }
  }),
];

function read(file: string): string {
  return readFileSync(join(workspaceRoot, file), 'utf8');
}

const diagrams = markdownFiles.flatMap((file) =>
  [...read(file).matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match, index) => ({ file, index, source: match[1] ?? '' })),
);

type Mermaid = typeof import('mermaid')['default'];
let mermaid: Mermaid;

beforeAll(async () => {
  // Mermaid sanitises labels with DOMPurify, which needs a DOM; parsing needs no layout or browser.
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default;
});

describe('the Mermaid diagrams in the docs', () => {
  it('are found (README.md and every provider page has one)', () => {
    const files = new Set(diagrams.map((diagram) => diagram.file));
    for (const file of ['README.md', 'docs/osigu.md', 'docs/oneassure.md', 'docs/helloclaims.md']) expect(files).toContain(file);
  });

  it('the parser refuses a broken diagram (a `;` inside a Note ends the statement)', async () => {
    await expect(mermaid.parse('sequenceDiagram\n    A->>B: hi\n    Note over A,B: one; two\n')).rejects.toThrow(/Parse error/);
  });

  for (const diagram of diagrams) {
    it(`${diagram.file}, diagram ${diagram.index + 1}, parses`, async () => {
      await expect(mermaid.parse(diagram.source)).resolves.toMatchObject({ diagramType: expect.any(String) });
    });
  }
});

describe('the docs, read on another machine', () => {
  it.each(markdownFiles)('%s names no machine-specific path', (file) => {
    expect(read(file)).not.toMatch(/\/work\/|\/home\/[a-z]|\/root\/|\.\.\/shared\/providers/);
  });
});
