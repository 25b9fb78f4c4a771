import { readNumberAt } from './cn-number.ts';
import { crossesClause, negated, spokenApart, type Text } from './context.ts';
import { cnDigit } from './cn-number.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';
import { findQuantities, type Dimension } from './units.ts';

// Weights, volumes, warranty terms and ages said without 净含量 or another cue word (才一百二十克,
// 三年质保, 零到十二岁都能用). The record's facts of that measure are read whatever their attribute is
// called (重量, 单果重, 填充重量, 质保, 适用年龄) and with their ranges (80-100g, 3-6岁); a spoken amount
// none of them allows misstates the product (广告法 第8条, 第28条). Only measures the record holds
// are checked, and gifts and samples (送一支十毫升的旅行装) are not the product.

type Measure = Dimension | 'age';
interface Span { lo: number; hi: number; shown: string }
interface Recorded { byMeasure: Map<Measure, Span[]> }

const WARRANTY_ATTRIBUTE = /质保|保修|保换|包换|售后|换新/;
const WARRANTY_CUE = /质保|保修|包换|换新|保换|免费修|包修/;
const AGE_ATTRIBUTE = /年龄|适用|适合|人群|阶段|段/;
const GIFT_NEAR = /送|赠|加送|小样|试用|旅行装|体验装|中样|替换装|赠品/;
const NOT_PRODUCT_BEFORE = /(每|含|一勺|一次|一天|每天|每次|吃|喝|冲|放|加|倒|挤|取|用量|热量|蛋白质|脂肪|糖|钠)$/;
const BELOW_BEFORE = /(不到|不足|不超过|低于|少于|没有|没)$/;
const ABOVE_BEFORE = /(超过|高于|大于|至少|起码|足足|都在)$/;
const ABOVE_AFTER = /^(以上|往上|起步|起|\+|多)/;
const APPROX = /^(左右|上下|出头|来|大概)|(差不多|大概|大约|约|将近|接近|快)$/;
const RANGE_SEP = /^[-~～至到]$/;
/** 两瓶加起来, 一共: a total over several units. */
const TOTAL_BEFORE = /加起来|一共|总共|合计|共计|两瓶|两袋|两盒|两包|两箱|几瓶|几袋/;
/** A person's weight (体重, 一百二十斤穿L, 胖), not the product's. */
const BODY_NEAR = /体重|身高|胖|瘦|穿|斤的(?:人|姐妹|宝宝|女生|男生|朋友|小孩)/;
/** 一袋就是一斤: one unit of a record that lists the total. */
const UNIT_BEFORE = /(一|每|单)(袋|包|瓶|盒|罐|支|个|片|粒|条|块|只|份)/;
/** A per-unit price nearby (九块九一斤, 克价八百): the amount is the unit, not the product's weight. */
const PRICE_NEAR = /块|元|钱|价|毛/;

const cache = new WeakMap<Product, Recorded>();

function addSpan(map: Map<Measure, Span[]>, m: Measure, lo: number, hi: number, shown: string) {
  if (!map.has(m)) map.set(m, []);
  map.get(m)!.push({ lo: Math.min(lo, hi), hi: Math.max(lo, hi), shown });
}

/** Amounts with their unit in normalised text, with a leading bare number read as a range start (80-100g). */
function spansIn(text: string, dims: readonly Dimension[]): Array<{ dim: Dimension; lo: number; hi: number }> {
  const out: Array<{ dim: Dimension; lo: number; hi: number }> = [];
  for (const q of findQuantities(text, dims)) {
    // 30±0.5g: the tolerance belongs to the number before it.
    const pm = /(\d+(?:\.\d+)?)±$/.exec(text.slice(Math.max(0, q.start - 12), q.start));
    if (pm) {
      const factor = q.base / q.value;
      out.push({ dim: q.dim, lo: (Number(pm[1]) - q.value) * factor, hi: (Number(pm[1]) + q.value) * factor });
      continue;
    }
    let lo = q.base;
    const sep = text[q.start - 1];
    if (sep !== undefined && RANGE_SEP.test(sep)) {
      // Walk back to the number before the separator.
      for (let s = q.start - 2; s >= 0 && s >= q.start - 8; s--) {
        const n = readNumberAt(text, s);
        if (n && n.end === q.start - 1) { lo = n.value * (q.base / q.value); break; }
      }
    }
    out.push({ dim: q.dim, lo, hi: q.base });
  }
  return out;
}

