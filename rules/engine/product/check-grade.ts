import { normalize } from '../normalize.ts';
import { negated, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// Grades a manager records as a word, not an amount: gold and silver fineness (足金999, 18K) and the
// aroma type of baijiu or tea (浓香型). A host naming another grade (万足金 for 999, 酱香 for 浓香)
// states a false product fact (广告法 第8条, 第28条; GB 11887 for fineness names). Checked only when
// the record holds that grade.

/** Spoken fineness -> parts per thousand. 足金 / 千足金 alone are left unchecked (their naming changed in GB 11887-2012). */
const FINENESS: Array<[RegExp, number]> = [
  [/四个九|九九九九|9999|万足/g, 9999],
  [/三个九|(?<!九)九九九(?!九)|(?<!\d)999(?!\d)/g, 999],
  [/(?<!\d)(?:18|十八)k/g, 750],
  [/(?<!\d)(?:14|十四)k/g, 585],
  [/(?<!\d)(?:22|二十二)k/g, 916],
  [/(?<![\d十])(?:9|九)k/g, 375],
  [/(?<!\d)925(?!\d)|九二五/g, 925],
];
const FINENESS_ATTRIBUTE = /成色|纯度|含金量|材质|金属/;
const AROMAS = ['酱香', '浓香', '清香', '米香', '兼香', '凤香', '芝麻香', '董香', '特香', '豉香', '馥郁香', '老白干香'];
const AROMA_ATTRIBUTE = /香型/;

interface Grades { fineness: number[]; finenessShown: string; aromas: string[]; aromaShown: string }
const cache = new WeakMap<Product, Grades>();

function finenessIn(text: string): Array<{ value: number; start: number; end: number }> {
  const out: Array<{ value: number; start: number; end: number }> = [];
  for (const [re, value] of FINENESS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!out.some((o) => m!.index < o.end && m!.index + m![0].length > o.start)) out.push({ value, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

function grades(product: Product): Grades {
  const hit = cache.get(product);
  if (hit) return hit;
  const g: Grades = { fineness: [], finenessShown: '', aromas: [], aromaShown: '' };
  for (const f of product.facts) {
    const folded = normalize(f.value);
    const text = folded.text;
    if (FINENESS_ATTRIBUTE.test(f.attribute)) {
      // Only what the record asserts: 足金999（不是千足金） holds 999, not the negated name.
      const found = finenessIn(text).filter((x) => !negated(folded, x.start));
      if (found.length) { g.fineness.push(...found.map((x) => x.value)); g.finenessShown = `${f.attribute} ${f.value}`; }
    }
    if (AROMA_ATTRIBUTE.test(f.attribute)) {
      const found = AROMAS.filter((a) => text.includes(a));
      if (found.length) { g.aromas.push(...found); g.aromaShown = `${f.attribute} ${f.value}`; }
    }
  }
  cache.set(product, g);
  return g;
}

export function checkGrades(t: Text, original: string, product: Product): ProductHit[] {
  const g = grades(product);
  if (!g.fineness.length && !g.aromas.length) return [];
  const hits: ProductHit[] = [];
  const push = (start: number, end: number, shown: string) => {
    const s = said(t, original, start, end);
    hits.push({ rule: 'product/grade', category: 'product-mismatch', start, end, zh: `商品信息为 ${shown}，说成了 ${s}`, en: `The product record says ${shown}; the host said ${s}`, suggestions: [shown] });
  };
  if (g.fineness.length) {
    for (const x of finenessIn(t.text)) if (!g.fineness.includes(x.value) && !negated(t, x.start)) push(x.start, x.end, g.finenessShown);
  }
  if (g.aromas.length) {
    for (const a of AROMAS) {
      if (g.aromas.includes(a)) continue;
      for (let at = t.text.indexOf(a); at >= 0; at = t.text.indexOf(a, at + a.length)) {
        // 芝麻香 contains no other aroma word; 老白干香 is matched whole before anything shorter.
        if (!negated(t, at)) push(at, at + a.length, g.aromaShown);
      }
    }
  }
  return hits;
}
