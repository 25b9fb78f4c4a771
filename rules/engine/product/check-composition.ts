import { readNumberAt } from './cn-number.ts';
import { mentionsMaterial, readMaterialAt } from './materials.ts';
import { derived } from './derived.ts';
import { negated, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// 100%纯棉 said of a 95% cotton shirt is the most common false product statement in apparel
// (广告法 第28条 第二款第(二)项: 商品的性能、产地、成分 与实际不符). GB/T 29862 §4.3.3 lets only a
// fibre content of 100% be called 纯 or 全, so a bare 纯棉 claims 100% too.

interface Claim {
  material: string;
  percent: number;
  start: number;
  end: number;
  /** 不到/低于 95%: an upper bound, not an exact figure. */
  bound?: 'max' | 'min';
}

const FILLER = new Set('含量成分占比是为有达到高的约'.split(''));
const PURE = new Set(['纯', '全']);
// 和纯棉一样 / 比纯棉还软: a comparison names cotton without claiming it.
const COMPARE_BEFORE = ['和', '跟', '比', '像', '同', '媲美', '堪比', '不输', '胜过', '类似'];
const COMPARE_AFTER = ['一样', '差不多', '似的', '般', '相比', '相当', '的手感', '的触感', '质感'];

/** A percentage at `i`: 95%, 九十五%, 百分之九十五, 百分之百, 百分百. */
function readPercentAt(text: string, i: number): { value: number; end: number } | null {
  if (text.startsWith('百分百', i)) return { value: 100, end: i + 3 };
  if (text.startsWith('百分之', i)) {
    if (text.startsWith('百分之百', i)) return { value: 100, end: i + 4 };
    const n = readNumberAt(text, i + 3);
    return n ? { value: n.value, end: n.end } : null;
  }
  const n = readNumberAt(text, i);
  if (!n || text[n.end] !== '%') return null;
  return { value: n.value, end: n.end + 1 };
}

function claimsIn(text: string): Claim[] {
  const out: Claim[] = [];
  for (let i = 0; i < text.length; i++) {
    // 95%(的)(纯)棉
    const p = readPercentAt(text, i);
    if (p) {
      let j = p.end;
      if (text[j] === '的') j++;
      if (PURE.has(text[j])) j++;
      const m = readMaterialAt(text, j);
      if (m) {
        const bound = boundBefore(text, i);
        out.push({ material: m.material, percent: p.value, start: i, end: m.end, bound });
        i = m.end - 1;
        continue;
      }
      i = p.end - 1;
      continue;
    }
    // (含)棉(含量)(是)95%, 含棉量百分之九十五
    const m = readMaterialAt(text, i);
    if (m) {
      let j = m.end;
      let k = 0;
      while (k < 4 && FILLER.has(text[j])) { j++; k++; }
      const q = k > 0 || text[i - 1] === '含' ? readPercentAt(text, j) : null;
      if (q) {
        const start = text[i - 1] === '含' ? i - 1 : i;
        out.push({ material: m.material, percent: q.value, start, end: q.end, bound: boundBefore(text, j) });
        i = q.end - 1;
        continue;
      }
      // bare 纯棉 / 全棉 claims 100%
      if (PURE.has(text[i - 1]) && !comparison(text, i - 1, m.end)) {
        out.push({ material: m.material, percent: 100, start: i - 1, end: m.end });
      }
      i = m.end - 1;
    }
  }
  return out;
}

function boundBefore(text: string, at: number): Claim['bound'] {
  const w = text.slice(Math.max(0, at - 3), at);
  if (/(不到|低于|不足|不超过|少于)$/.test(w)) return 'max';
  if (/(超过|高于|不低于|至少|以上)$/.test(w)) return 'min';
  return undefined;
}

function comparison(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 3);
  return COMPARE_BEFORE.some((c) => before.endsWith(c)) || COMPARE_AFTER.some((c) => after.startsWith(c));
}

export function checkComposition(t: Text, original: string, product: Product): ProductHit[] {
  const comp = derived(product).composition;
  if (!comp || !mentionsMaterial(t.text)) return [];
  const total = comp.parts.reduce((s, p) => s + p.percent, 0);
  const complete = total >= 99 && total <= 101;
  const hits: ProductHit[] = [];
  for (const c of claimsIn(t.text)) {
    if (negated(t, c.start)) continue;
    const part = comp.parts.find((p) => p.material === c.material);
    let wrong: boolean;
    if (part) {
      if (c.bound === 'max') wrong = part.percent > c.percent;
      else if (c.bound === 'min') wrong = part.percent < c.percent;
      else wrong = Math.abs(part.percent - c.percent) > 0.5;
    } else wrong = complete && c.percent > 0 && c.bound !== 'max';
    if (!wrong) continue;
    const s = said(t, original, c.start, c.end);
    hits.push({
      rule: 'product/composition',
      category: 'product-mismatch',
      start: c.start,
      end: c.end,
      zh: `商品信息为 ${comp.display}，说成了 ${s}`,
      en: `The product record says ${comp.display}; the host said ${s}`,
      suggestions: [`面料是${comp.display}`],
    });
  }
  return hits;
}
