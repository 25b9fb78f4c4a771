// Scores the checker on the labelled corpus, in process, with the same counting as
// ../shared/eval/score.mjs (a category counts as predicted when a finding of severity error or
// warning names it). The evaluation runs the CLI; the CLI is this same engine and these packs.
import type { Checker, Finding, ProductCategory, Product } from '../../rules/engine/index.ts';

export interface SentenceCase {
  id: string;
  text: string;
  product_category?: ProductCategory;
  expect: string[];
  writer?: string;
}

export interface Counts { tp: number; fp: number; fn: number }
export interface SentenceScore {
  cases: number;
  precision: number;
  recall: number;
  cleanFalseAlarm: number;
  exact: number;
  perCategory: Map<string, Counts>;
  misses: Array<{ id: string; text: string; expect: string[]; got: string[] }>;
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);

export function alarmCategories(findings: readonly Finding[]): Set<string> {
  return new Set(findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.category));
}

export function scoreSentences(cases: readonly SentenceCase[], checker: Checker): SentenceScore {
  const per = new Map<string, Counts>();
  const bump = (cat: string, k: keyof Counts) => {
    let c = per.get(cat);
    if (!c) per.set(cat, (c = { tp: 0, fp: 0, fn: 0 }));
    c[k]++;
  };
  let clean = 0;
  let cleanAlarms = 0;
  const misses: SentenceScore['misses'] = [];
  for (const c of cases) {
    const got = alarmCategories(checker.check([{ id: c.id, text: c.text }], { productCategory: c.product_category }));
    const want = new Set(c.expect);
    for (const cat of want) bump(cat, got.has(cat) ? 'tp' : 'fn');
    for (const cat of got) if (!want.has(cat)) bump(cat, 'fp');
    if (want.size === 0) {
      clean++;
      if (got.size > 0) cleanAlarms++;
    }
    const same = want.size === got.size && [...want].every((x) => got.has(x));
    if (!same) misses.push({ id: c.id, text: c.text, expect: [...want], got: [...got] });
  }
  let TP = 0, FP = 0, FN = 0;
  for (const s of per.values()) { TP += s.tp; FP += s.fp; FN += s.fn; }
  return {
    cases: cases.length,
    precision: ratio(TP, TP + FP),
    recall: ratio(TP, TP + FN),
    cleanFalseAlarm: ratio(cleanAlarms, clean),
    exact: 1 - misses.length / Math.max(1, cases.length),
    perCategory: per,
    misses,
  };
}

/** A whole selling script; labelled spans are written inline as [[words]]{category,category}. */
export interface ScriptCase { id: string; product_category?: ProductCategory; text: string }
export interface LabelledSpan { start: number; end: number; categories: string[] }

const MARK = /\[\[(.+?)\]\]\{([a-z,\- ]+)\}/g;

/** Strips the inline marks; offsets are UTF-16 offsets into the clean text. */
export function parseScript(marked: string): { text: string; spans: LabelledSpan[] } {
  let text = '';
  let last = 0;
  const spans: LabelledSpan[] = [];
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[1];
    spans.push({ start, end: text.length, categories: m[2].split(',').map((s) => s.trim()).filter(Boolean) });
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  return { text, spans };
}

export interface ScriptScore {
  scripts: number;
  spans: number;
  spanRecall: number;
  findingPrecision: number;
  perCategory: Map<string, { found: number; total: number }>;
  missed: Array<{ id: string; words: string; category: string }>;
}

/**
 * Span level, the way a host reads a script in the CLI: one block per line. A labelled span counts
 * as caught when a finding of its category overlaps it; a finding is right when it overlaps a
 * labelled span of its own category.
 */
