import { textBlockSchema, type Finding, type TextBlockInput } from './schema.ts';
import { NormalizerTable, normalizeLiteral, normalizeWith, Out, BREAK_CLAUSE, BREAK_SENTENCE, type Normalized } from './normalize.ts';
import { HitBuffer, scan } from './matchers/aho-corasick.ts';
import { matchPattern, type CompiledPattern } from './matchers/pattern.ts';
import { matchFrame, type SlotHits } from './matchers/frame.ts';
import { isNegated, isReportedQuestion } from './negation.ts';
import { ignoredLines } from './ignore-marker.ts';
import { MAX_PIECE, pieces } from './pieces.ts';
import { withProductKnowledge } from './product/check-product.ts';
import type { Product } from './product/schema.ts';
import {
  compileRulePattern,
  ROLE_ALLOW,
  ROLE_EXCEPTION,
  ROLE_PREFILTER,
  ROLE_QUALIFIER,
  ROLE_SLOT,
  ROLE_TERM,
  ROLE_UNLESS,
  type CompiledData,
  type RuleMeta,
} from './compile.ts';
import { TEXT_SOURCES, type ProductCategory, type Severity, type TextSource } from './taxonomy.ts';
import type { SecondOpinion } from './model/model.ts';
import { modelFindings } from './model/second-opinion.ts';

export interface CheckContext {
  productCategory?: ProductCategory;
  locale?: 'zh' | 'en';
  /** Rule ids switched off for this check only. */
  disabledRules?: readonly string[];
  /**
   * Keep findings of different rules that name the same category on overlapping words. Off by
   * default: the host sees one warning per category and stretch (different categories on the same
   * words each keep theirs); rule examples turn it on so each rule is verified on its own.
   */
  keepDuplicates?: boolean;
  /** Lawful phrases for this check only (the compiled allow-list is cheaper for long lists). */
  allow?: readonly string[];
  /** The product on sale (product knowledge): adds product-mismatch findings, clears findings its registrations make lawful. */
  product?: Product;
  /**
   * The learned second opinion (可能涉及…): on unless false. It speaks only on host text (script,
   * captions), only where no rule found that category in the sentence. Rule examples turn it off.
   */
  model?: boolean;
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
  /** The learned second opinion, when the shell asked for it (compile's `model` option). */
  private secondOpinion: SecondOpinion | null = null;

  constructor(readonly data: CompiledData) {
    this.rules = data.rules;
    this.table = new NormalizerTable(data.variants);
    const fold = (s: string) => normalizeLiteral(this.table, s);
    this.patterns = data.rules.map((r) =>
      r.patterns.map((p, k) => compileRulePattern(p, fold, `rule ${r.id}.patterns.${k}`, (name) => r.patternVocab?.[name])),
    );
  }

  /** Replaces the second-opinion model (null: none); training and its tests score candidates this way. */
  setModel(model: SecondOpinion | null): this {
    this.secondOpinion = model;
    return this;
  }

  /** The model in use, or null. */
  model(): SecondOpinion | null {
    return this.secondOpinion;
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
      const active = this.activeRules(context, source);
      if (block.text.length <= MAX_PIECE) this.checkBlock(block.id, block.text, source, active, extraAllow, context, out);
      else {
        // Long blocks in bounded pieces (pieces.ts): linear overall, offsets shifted back.
        for (const [from, to] of pieces(block.text)) {
          const part: Finding[] = [];
          this.checkBlock(block.id, block.text.slice(from, to), source, active, extraAllow, context, part);
          for (const f of part) out.push({ ...f, start: f.start + from, end: f.end + from });
        }
      }
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
    const first = out.length;
    const allow = this.ruleFindings(blockId, original, norm, active, extraAllow, context, out);
    if (context.model === false || source === 'chat') return;
    const model = this.model();
    if (!model) return;
    const ignored = original.includes('livelint-ignore') ? ignoredLines(original) : null;
    modelFindings(model, { blockId, original, norm, allow, ignored, context, ruleFindings: out.slice(first) }, out);
  }

