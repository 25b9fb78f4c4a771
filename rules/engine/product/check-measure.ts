import { normalize } from '../normalize.ts';
import { readNumberAt } from './cn-number.ts';
import { negated, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// Measured attributes a manager records as free text (容量 20000mAh, 功率 22.5W, 酒精度 52%vol, 长度
// 45cm, SPF50+): a host saying another amount of the same measure (三万毫安, 六十五瓦, 四十二度) states
// a false product fact (广告法 第8条, 第28条). Only measures the record holds are checked, each against
// every amount recorded for it (额定 12000 and 20000 both pass), so a missing record never alarms.

type Measure = 'capacity' | 'energy' | 'power' | 'alcohol' | 'length' | 'spf';

interface UnitDef { spell: string; measure: Measure; factor: number }

/** Normalised spellings, longest first (毫安时 before 毫安, 瓦时 and 千瓦 before 瓦). */
const UNITS: UnitDef[] = [
  { spell: '毫安时', measure: 'capacity', factor: 1 }, { spell: '毫安', measure: 'capacity', factor: 1 }, { spell: 'mah', measure: 'capacity', factor: 1 },
  { spell: '千瓦时', measure: 'energy', factor: 1000 }, { spell: '瓦时', measure: 'energy', factor: 1 }, { spell: 'wh', measure: 'energy', factor: 1 },
  { spell: '千瓦', measure: 'power', factor: 1000 }, { spell: 'kw', measure: 'power', factor: 1000 }, { spell: '瓦', measure: 'power', factor: 1 }, { spell: 'w', measure: 'power', factor: 1 },
  { spell: '%vol', measure: 'alcohol', factor: 1 }, { spell: '%', measure: 'alcohol', factor: 1 }, { spell: '度', measure: 'alcohol', factor: 1 },
  { spell: '厘米', measure: 'length', factor: 1 }, { spell: '公分', measure: 'length', factor: 1 }, { spell: 'cm', measure: 'length', factor: 1 },
  { spell: '毫米', measure: 'length', factor: 0.1 }, { spell: 'mm', measure: 'length', factor: 0.1 },
];
/** The spoken cues that put an SPF number after them (SPF五十, 防晒指数五十, 倍数是三十). */
const SPF_CUES = ['spf', '防晒指数', '防晒倍数', '倍数'];
const SPF_GAP = /^(是|只有|有|才|达到|能到|高达|值|为)?/;

/** Where a unit only means the measure in a record that has it (度 is alcohol only for an alcohol fact). */
const ALCOHOL_ATTRIBUTE = /酒精度|度数|酒精含量|alcohol/i;
const SPF_ATTRIBUTE = /spf|防晒指数/i;
const isLetter = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

/** Qualifiers around a spoken amount: roughly, at most, at least. */
const APPROX_AFTER = /^(左右|上下|出头|多一点|多点|多|来|大概)/;
const APPROX_BEFORE = /(差不多|大概|大约|约|将近|接近|快)$/;
const BELOW_BEFORE = /(不到|不足|不超过|低于|少于|没有|没)$/;
const ABOVE_BEFORE = /(超过|高于|大于|至少|起码|足足)$/;
const ABOVE_AFTER = /^(以上|往上|起步|\+)/;

interface Amount { measure: Measure; value: number; start: number; end: number }

function unitAt(text: string, i: number): UnitDef | null {
  for (const u of UNITS) {
    if (!text.startsWith(u.spell, i)) continue;
    if (isLetter(u.spell[u.spell.length - 1]) && isLetter(text[i + u.spell.length])) continue; // w in wifi, cm in cms
    return u;
  }
  return null;
}

/** Every number + measure unit in normalised text, plus SPF numbers after their cue. */
function amounts(text: string, measures: ReadonlySet<Measure>): Amount[] {
  const out: Amount[] = [];
  for (let i = 0; i < text.length; i++) {
    const n = readNumberAt(text, i);
    if (!n) continue;
    const u = unitAt(text, n.end);
    if (u && measures.has(u.measure)) {
      let end = n.end + u.spell.length;
      let value = n.value;
      if (text[end] === '半') { value += 0.5; end++; }
      out.push({ measure: u.measure, value: value * u.factor, start: n.start, end });
      i = end - 1;
    } else i = n.end - 1;
  }
  if (measures.has('spf')) {
    for (const cue of SPF_CUES) {
      for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + cue.length)) {
        const from = at + cue.length;
        const gap = SPF_GAP.exec(text.slice(from, from + 4))![0].length;
        const n = readNumberAt(text, from + gap);
        if (n) out.push({ measure: 'spf', value: n.value, start: at, end: n.end });
      }
    }
  }
  return out;
}