/** Ages in normalised text: 3-6岁, 0到7岁, 12岁以上. */
function agesIn(text: string): Array<{ lo: number; hi: number; start: number; end: number }> {
  const out: Array<{ lo: number; hi: number; start: number; end: number }> = [];
  for (let at = text.indexOf('岁'); at >= 0; at = text.indexOf('岁', at + 1)) {
    let s = at - 1;
    while (s > 0 && readNumberAt(text, s - 1)?.end === at) s--;
    const hiTok = [...Array(6).keys()].map((k) => readNumberAt(text, at - 1 - k)).find((n) => n && n.end === at);
    if (!hiTok) continue;
    let lo = hiTok.value;
    let start = hiTok.start;
    const sep = text[hiTok.start - 1];
    if (sep !== undefined && RANGE_SEP.test(sep)) {
      const loTok = [...Array(6).keys()].map((k) => readNumberAt(text, hiTok.start - 2 - k)).find((n) => n && n.end === hiTok.start - 1);
      if (loTok) { lo = loTok.value; start = loTok.start; }
    }
    const after = text.slice(at + 1, at + 3);
    out.push({ lo, hi: /^(以上|起|\+)/.test(after) ? 200 : hiTok.value, start, end: at + 1 });
  }
  return out;
}

function recorded(product: Product): Recorded {
  const hit = cache.get(product);
  if (hit) return hit;
  const byMeasure = new Map<Measure, Span[]>();
  for (const f of product.facts) {
    // Not normalize(): it drops the '-' of 80-100g and 3-6岁.
    const text = `${f.value}${f.unit ?? ''}`.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    const shown = `${f.attribute} ${f.value}${f.unit ?? ''}`;
    for (const s of spansIn(text, ['mass', 'volume'])) addSpan(byMeasure, s.dim, s.lo, s.hi, shown);
    if (WARRANTY_ATTRIBUTE.test(f.attribute)) for (const s of spansIn(text, ['duration'])) addSpan(byMeasure, 'duration', s.lo, s.hi, shown);
    if (AGE_ATTRIBUTE.test(f.attribute)) for (const a of agesIn(text)) addSpan(byMeasure, 'age', a.lo, a.hi, shown);
  }
  const r = { byMeasure };
  cache.set(product, r);
  return r;
}

function allowed(spans: readonly Span[], lo: number, hi: number, before: string, after: string): boolean {
  const approx = APPROX.test(after) || APPROX.test(before);
  const slack = approx ? 0.15 : 0.04;
  if (BELOW_BEFORE.test(before)) return spans.some((s) => s.lo < hi * (1 + slack));
  if (ABOVE_BEFORE.test(before) || ABOVE_AFTER.test(after)) return spans.some((s) => s.hi >= lo * (1 - slack));
  return spans.some((s) => lo >= s.lo * (1 - slack) - 0.01 && hi <= s.hi * (1 + slack) + 0.01);
}

const LABEL: Record<Measure, { en: string }> = {
  mass: { en: 'weight' },
  volume: { en: 'volume' },
  duration: { en: 'warranty' },
  age: { en: 'age range' },
};

/**
 * Whether a weight or volume appears anywhere in the record, or is one unit's share of one
 * (`perUnit`: 一袋就是五百克 of 2袋 合计1000g). check-content asks before it reports.
 */
export function recordAllows(product: Product, dim: 'mass' | 'volume', base: number, perUnit: boolean): boolean {
  const spans = recorded(product).byMeasure.get(dim);
  if (!spans) return false;
  if (spans.some((s) => base >= s.lo * 0.97 && base <= s.hi * 1.03)) return true;
  return perUnit && spans.some((s) => [2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 30].some((k) => Math.abs(s.hi / k - base) <= 0.03 * base));
}

