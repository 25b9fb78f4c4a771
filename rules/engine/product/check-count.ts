import { readNumberAt } from './cn-number.ts';
import { crossesClause, negated, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// Counts said against the record, keyed by the counter word: 一瓶九十粒 for 60粒/瓶, 三十小包 for
// 20小包, 一箱四十来个 for 约25-30个/箱, 六十节课 for 48课时, and how often (一天三袋 for 每日1次每次1袋,
// 一周三次课 for 每周2节). A counter the record never uses is not checked; gifts (送/赠) are not the
// product (广告法 第8条).

/** Counter words, each folded to the unit it counts (小包 and 包 are one; 课时, 节 and 节课 are lessons). */
const COUNTERS: Array<[string, string]> = [
  ['个课时', '节'], ['课时', '节'], ['节课', '节'], ['小包', '包'], ['小袋', '袋'], ['粒', '粒'], ['袋', '袋'], ['包', '包'], ['片', '片'],
  ['节', '节'], ['个', '个'], ['支', '支'], ['瓶', '瓶'], ['张', '张'], ['册', '本'], ['本', '本'], ['颗', '粒'], ['盒', '盒'],
];
const PERIOD = /(每日|每天|一天|一日|每周|一周|每星期|一个星期|一礼拜|一个礼拜|每次|一次)(?:吃|喝|用|涂|上|冲|服|服用|敷|来)?$/;
/** 个 counts anything (个月, 个小时, 四个孩子): only a container's count (一箱四十个) is read as one. */
const NOT_COUNTER_AFTER_GE = /^个(月|小时|钟头|钟|星期|礼拜|工作日|字|人|孩子|宝宝|老师|学生|点)/;
const PER_CONTAINER = /(一箱|每箱|一盒|每盒|一袋|每袋|一共|总共|差不多|大概|一箱子)$/;
/** Bought or given, not contained: 囤两袋, 拍两瓶, 送一盒. */
const PURCHASE_BEFORE = /(囤|买|拍|来|要|带|拿|下单|送|加|立减|减)$/;
const PRICE_BEFORE = /(块|元|毛|钱)$/;
const PERIOD_OF = (p: string) => (/周|星期|礼拜/.test(p) ? 'week' : /次/.test(p) ? 'time' : 'day');
const GIFT = /送|赠|加送|额外|多给/;
const APPROX = /^(来|多|左右|上下|出头)|(差不多|大概|大约|约|将近|接近)$/;

interface Count { unit: string; lo: number; hi: number; period?: 'day' | 'week' | 'time'; shown: string }

const cache = new WeakMap<Product, Count[]>();

function counterAt(text: string, i: number): { unit: string; end: number } | null {
  if (NOT_COUNTER_AFTER_GE.test(text.slice(i, i + 4))) return null;
  for (const [spell, unit] of COUNTERS) if (text.startsWith(spell, i)) return { unit, end: i + spell.length };
  return null;
}

function countsIn(text: string, shown: string, out: Count[]) {
  for (let i = 0; i < text.length; i++) {
    const n = readNumberAt(text, i);
    if (!n) continue;
    let hi = n.value;
    let j = n.end;
    // 25-30个, 2-3次
    if (/[-~～到至]/.test(text[j] ?? '')) {
      const m = readNumberAt(text, j + 1);
      if (m) { hi = m.value; j = m.end; }
    }
    const c = counterAt(text, j);
    const period = PERIOD.exec(text.slice(Math.max(0, n.start - 6), n.start))?.[1];
    if (c) out.push({ unit: c.unit, lo: n.value, hi, ...(period ? { period: PERIOD_OF(period) } : {}), shown });
    else if (text[j] === '次' && period) out.push({ unit: '次', lo: n.value, hi, period: PERIOD_OF(period), shown });
    i = j - 1;
  }
}

function recorded(product: Product): Count[] {
  const hit = cache.get(product);
  if (hit) return hit;
  const out: Count[] = [];
  for (const f of product.facts) {
    if (GIFT.test(f.attribute) || /赠品|试听/.test(f.attribute)) continue;
    countsIn(`${f.value}${f.unit ?? ''}`.normalize('NFKC').replace(/\s+/g, ''), `${f.attribute} ${f.value}${f.unit ?? ''}`, out);
  }
  cache.set(product, out);
  return out;
}

export function checkCounts(t: Text, original: string, product: Product, taken: readonly ProductHit[]): ProductHit[] {
  const rec = recorded(product);
  if (rec.length === 0) return [];
  const text = t.text;
  const spoken: Array<Count & { start: number; end: number; rough: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const n = readNumberAt(text, i);
    if (!n) continue;
    // 四十来个, 三十多袋: the rough form, read with the slack below.
    const rough = /[来多余]/.test(text[n.end] ?? '') ? 1 : 0;
    const c = counterAt(text, n.end + rough) ?? (text[n.end] === '次' ? { unit: '次', end: n.end + 1 } : null);
    i = n.end - 1;
    if (!c) continue;
    const before4 = text.slice(Math.max(0, n.start - 4), n.start);
    if (c.unit === '个' && !PER_CONTAINER.test(before4)) continue;
    if (PURCHASE_BEFORE.test(text.slice(Math.max(0, n.start - 3), n.start)) || PRICE_BEFORE.test(text.slice(Math.max(0, n.start - 1), n.start))) continue;
    // A number the ASR or punctuation split (立减四十，两瓶) is not one count.
    if (crossesClause(t.brk, n.start, c.end)) continue;
    const period = PERIOD.exec(text.slice(Math.max(0, n.start - 6), n.start))?.[1];
    if (c.unit === '次' && !period) continue;
    spoken.push({ unit: c.unit, lo: n.value, hi: n.value, ...(period ? { period: PERIOD_OF(period) } : {}), shown: '', rough: rough === 1, start: n.start, end: c.end });
  }
  const hits: ProductHit[] = [];
  for (const s of spoken) {
    // A count the record holds for the same unit (and, for how often, the same period).
    const same = rec.filter((r) => r.unit === s.unit && (s.period ? r.period === s.period : !r.period));
    if (same.length === 0) continue;
    if (s.lo === 1 && !s.period) continue; // 一袋, 一个: the unit itself
    const before = text.slice(Math.max(0, s.start - 4), s.start);
    const after = text.slice(s.end, s.end + 3);
    if (GIFT.test(text.slice(Math.max(0, s.start - 6), s.start)) || negated(t, s.start)) continue;
    if (taken.some((h) => h.start < s.end && s.start < h.end)) continue;
    const slack = s.rough || APPROX.test(after) || APPROX.test(before) ? 0.15 : 0;
    if (same.some((r) => s.lo >= r.lo * (1 - slack) && s.hi <= r.hi * (1 + slack))) continue;
    const shown = [...new Set(same.map((r) => r.shown))].join(' / ');
    hits.push({
      rule: 'product/count',
      category: 'product-mismatch',
      start: s.start,
      end: s.end,
      zh: `商品信息为 ${shown}，说成了 ${said(t, original, s.start, s.end)}`,
      en: `The product record says ${shown}; the host said ${said(t, original, s.start, s.end)}`,
      suggestions: same.slice(0, 1).map((r) => r.shown),
    });
  }
  return hits;
}