interface Recorded { values: Map<Measure, number[]>; display: Map<Measure, string[]> }

const cache = new WeakMap<Product, Recorded>();

/** Amounts the record holds per measure: each fact's amounts and their sum (45cm+5cm 延长链 = 50). */
function recordedMeasures(product: Product): Recorded {
  const hit = cache.get(product);
  if (hit) return hit;
  const values = new Map<Measure, number[]>();
  const display = new Map<Measure, string[]>();
  const add = (m: Measure, v: number, shown: string) => {
    if (!values.has(m)) { values.set(m, []); display.set(m, []); }
    values.get(m)!.push(v);
    if (!display.get(m)!.includes(shown)) display.get(m)!.push(shown);
  };
  const all = new Set<Measure>(['capacity', 'energy', 'power', 'length']);
  for (const f of product.facts) {
    const shown = `${f.attribute} ${f.value}${f.unit ?? ''}`;
    const text = normalize(`${f.value}${f.unit ?? ''}`).text;
    const measures = new Set(all);
    if (ALCOHOL_ATTRIBUTE.test(f.attribute)) measures.add('alcohol');
    if (SPF_ATTRIBUTE.test(f.attribute)) {
      const n = readNumberAt(text, text.search(/[0-9一二三四五六七八九十]/));
      if (n) add('spf', n.value, shown);
    }
    const found = amounts(text, measures);
    for (const a of found) add(a.measure, a.value, shown);
    // 尺寸 15×12mm, 102×66×25mm: every side carries the unit written after the last one.
    const dims = /((?:\d+(?:\.\d+)?[×x*])+\d+(?:\.\d+)?)(mm|cm|毫米|厘米)/.exec(`${f.value}${f.unit ?? ''}`.normalize('NFKC').toLowerCase());
    if (dims) {
      const factor = dims[2] === 'mm' || dims[2] === '毫米' ? 0.1 : 1;
      for (const side of dims[1].split(/[×x*]/)) add('length', Number(side) * factor, shown);
    }
    for (const m of new Set(found.map((a) => a.measure))) {
      const mine = found.filter((a) => a.measure === m);
      if (mine.length > 1) add(m, mine.reduce((s, a) => s + a.value, 0), shown);
    }
  }
  const r = { values, display };
  cache.set(product, r);
  return r;
}

/** Whether a spoken amount, read with its qualifiers, is consistent with any recorded one. */
function consistent(t: Text, a: Amount, recorded: readonly number[]): boolean {
  const before = t.text.slice(Math.max(0, a.start - 3), a.start);
  const after = t.text.slice(a.end, a.end + 4);
  if (BELOW_BEFORE.test(before)) return recorded.some((r) => r < a.value);
  if (ABOVE_BEFORE.test(before) || ABOVE_AFTER.test(after)) return recorded.some((r) => r >= a.value * 0.98);
  const approx = APPROX_AFTER.test(after) || APPROX_BEFORE.test(before);
  // Strength is said to the degree (五十三度 for a 52% spirit is false); the rest is rounded by hosts.
  if (a.measure === 'alcohol' || a.measure === 'spf') return recorded.some((r) => Math.abs(r - a.value) <= (approx ? 2 : 0.5));
  const tolerance = approx ? 0.15 : 0.03;
  return recorded.some((r) => Math.abs(r - a.value) <= tolerance * Math.max(r, a.value));
}

export function checkMeasures(t: Text, original: string, product: Product): ProductHit[] {
  const { values, display } = recordedMeasures(product);
  if (values.size === 0) return [];
  const hits: ProductHit[] = [];
  for (const a of amounts(t.text, new Set(values.keys()))) {
    const recorded = values.get(a.measure)!;
    // 麦汁浓度十五度, 水温八十度: a 度 that is not the alcohol strength.
    if (a.measure === 'alcohol' && /浓度|温度|水温|麦汁|原麦|糖度|甜度|°p|油温/.test(t.text.slice(Math.max(0, a.start - 5), a.start))) continue;
    if (consistent(t, a, recorded) || negated(t, a.start)) continue;
    const shown = display.get(a.measure)!.join(' / ');
    const s = said(t, original, a.start, a.end);
    hits.push({
      rule: 'product/measure',
      category: 'product-mismatch',
      start: a.start,
      end: a.end,
      zh: `商品信息为 ${shown}，说成了 ${s}`,
      en: `The product record says ${shown}; the host said ${s}`,
      suggestions: display.get(a.measure)!.slice(0, 1),
    });
  }
  return hits;
}
