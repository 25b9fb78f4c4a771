import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, rel, repoRoot, resolveSpec, specifiers } from './import-graph.ts';

// The floors: entrypoints -> components -> rules. A lower floor reaching up into an entrypoint
// (the message contracts once lived in entrypoints/background/) couples a component to one
// extension context; the contracts now live in rules/protocol/ instead.

const ENTRYPOINTS = join(repoRoot, 'entrypoints') + '/';

function upwardImports(folders: readonly string[]): string[] {
  const bad: string[] = [];
  for (const [file, targets] of importGraph(folders)) {
    for (const t of targets) if (t.startsWith(ENTRYPOINTS)) bad.push(`${rel(file)} imports ${rel(t)}`);
  }
  return bad;
}

describe('import direction', () => {
  it('no file under components/ or rules/ imports from entrypoints/', () => {
    expect(upwardImports(['components', 'rules'])).toEqual([]);
  });

  it('sees every kind of import, relative or through a WXT alias', () => {
    const src = [
      "import type { A } from './a.ts';",
      "export { B } from '../b.ts';",
      "import './side-effect.ts';",
      "const lazy = import('@/entrypoints/background/index.ts');",
    ].join('\n');
    expect(specifiers(src)).toEqual(['./a.ts', '../b.ts', './side-effect.ts', '@/entrypoints/background/index.ts']);
    const from = join(repoRoot, 'components/LiveView.tsx');
    expect(resolveSpec(from, '@/entrypoints/background/index.ts')).toBe(join(repoRoot, 'entrypoints/background/index.ts'));
    expect(resolveSpec(from, '../entrypoints/background/index.ts')).toBe(join(repoRoot, 'entrypoints/background/index.ts'));
    expect(resolveSpec(from, 'zod')).toBeNull();
  });
});

// An import circle makes three files one unit a reader has to hold at once (and a type-only circle
// is still one); the shared piece belongs in its own file both sides import.

describe('import circles', () => {
  it('none in entrypoints/ or components/', () => {
    const cycles = findCycles(importGraph(['entrypoints', 'components'])).map((c) => c.map(rel).join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('finds a circle of three and a file importing itself, and passes a diamond', () => {
    const g = new Map<string, string[]>([
      ['define', ['blocks', 'dom-read', 'types']],
      ['blocks', ['types']],
      ['dom-read', ['types', 'define']],
      ['types', []],
      ['self', ['self']],
    ]);
    expect(findCycles(g)).toEqual([['define', 'dom-read', 'define'], ['self', 'self']]);
    const diamond = new Map<string, string[]>([
      ['a', ['b', 'c']],
      ['b', ['d']],
      ['c', ['d']],
      ['d', []],
    ]);
    expect(findCycles(diamond)).toEqual([]);
  });
});
