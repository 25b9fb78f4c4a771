import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The project's own import graph, read from source text: static, re-export, side-effect and dynamic
// imports (type-only ones too: a type circle is still a circle a reader has to untangle).

export const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

const SPEC = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
/** WXT's path aliases for the project root. */
const ALIASES = ['@@/', '~~/', '@/', '~/'];

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f.startsWith('.')) return [];
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

export function specifiers(src: string): string[] {
  return [...src.matchAll(SPEC)].map((m) => m[1]);
}

/** The project file a specifier names (absolute path), or null for a package or a non-source file. */
export function resolveSpec(fromFile: string, spec: string): string | null {
  const alias = ALIASES.find((a) => spec.startsWith(a));
  const base = alias ? join(repoRoot, spec.slice(alias.length)) : spec.startsWith('.') ? resolve(dirname(fromFile), spec) : null;
  if (base === null) return null;
  for (const p of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(p) && existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

/** file -> the project files it imports, for every .ts/.tsx under the given top-level folders. */
export function importGraph(folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of folders) {
    for (const file of sourceFiles(join(repoRoot, folder))) {
      const targets = specifiers(readFileSync(file, 'utf8'))
        .map((s) => resolveSpec(file, s))
        .filter((t): t is string => t !== null);
      graph.set(file, [...new Set(targets)]);
    }
  }
  return graph;
}

/**
 * Every import circle, each reported once as the path that closes it (a -> b -> a). Depth-first with
 * an explicit stack, so a long chain cannot overflow; linear in files + imports.
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 'open');
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edges = (graph.get(top.node) ?? []).filter((t) => graph.has(t));
      if (top.next < edges.length) {
        const to = edges[top.next++];
        const seen = state.get(to);
        if (seen === 'open') cycles.push([...path.slice(path.indexOf(to)), to]);
        else if (seen === undefined) {
          state.set(to, 'open');
          path.push(to);
          stack.push({ node: to, next: 0 });
        }
      } else {
        state.set(top.node, 'done');
        path.pop();
        stack.pop();
      }
    }
  }
  return cycles;
}

export const rel = (p: string) => relative(repoRoot, p);