export function scoreScripts(scripts: readonly ScriptCase[], checker: Checker): ScriptScore {
  let spans = 0, caught = 0, findings = 0, right = 0;
  const per = new Map<string, { found: number; total: number }>();
  const missed: ScriptScore['missed'] = [];
  for (const s of scripts) {
    const { text, spans: labels } = parseScript(s.text);
    const found: Array<{ start: number; end: number; category: string }> = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      for (const f of checker.check([{ id: s.id, text: line }], { productCategory: s.product_category })) {
        if (f.severity === 'info') continue;
        found.push({ start: offset + f.start, end: offset + f.end, category: f.category });
      }
      offset += line.length + 1;
    }
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    for (const l of labels) {
      for (const cat of l.categories) {
        spans++;
        const p = per.get(cat) ?? { found: 0, total: 0 };
        p.total++;
        if (found.some((f) => f.category === cat && overlaps(f, l))) { caught++; p.found++; }
        else missed.push({ id: s.id, words: text.slice(l.start, l.end), category: cat });
        per.set(cat, p);
      }
    }
    for (const f of found) {
      findings++;
      if (labels.some((l) => l.categories.includes(f.category) && overlaps(f, l))) right++;
    }
  }
  return { scripts: scripts.length, spans, spanRecall: ratio(caught, spans), findingPrecision: ratio(right, findings), perCategory: per, missed };
}

export interface Statement { id: string; product: string; text: string; wrong: boolean; fact: string }
export interface ProductScore {
  statements: number;
  precision: number;
  recall: number;
  perFact: Map<string, { caught: number; wrong: number; falseAlarms: number; right: number }>;
  misses: Array<{ id: string; text: string; wrong: boolean; fact: string; got: string[] }>;
}

/** A wrong statement is caught when it gets a product-mismatch finding; a right one must get none. */
export function scoreProducts(statements: readonly Statement[], products: ReadonlyMap<string, Product>, checker: Checker): ProductScore {
  let tp = 0, fp = 0, fn = 0;
  const perFact: ProductScore['perFact'] = new Map();
  const misses: ProductScore['misses'] = [];
  for (const s of statements) {
    const product = products.get(s.product);
    if (!product) throw new Error(`statement ${s.id}: unknown product ${s.product}`);
    const found = checker.check([{ id: s.id, text: s.text }], { product }).filter((f) => f.category === 'product-mismatch');
    const flagged = found.length > 0;
    const p = perFact.get(s.fact) ?? { caught: 0, wrong: 0, falseAlarms: 0, right: 0 };
    if (s.wrong) { p.wrong++; if (flagged) { tp++; p.caught++; } else fn++; }
    else { p.right++; if (flagged) { fp++; p.falseAlarms++; } }
    perFact.set(s.fact, p);
    if (flagged !== s.wrong) misses.push({ id: s.id, text: s.text, wrong: s.wrong, fact: s.fact, got: found.map((f) => f.message) });
  }
  return { statements: statements.length, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), perFact, misses };
}

export interface ChatCase { id: string; text: string; kind: string }
export interface ChatScore {
  messages: number;
  accuracy: number;
  recall: Map<string, number>;
  precision: Map<string, number>;
  misses: Array<{ id: string; text: string; kind: string; got: string }>;
}

export function scoreChat(cases: readonly ChatCase[], classify: (text: string) => string): ChatScore {
  const s = new Map<string, Counts>();
  const get = (k: string) => { let c = s.get(k); if (!c) s.set(k, (c = { tp: 0, fp: 0, fn: 0 })); return c; };
  let right = 0;
  const misses: ChatScore['misses'] = [];
  for (const c of cases) {
    const got = classify(c.text);
    if (got === c.kind) { right++; get(c.kind).tp++; }
    else { get(c.kind).fn++; get(got).fp++; misses.push({ id: c.id, text: c.text, kind: c.kind, got }); }
  }
  const recall = new Map<string, number>(), precision = new Map<string, number>();
  for (const [k, v] of s) { recall.set(k, ratio(v.tp, v.tp + v.fn)); precision.set(k, ratio(v.tp, v.tp + v.fp)); }
  return { messages: cases.length, accuracy: right / Math.max(1, cases.length), recall, precision, misses };
}
