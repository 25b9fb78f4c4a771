import { ignoredLines } from '../ignore-marker.ts';
import type { Finding, TextBlock } from '../schema.ts';
import type { Normalized } from '../normalize.ts';
import { checkComposition } from './check-composition.ts';
import { checkContent, checkShelfLife } from './check-content.ts';
import { checkGrades } from './check-grade.ts';
import { checkMeasures } from './check-measure.ts';
import { checkOrigin } from './check-origin.ts';
import { checkOnly } from './check-only.ts';
import { checkPrice } from './check-price.ts';
import { checkSpokenPrice } from './check-spoken-price.ts';
import { checkQuantities } from './check-quantity.ts';
import { checkCounts } from './check-count.ts';
import { checkForbidden, checkRegisteredClaims, lawfulUnderProduct } from './check-claims.ts';
import { toFinding, type ProductHit } from './hit.ts';
import type { Text } from './context.ts';
import type { Product } from './schema.ts';

// The product half of check(): contradictions of the record in each block, and removal of built-in
// findings the record makes lawful. Pure; `normalize` is the checker's own (same folding as rules).

export interface ProductCheckOptions {
  locale?: 'zh' | 'en';
  disabledRules?: readonly string[];
}

// Most chat messages hold no number at all; the numeric checks are skipped for them (a measured
// third of the product-check time on the chat set).
const NUMERIC = [checkContent, checkShelfLife, checkPrice, checkMeasures];
const ALWAYS = [checkComposition, checkOrigin, checkOnly, checkRegisteredClaims, checkForbidden, checkGrades];
const HAS_NUMBER = /[0-9零〇一二两俩三四五六七八九十百千万半]/;

/** Product-mismatch hits in one normalised block (normalised spans). */
export function productHits(t: Text, original: string, product: Product): ProductHit[] {
  const checks = HAS_NUMBER.test(t.text) ? [...ALWAYS, ...NUMERIC] : ALWAYS;
  const hits = checks.flatMap((c) => c(t, original, product));
  // Bare amounts last: a cue-word price check that already reported the words is the finer message.
  if (checks.length > ALWAYS.length) {
    hits.push(...checkSpokenPrice(t, original, product, hits));
    hits.push(...checkQuantities(t, original, product, hits));
    hits.push(...checkCounts(t, original, product, hits));
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // The same span found twice (a forbidden claim that is also a composition claim) reports once per rule.
  return hits.filter((h, k) => !hits.some((o, m) => m < k && o.rule === h.rule && o.start === h.start && o.end === h.end));
}

/** Normalised span of an original-offset finding. */
function normalisedSpan(t: Normalized, start: number, end: number): { start: number; end: number } {
  // Binary search: offsets are non-decreasing, and a long script has many findings.
  const first = (arr: Int32Array, pred: (v: number) => boolean) => {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pred(arr[mid])) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const s = first(t.start, (v) => v >= start);
  const e = Math.max(s, first(t.end, (v) => v > end));
  return { start: s, end: e };
}

/**
 * Applies product knowledge to the findings of `blocks`: drops built-in findings the record makes
 * lawful, adds product-mismatch findings, and drops a built-in cosmetic/health claim finding where
 * a product finding on the same words says the more specific thing.
 */
export function withProductKnowledge(
  findings: readonly Finding[],
  blocks: readonly Pick<TextBlock, 'id' | 'text'>[],
  product: Product,
  normalize: (text: string) => Normalized,
  options: ProductCheckOptions = {},
): Finding[] {
  const off = new Set(options.disabledRules ?? []);
  const out: Finding[] = [];
  const byBlock = new Map<string, Finding[]>();
  for (const f of findings) {
    const l = byBlock.get(f.block);
    if (l) l.push(f);
    else byBlock.set(f.block, [f]);
  }
  for (const block of blocks) {
    const original = block.text;
    const own = byBlock.get(block.id) ?? [];
    byBlock.delete(block.id);
    if (!original) { out.push(...own); continue; }
    const t = normalize(original);
    const ignored = original.includes('livelint-ignore') ? ignoredLines(original) : null;
    const added = productHits(t, original, product)
      .filter((h) => !off.has(h.rule))
      .map((h) => toFinding(h, t, original, block.id, options.locale))
      .filter((f) => !(ignored && ignored(f.start, f.rule)));
    const kept = own.filter((f) => {
      if (lawfulUnderProduct(f, product, t, normalisedSpan(t, f.start, f.end))) return false;
      const specific = f.category === 'cosmetic-claim' || f.category === 'health-food-claim';
      return !(specific && added.some((a) => a.start < f.end && f.start < a.end && a.rule.startsWith('product/') && a.rule !== 'product/forbidden-claim'));
    });
    out.push(...[...kept, ...added].sort((a, b) => a.start - b.start || a.end - b.end));
  }
  // Findings of blocks not passed in (none in practice) are kept as they were.
  for (const rest of byBlock.values()) out.push(...rest);
  return out;
}