  /** The rules' findings on one block (pushed to `out`); returns the allow-listed stretches. */
  private ruleFindings(
    blockId: string,
    original: string,
    norm: Normalized,
    active: Uint8Array,
    extraAllow: readonly string[],
    context: CheckContext,
    out: Finding[],
  ): Array<[number, number]> {
    const text = norm.text;
    const hits = this.hits;
    hits.clear();
    scan(this.data.ac, text, hits);
    const allow: Array<[number, number]> = [];
    for (const a of extraAllow) for (let at = text.indexOf(a); at >= 0; at = text.indexOf(a, at + 1)) allow.push([at, at + a.length]);
    if (hits.length === 0) return allow;

    const lengths = this.data.ac.lengths;
    const candidates: Span[] = [];
    // Created only when a hit needs them: most chat messages need none.
    let exceptions: Map<number, Array<[number, number]>> | undefined;
    let slots: Map<number, SlotHits[]> | undefined;
    let windows: Map<number, Array<[number, number]>> | undefined;
    let qualifiers: Map<number, Array<[number, number]>> | undefined;
    let unless: Map<number, Array<[number, number]>> | undefined;
    let packAllow: Map<number, Array<[number, number]>> | undefined;

    for (let h = 0; h < hits.length; h++) {
      const lit = hits.ids[h];
      const end = hits.ends[h];
      const start = end - lengths[lit];
      const u = this.data.uses[lit];
      for (let k = 0; k < u.length; k += 2) {
        const ri = u[k];
        const role = u[k + 1];
        if (role === ROLE_ALLOW) {
          if (ri === -1) allow.push([start, end]);
          else push((packAllow ??= new Map()), -2 - ri, [start, end]);
          continue;
        }
        if (!active[ri]) continue;
        switch (role) {
          case ROLE_TERM: candidates.push({ rule: ri, start, end }); break;
          case ROLE_PREFILTER: push((windows ??= new Map()), ri, [start, end]); break;
          case ROLE_EXCEPTION: push((exceptions ??= new Map()), ri, [start, end]); break;
          case ROLE_QUALIFIER: push((qualifiers ??= new Map()), ri, [start, end]); break;
          case ROLE_UNLESS: push((unless ??= new Map()), ri, [start, end]); break;
          default: {
            const m = (slots ??= new Map());
            let list = m.get(ri);
            if (!list) m.set(ri, (list = Array.from({ length: this.rules[ri].slots }, () => ({ starts: [], ends: [] }))));
            const slot = list[role - ROLE_SLOT];
            slot.starts.push(start);
            slot.ends.push(end);
          }
        }
      }
    }

    const breaks = new Breaks(norm.brk);
    if (slots) for (const [ri, list] of slots) this.frame(ri, list, text, breaks, candidates);
    if (windows) for (const [ri, ws] of windows) this.runPatterns(ri, ws, text, candidates);

    if (candidates.length === 0) return allow;
    const ignored = original.includes('livelint-ignore') ? ignoredLines(original) : null;
    let kept = dedupe(
      candidates.filter((c) => {
        if (covered(allow, c) || covered(exceptions?.get(c.rule), c) || covered(packAllow?.get(this.rules[c.rule].packIndex), c)) return false;
        if (qualifiers && sameSentence(qualifiers.get(c.rule), c, text, norm.brk)) return false;
        const r = this.rules[c.rule];
        // Frames judged negation slot by slot, before this point.
        if (r.negatable && r.slots === 0 && (isNegated(text, norm.brk, c.start) || isReportedQuestion(text, norm.brk, c.start))) return false;
        if (unless && sameClause(unless.get(c.rule), c, breaks)) return false;
        return true;
      }),
    ).filter((c) => !ignored || !ignored(norm.start[c.start], this.rules[c.rule].id));
    if (!context.keepDuplicates) kept = onePerCategory(kept, this.rules);
    for (const c of kept) {
      const r = this.rules[c.rule];
      const start = norm.start[c.start];
      const end = norm.end[c.end - 1];
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
    return allow;
  }

  /** A frame or proximity rule: chains of slot hits, each hit filtered for negation first. */
  private frame(ri: number, list: SlotHits[], text: string, breaks: Breaks, out: Span[]): void {
    const r = this.rules[ri];
    for (const s of list) if (s.starts.length === 0) return;
    const brk = breaks.brk;
    const keep = (s: SlotHits, test: (start: number) => boolean): SlotHits => {
      const kept: SlotHits = { starts: [], ends: [] };
      for (let i = 0; i < s.starts.length; i++) {
        if (!test(s.starts[i])) continue;
        kept.starts.push(s.starts[i]);
        kept.ends.push(s.ends[i]);
      }
      return kept;
    };
    // The chain's first hit is where the claim starts: a negation or a repeated viewer question
    // before it makes it lawful. A frame also honours a negation before any later slot
    // (喝了不能降血压); a proximity rule, as it always did, only looks before its first phrase.
    const first = r.negatable ? list.map((s) => keep(s, (st) => !isNegated(text, brk, st) && !isReportedQuestion(text, brk, st))) : list;
    const rest = r.negatable && r.negateSlots ? list.map((s) => keep(s, (st) => !isNegated(text, brk, st))) : list;
    matchFrame(first, rest, { gaps: r.gaps, ordered: r.ordered }, breaks.last(r.scope === 'clause' ? BREAK_CLAUSE : BREAK_SENTENCE), (start, end) =>
      out.push({ rule: ri, start, end }),
    );
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

/** True when one of `spans` lies in a clause the candidate touches. */
function sameClause(spans: Array<[number, number]> | undefined, c: Span, breaks: Breaks): boolean {
  if (!spans) return false;
  const idx = breaks.clauseIndex();
  const first = idx[c.start];
  const last = idx[c.end - 1];
  for (const [s, e] of spans) if (idx[s] >= first && idx[e - 1] <= last) return true;
  return false;
}

/**
 * Break positions of a block, computed only when a frame or an `unless` list needs them: per
 * position the last break of a strength at or before it, and a running clause number.
 */
class Breaks {
  private lastOf: Array<Int32Array | undefined> = [];
  private clauses?: Int32Array;
  constructor(readonly brk: Uint8Array) {}

  last(level: number): Int32Array {
    let a = this.lastOf[level];
    if (!a) {
      const brk = this.brk;
      a = new Int32Array(Math.max(1, brk.length)).fill(-1);
      let last = -1;
      for (let i = 0; i < brk.length; i++) {
        if (brk[i] >= level) last = i;
        a[i] = last;
      }
      this.lastOf[level] = a;
    }
    return a;
  }

  clauseIndex(): Int32Array {
    if (!this.clauses) {
      const brk = this.brk;
      const a = new Int32Array(brk.length);
      let n = 0;
      for (let i = 0; i < brk.length; i++) {
        if (brk[i] >= BREAK_CLAUSE) n++;
        a[i] = n;
      }
      this.clauses = a;
    }
    return this.clauses;
  }
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

/**
 * One finding per category and stretch: overlapping spans of one category (from different rules
 * or packs naming the same words) become one, covering them all and worded by the rule with the
 * longest span (the first listed on a tie). Different categories on the same words each survive:
 * a cure claim that is also a guarantee breaks two laws. `spans` is sorted by start.
 */
function onePerCategory(spans: Span[], rules: readonly RuleMeta[]): Span[] {
  const open = new Map<string, { span: Span; best: Span }>();
  const out: Span[] = [];
  for (const s of spans) {
    const cat = rules[s.rule].category;
    const g = open.get(cat);
    if (g && s.start < g.span.end) {
      if (s.end > g.span.end) g.span.end = s.end;
      const bl = g.best.end - g.best.start;
      const sl = s.end - s.start;
      if (sl > bl || (sl === bl && s.rule < g.best.rule)) g.best = s;
      continue;
    }
    if (g) out.push({ ...g.span, rule: g.best.rule });
    open.set(cat, { span: { ...s }, best: s });
  }
  for (const g of open.values()) out.push({ ...g.span, rule: g.best.rule });
  out.sort((a, b) => a.start - b.start || a.rule - b.rule);
  return out;
}

function severityOf(r: RuleMeta, pc: ProductCategory | undefined): Severity {
  return (pc && r.severityFor[pc]) || r.severity;
}
