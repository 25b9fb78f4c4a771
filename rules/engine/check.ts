import { textBlockSchema, type Finding, type TextBlockInput } from './schema.ts';
import { NormalizerTable, normalizeLiteral, normalizeWith, Out, BREAK_SENTENCE, type Normalized } from './normalize.ts';
import { HitBuffer, scan } from './matchers/aho-corasick.ts';
import { matchPattern, type CompiledPattern } from './matchers/pattern.ts';
import { isNegated, isReportedQuestion } from './negation.ts';
import { ignoredLines } from './ignore-marker.ts';
import { withProductKnowledge } from './product/check-product.ts';
import type { Product } from './product/schema.ts';
import {
  compileRulePattern,
  ROLE_A,
  ROLE_ALLOW,
  ROLE_B,
  ROLE_EXCEPTION,
  ROLE_PREFILTER,
  ROLE_QUALIFIER,
  ROLE_TERM,
  type CompiledData,
  type RuleMeta,
} from './compile.ts';
import { TEXT_SOURCES, type ProductCategory, type Severity, type TextSource } from './taxonomy.ts';

export interface CheckContext {
  productCategory?: ProductCategory;
  locale?: 'zh' | 'en';
  /** Rule ids switched off for this check only. */
  disabledRules?: readonly string[];
  /**
   * Keep findings of different rules that name the same category on the same words. Off by
   * default (the host sees one warning, from the rule listed first); rule examples turn it on so
   * each rule is verified on its own.
   */
  keepDuplicates?: boolean;
  /** Lawful phrases for this check only (the compiled allow-list is cheaper for long lists). */
  allow?: readonly string[];
  /** The product on sale (product knowledge): adds product-mismatch findings, clears findings its registrations make lawful. */
  product?: Product;
}

const NONE: readonly string[] = [];
const SOURCES = new Set<string>(TEXT_SOURCES);

interface Span {
  rule: number;
  start: number;
  end: number;
}

/** A compiled rule set. `check` is synchronous and pure: same input, same findings. */
export class Checker {
  readonly rules: readonly RuleMeta[];
  private readonly table: NormalizerTable;
  private readonly patterns: CompiledPattern[][];
  private readonly hits = new HitBuffer();
  private readonly scratch = new Out(256);

  constructor(readonly data: CompiledData) {
    this.rules = data.rules;
    this.table = new NormalizerTable(data.variants);
    const fold = (s: string) => normalizeLiteral(this.table, s);
    this.patterns = data.rules.map((r) => r.patterns.map((p, k) => compileRulePattern(p, fold, `rule ${r.id}.patterns.${k}`)));
  }

  /** The normalised form of a text, with its offset map (for UIs and product checks). */
  normalize(text: string): Normalized {
    return normalizeWith(this.table, text);
  }

  /** A plain object that structured-clones (IndexedDB, postMessage) and loads without recompiling. */
  serialize(): CompiledData {
    return this.data;
  }

  check(blocks: readonly TextBlockInput[], context: CheckContext = {}): Finding[] {
    if (context.product && !context.productCategory) context = { ...context, productCategory: context.product.category };
    const out: Finding[] = [];
    const extraAllow = context.allow?.length ? context.allow.map((a) => normalizeLiteral(this.table, a)).filter((a) => a.length > 0) : NONE;
    for (const raw of blocks) {
      // Chat arrives at hundreds of messages a second: a plain shape check here, the full zod parse
      // only when the shape is off (it then throws a precise error).
      const ok = raw && typeof raw.id === 'string' && typeof raw.text === 'string' && (raw.source === undefined || SOURCES.has(raw.source));
      const block = ok ? raw : textBlockSchema.parse(raw);
      const source = block.source ?? 'script';
      this.checkBlock(block.id, block.text, source, this.activeRules(context, source), extraAllow, context, out);
    }
    // Product knowledge runs after the rules so it can drop what the product's registrations make lawful.
    return context.product ? withProductKnowledge(out, blocks, context.product, (t) => this.normalize(t), context) : out;
  }

