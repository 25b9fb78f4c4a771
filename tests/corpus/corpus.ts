// Reads the labelled corpus in tests/fixtures/corpus/: one file per independent writer, filed
// under tune/ (engineers may read and tune on it) or held/ (only scored; nobody reads it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { productFromJson, type Product } from '../../rules/engine/index.ts';
import type { ChatCase, ScriptCase, SentenceCase, Statement } from './score-lib.ts';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'corpus');
export type Split = 'tune' | 'held';
export type Kind = 'sentences' | 'scripts' | 'chat' | 'enforcement' | 'products' | 'ordinary';

function jsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try { return JSON.parse(l) as T; } catch (e) { throw new Error(`${file} line ${i + 1}: ${(e as Error).message}`); }
  });
}

/** Writers of one kind in one split, each with its rows. */
export function writers<T = SentenceCase>(split: Split, kind: Exclude<Kind, 'products'>): Array<{ writer: string; rows: T[] }> {
  const dir = join(CORPUS_DIR, split, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => ({ writer: basename(f, '.jsonl'), rows: jsonl<T>(join(dir, f)) }));
}

export interface ProductSet { writer: string; products: Map<string, Product>; statements: Statement[] }

export function productSets(split: Split): ProductSet[] {
  const dir = join(CORPUS_DIR, split, 'products');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).sort().map((writer) => {
    const folder = join(dir, writer);
    const products = new Map<string, Product>();
    for (const f of readdirSync(folder).filter((x) => x.endsWith('.json')).sort()) {
      const p = productFromJson(readFileSync(join(folder, f), 'utf8'));
      products.set(p.id ?? basename(f, '.json'), p);
    }
    return { writer, products, statements: jsonl<Statement>(join(folder, 'statements.jsonl')) };
  });
}

export type { ChatCase, ScriptCase, SentenceCase };