export function checkQuantities(t: Text, original: string, product: Product, taken: readonly ProductHit[]): ProductHit[] {
  const { byMeasure } = recorded(product);
  if (byMeasure.size === 0) return [];
  const text = t.text;
  const hits: ProductHit[] = [];
  const report = (m: Measure, start: number, end: number) => {
    if (taken.some((h) => h.start < end && start < h.end) || hits.some((h) => h.start < end && start < h.end)) return;
    const spans = byMeasure.get(m)!;
    const shown = [...new Set(spans.map((s) => s.shown))].join(' / ');
    const s = said(t, original, start, end);
    hits.push({
      rule: 'product/quantity',
      category: 'product-mismatch',
      start,
      end,
      zh: `商品信息为 ${shown}，说成了 ${s}`,
      en: `The product record says ${shown}; the host said ${s} (${LABEL[m].en})`,
      suggestions: spans.slice(0, 1).map((x) => x.shown),
    });
  };
  const context = (start: number, end: number) => ({ before: text.slice(Math.max(0, start - 4), start), after: text.slice(end, end + 4) });

  for (const dim of ['mass', 'volume'] as const) {
    const spans = byMeasure.get(dim);
    // Weights said in a clothing room are the buyer's (身高160体重100斤穿M码), not the garment's.
    if (!spans || (dim === 'mass' && product.category === 'apparel')) continue;
    for (const q of findQuantities(text, [dim])) {
      const { before, after } = context(q.start, q.end);
      const near = text.slice(Math.max(0, q.start - 6), q.end + 6);
      // Milligrams are ingredient contents (EPA一百八十毫克), 一斤 / 一克 is a unit a price is per.
      if (q.unit === '毫克' || q.unit === 'mg' || q.value === 1) continue;
      if (crossesClause(t.brk, q.start, q.end) || spokenApart(t, original, q.start, q.end)) continue;
      if (PRICE_NEAR.test(text.slice(Math.max(0, q.start - 6), q.start)) || PRICE_NEAR.test(text.slice(q.end, q.end + 2))) continue;
      if (BODY_NEAR.test(near) || GIFT_NEAR.test(near) || NOT_PRODUCT_BEFORE.test(before) || TOTAL_BEFORE.test(text.slice(Math.max(0, q.start - 6), q.start)) || negated(t, q.start)) continue;
      // 三克二 = 3.2 g, 一斤六两 = 1.6 斤: the tenth after the unit.
      let base = q.base;
      let end = q.end;
      const d = cnDigit(text[q.end]);
      const counter = /[袋小个盒包片粒支瓶罐块份斤克只条]/.test(text[q.end + 1] ?? '');
      if (d !== undefined && !counter && (q.unit === '克' || q.unit === '斤')) {
        base += (d / 10) * (q.base / q.value);
        end = q.end + (text[q.end + 1] === '两' ? 2 : 1);
      }
      if (allowed(spans, base, base, before, text.slice(end, end + 4))) continue;
      if (UNIT_BEFORE.test(text.slice(Math.max(0, q.start - 4), q.start)) && spans.some((s) => [2, 3, 4, 5, 6, 8, 10, 12].some((k) => Math.abs(s.hi / k - base) <= 0.03 * base))) continue;
      report(dim, q.start, end);
    }
  }
  const warranty = byMeasure.get('duration');
  if (warranty) {
    for (const q of findQuantities(text, ['duration'])) {
      const around = text.slice(Math.max(0, q.start - 4), q.end + 3);
      if (!WARRANTY_CUE.test(around) || negated(t, q.start)) continue;
      const { before, after } = context(q.start, q.end);
      if (allowed(warranty, q.base, q.base, before, after)) continue;
      report('duration', q.start, q.end);
    }
  }
  const ages = byMeasure.get('age');
  if (ages) {
    for (const a of agesIn(text)) {
      const { before, after } = context(a.start, a.end);
      if (negated(t, a.start) || GIFT_NEAR.test(before)) continue;
      if (allowed(ages, a.lo, a.hi, before, after)) continue;
      report('age', a.start, a.end);
    }
  }
  return hits;
}