  private readonly activeCache = new Map<string, Uint8Array>();

  /**
   * Which rules apply under this context and source, as a flag per rule (memoised: a stream checks
   * thousands of blocks under a handful of contexts, so the per-hit test is one array read).
   */
  private activeRules(context: CheckContext, source: TextSource): Uint8Array {
    const key = `${source}|${context.productCategory ?? ''}|${context.disabledRules?.join(',') ?? ''}`;
    let active = this.activeCache.get(key);
    if (!active) {
      if (this.activeCache.size > 64) this.activeCache.clear();
      active = this.computeActive(context);
      this.rules.forEach((r, i) => {
        if (!r.sources.includes(source)) active![i] = 0;
      });
      this.activeCache.set(key, active);
    }
    return active;
  }

  private computeActive(context: CheckContext): Uint8Array {
    const active = new Uint8Array(this.rules.length);
    const off = new Set(context.disabledRules ?? []);
    const pc = context.productCategory;
    this.rules.forEach((r, i) => {
      if (!r.enabled || off.has(r.id)) return;
      if (pc && r.products && !r.products.includes(pc)) return;
      if (!pc && r.products) return; // product-specific rules need to know the product
      if (pc && r.exceptProducts.includes(pc)) return;
      active[i] = 1;
    });
    return active;
  }

