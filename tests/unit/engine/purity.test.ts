import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine runs unchanged in the MV3 worker, in tests and in the CLI only while it imports
// nothing but zod and its own files. The engine's own tsconfig (no DOM, no Node types) catches
// globals; this catches imports, including dynamic ones.
const root = resolve(dirname(new URL(import.meta.url).pathname), '../../../rules/engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('rules/engine purity', () => {
  it('imports only zod and files inside rules/engine', () => {
    const bad: string[] = [];
    for (const file of files(root)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec === 'zod') continue;
        const inside = spec.startsWith('.') && !relative(root, resolve(dirname(file), spec)).startsWith('..');
        if (!inside) bad.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
