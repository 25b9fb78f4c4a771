import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCT_CATEGORIES, type Checker, type PackInput, type ProductCategory, type TextSource } from '../../rules/engine/index.ts';

// What the built-in packs find on every corpus the repo can see, as compact lines without the
// texts themselves (rule@start-end per finding), so a refactor of the engine can prove it finds
// exactly what it found before. Evaluation texts are only read and checked here, never printed:
// a changed row shows up as its id.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SNAPSHOT = join(ROOT, 'tests/fixtures/regression/findings.json');
/** The built-in packs as they were when the snapshot was taken: engine changes are measured on fixed rules. */
export const FROZEN_PACKS = join(ROOT, 'tests/fixtures/regression/packs.json');

/** The shared eval folder sits beside the repository (../shared) on developer machines. */
function sharedEval(): string | null {
  for (const dir of [join(ROOT, '../shared/eval'), '/work/shared/eval']) if (existsSync(join(dir, 'dev-cases.jsonl'))) return dir;
  return null;
}

interface Text {
  key: string;
  text: string;
  source: TextSource;
  categories: (ProductCategory | undefined)[];
}

const ALL_CATEGORIES: (ProductCategory | undefined)[] = [undefined, ...PRODUCT_CATEGORIES];

function jsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** The corpora, by name; `optional` ones are absent on machines without the shared folder. */
export function corpora(packs: readonly PackInput[] = []): Array<{ name: string; optional: boolean; texts: Text[] }> {
  const out: Array<{ name: string; optional: boolean; texts: Text[] }> = [];
  const cases = (name: string, file: string, optional: boolean) => {
    const rows = jsonl(file);
    const texts: Text[] = rows.map((r) => ({
      key: String(r.id),
      text: String(r.text),
      source: 'script' as const,
      // Every product category, not only the labelled one: product-scoped rules get exercised too.
      categories: ALL_CATEGORIES,
    }));
    // The whole file as one block: long-block paths (windows, proximity across rows, dedupe).
    texts.push({ key: '(all rows as one block)', text: rows.map((r) => String(r.text)).join('\n'), source: 'script', categories: [undefined, 'food', 'cosmetics'] });
    out.push({ name, optional, texts });
  };
  const chat = (name: string, file: string, optional: boolean) => {
    const texts: Text[] = jsonl(file).map((r) => ({ key: String(r.id), text: String(r.text), source: 'chat' as const, categories: [undefined] }));
    out.push({ name, optional, texts });
  };
  cases('holdout-cases', join(ROOT, 'tests/fixtures/eval/holdout-cases.jsonl'), false);
  chat('holdout-chat', join(ROOT, 'tests/fixtures/eval/holdout-chat.jsonl'), false);
  const shared = sharedEval();
  if (shared) {
    cases('dev-cases', join(shared, 'dev-cases.jsonl'), true);
    chat('dev-chat', join(shared, 'dev-chat.jsonl'), true);
  }
  const products = join(ROOT, 'tests/fixtures/products');
  const scripts: Text[] = readdirSync(products)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ key: f, text: readFileSync(join(products, f), 'utf8'), source: 'script' as const, categories: ALL_CATEGORIES }));
  out.push({ name: 'product-scripts', optional: false, texts: scripts });
  const extra = join(ROOT, 'tests/fixtures/regression/texts.txt');
  if (existsSync(extra)) {
    const lines = readFileSync(extra, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    out.push({ name: 'regression-texts', optional: false, texts: lines.map((t, i) => ({ key: `line ${i + 1}`, text: t, source: 'script' as const, categories: ALL_CATEGORIES })) });
  }
  // The rules' own examples (marks stripped): every rule fires on some of them.
  const examples: Text[] = [];
  for (const p of packs) for (const r of p.rules) for (const kind of ['flag', 'pass'] as const) {
    r.examples[kind].forEach((ex, i) => {
      const raw = typeof ex === 'string' ? ex : ex.text;
      examples.push({ key: `${r.id}/${kind}${i}`, text: raw.replace(/\[\[|\]\]/g, ''), source: 'script', categories: ALL_CATEGORIES });
    });
  }
  if (examples.length) out.push({ name: 'rule-examples', optional: false, texts: examples });
  return out;
}

export type Snapshot = Record<string, Record<string, string>>;

/**
 * Findings per corpus and text key (`id|category`), both as the host sees them (one per category
 * and span) and per rule (`keepDuplicates`, what each rule finds on its own).
 */
export function collect(checker: Checker, mode: 'host' | 'rules', packs: readonly PackInput[] = []): Snapshot {
  const snap: Snapshot = {};
  for (const c of corpora(packs)) {
    const rows: Record<string, string> = {};
    for (const t of c.texts) {
      for (const pc of t.categories) {
        const found = checker.check([{ id: 'r', text: t.text, source: t.source }], { productCategory: pc, keepDuplicates: mode === 'rules' });
        if (!found.length) continue;
        rows[`${t.key}|${pc ?? '-'}`] = found
          .map((f) => `${f.rule}@${f.start}-${f.end}:${f.severity[0]}`)
          .sort()
          .join(' ');
      }
    }
    snap[c.name] = rows;
  }
  return snap;
}

/**
 * The stored form, small enough to review: per-rule findings grouped by the product categories
 * that give the same result, and the host view only where it differs from the per-rule one.
 */
export interface StoredSnapshot {
  rules: Record<string, Record<string, Record<string, string>>>;
  hostWhereDifferent: Record<string, Record<string, string>>;
}

export function encode(rules: Snapshot, host: Snapshot): StoredSnapshot {
  const out: StoredSnapshot = { rules: {}, hostWhereDifferent: {} };
  for (const [corpus, rows] of Object.entries(rules)) {
    const grouped: Record<string, Record<string, string>> = {};
    for (const [k, v] of Object.entries(rows)) {
      const cut = k.lastIndexOf('|');
      const g = (grouped[k.slice(0, cut)] ??= {});
      g[v] = g[v] ? `${g[v]},${k.slice(cut + 1)}` : k.slice(cut + 1);
    }
    for (const g of Object.values(grouped)) for (const [v, cats] of Object.entries(g)) if (cats.split(',').length === ALL_CATEGORIES.length) g[v] = '*';
    out.rules[corpus] = grouped;
    const diff: Record<string, string> = {};
    const h = host[corpus] ?? {};
    for (const k of new Set([...Object.keys(rows), ...Object.keys(h)])) if ((h[k] ?? '') !== (rows[k] ?? '')) diff[k] = h[k] ?? '';
    out.hostWhereDifferent[corpus] = diff;
  }
  return out;
}

export function decode(s: StoredSnapshot): { rules: Snapshot; host: Snapshot } {
  const rules: Snapshot = {};
  const host: Snapshot = {};
  for (const [corpus, grouped] of Object.entries(s.rules)) {
    const rows: Record<string, string> = {};
    for (const [key, byFindings] of Object.entries(grouped)) {
      for (const [v, cats] of Object.entries(byFindings)) for (const c of cats === '*' ? ALL_CATEGORIES.map((x) => x ?? '-') : cats.split(',')) rows[`${key}|${c}`] = v;
    }
    rules[corpus] = rows;
    const h = { ...rows };
    for (const [k, v] of Object.entries(s.hostWhereDifferent[corpus] ?? {})) {
      if (v) h[k] = v;
      else delete h[k];
    }
    host[corpus] = h;
  }
  return { rules, host };
}