  private checkBlock(
    blockId: string,
    original: string,
    source: TextSource,
    active: Uint8Array,
    extraAllow: readonly string[],
    context: CheckContext,
    out: Finding[],
  ): void {
    if (original.length === 0) return;
    const norm = normalizeWith(this.table, original, this.scratch);
    const text = norm.text;
    const hits = this.hits;
    hits.clear();
    scan(this.data.ac, text, hits);
    if (hits.length === 0) return;

    const lengths = this.data.ac.lengths;
    const candidates: Span[] = [];
    const allow: Array<[number, number]> = [];
    // Created only when a hit needs them: most chat messages need none.
    let exceptions: Map<number, Array<[number, number]>> | undefined;
    let sideA: Map<number, Array<[number, number]>> | undefined;
    let sideB: Map<number, Array<[number, number]>> | undefined;
    let windows: Map<number, Array<[number, number]>> | undefined;
    let qualifiers: Map<number, Array<[number, number]>> | undefined;

    for (let h = 0; h < hits.length; h++) {
      const lit = hits.ids[h];
      const end = hits.ends[h];
      const start = end - lengths[lit];
      const u = this.data.uses[lit];
      for (let k = 0; k < u.length; k += 2) {
        const ri = u[k];
        const role = u[k + 1];
        if (role === ROLE_ALLOW) { allow.push([start, end]); continue; }
        if (!active[ri]) continue;
        switch (role) {
          case ROLE_TERM: candidates.push({ rule: ri, start, end }); break;
          case ROLE_A: push((sideA ??= new Map()), ri, [start, end]); break;
          case ROLE_B: push((sideB ??= new Map()), ri, [start, end]); break;
          case ROLE_PREFILTER: push((windows ??= new Map()), ri, [start, end]); break;
          case ROLE_EXCEPTION: push((exceptions ??= new Map()), ri, [start, end]); break;
          case ROLE_QUALIFIER: push((qualifiers ??= new Map()), ri, [start, end]); break;
        }
      }
    }
    for (const a of extraAllow) for (let at = text.indexOf(a); at >= 0; at = text.indexOf(a, at + 1)) allow.push([at, at + a.length]);

    if (sideA && sideB) {
      for (const [ri, as] of sideA) {
        const bs = sideB.get(ri);
        if (bs) this.proximity(ri, as, bs, norm, candidates);
      }
    }
    if (windows) for (const [ri, ws] of windows) this.runPatterns(ri, ws, text, candidates);

    if (candidates.length === 0) return;
    const ignored = original.includes('livelint-ignore') ? ignoredLines(original) : null;
    const kept = dedupe(
      candidates.filter((c) => {
        if (covered(allow, c) || covered(exceptions?.get(c.rule), c)) return false;
        if (qualifiers && sameSentence(qualifiers.get(c.rule), c, text, norm.brk)) return false;
        if (this.rules[c.rule].negatable && (isNegated(text, norm.brk, c.start) || isReportedQuestion(text, norm.brk, c.start))) return false;
        return true;
      }),
    );
    const seen = context.keepDuplicates ? null : new Set<string>();
    for (const c of kept) {
      const r = this.rules[c.rule];
      const start = norm.start[c.start];
      const end = norm.end[c.end - 1];
      if (ignored && ignored(start, r.id)) continue;
      if (seen) {
        const key = `${r.category}:${start}:${end}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push({
        rule: r.id,
        category: r.category,
        severity: severityOf(r, context.productCategory),
        message: context.locale === 'en' ? r.message.en : r.message.zh,
        start,
        end,
        match: original.slice(start, end),
        basis: r.basis,
        suggestions: r.suggestions,
        block: blockId,
      });
    }
  }

  private proximity(ri: number, as: Array<[number, number]>, bs: Array<[number, number]>, norm: Normalized, out: Span[]): void {
    const r = this.rules[ri];
    for (const a of as) {
      for (const b of bs) {
        const aFirst = a[0] <= b[0];
        if (r.ordered && !aFirst) continue;
        const [first, second] = aFirst ? [a, b] : [b, a];
        if (second[0] < first[1]) continue; // overlapping phrases are one word, not two
        if (second[0] - first[1] > r.within) continue;
        if (crossesSentence(norm.brk, first[1], second[0] + 1)) continue;
        out.push({ rule: ri, start: first[0], end: second[1] });
      }
    }
  }

  private runPatterns(ri: number, hits: Array<[number, number]>, text: string, out: Span[]): void {
    const pats = this.patterns[ri];
    const maxLen = 60;
    hits.sort((x, y) => x[0] - y[0]);
    const merged: Array<[number, number]> = [];
    for (const [s, e] of hits) {
      const from = Math.max(0, e - maxLen);
      const to = Math.min(text.length, s + maxLen);
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    const found: Array<[number, number]> = [];
    for (const p of pats) for (const [from, to] of merged) matchPattern(p, text, from, to, found);
    for (const [s, e] of found) out.push({ rule: ri, start: s, end: e });
  }
}

function push<T>(m: Map<number, T[]>, k: number, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function covered(spans: Array<[number, number]> | undefined, c: Span): boolean {
  if (!spans) return false;
  for (const [s, e] of spans) if (s <= c.start && e >= c.end) return true;
  return false;
}

/** True when one of `spans` lies in the same sentence as the candidate (and is not negated: 没有特证). */
function sameSentence(spans: Array<[number, number]> | undefined, c: Span, text: string, brk: Uint8Array): boolean {
  if (!spans) return false;
  for (const [s, e] of spans) {
    if (isNegated(text, brk, s)) continue;
    const from = Math.min(s, c.start);
    const to = Math.max(e, c.end);
    if (!crossesSentence(brk, from + 1, to)) return true;
  }
  return false;
}

function crossesSentence(brk: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to && i < brk.length; i++) if (brk[i] >= BREAK_SENTENCE) return true;
  return false;
}

/** Per rule, overlapping hits collapse into the longest (全网最低价 over 最低价). */
function dedupe(spans: Span[]): Span[] {
  spans.sort((a, b) => a.rule - b.rule || a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.rule === s.rule && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
      continue;
    }
    out.push({ ...s });
  }
  out.sort((a, b) => a.start - b.start || a.rule - b.rule);
  return out;
}

function severityOf(r: RuleMeta, pc: ProductCategory | undefined): Severity {
  return (pc && r.severityFor[pc]) || r.severity;
}
