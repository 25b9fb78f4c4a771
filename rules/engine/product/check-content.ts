import { findQuantities, formatBase, sameAmount } from './units.ts';
import { derived } from './derived.ts';
import { cueBefore, negated, spokenApart, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';
import { recordAllows } from './check-quantity.ts';

// Net content (500克 said of a 450 g bag) and shelf life (保质期两年 for 12 months). A number with a
// unit is only taken as a claim about THIS product when a cue ties it to the product (净含量, 一袋,
// 这瓶, the product's name, 500克装); 每100克含蛋白质12克 is a nutrition table, not a weight claim.

const CONTENT_CUES = [
  '净含量', '净重', '重量', '分量', '克重', '容量', '规格', '足足有', '足足', '整整', '足有', '重达', '重约', '约重',
  '一袋', '一包', '一盒', '一罐', '一瓶', '一箱', '一桶', '一支', '一份', '一听', '一大袋', '一大包', '一大盒', '一大瓶',
  '每袋', '每包', '每盒', '每罐', '每瓶', '每支', '每箱', '每桶', '每听',
  '这袋', '这包', '这盒', '这罐', '这瓶', '这支', '这箱', '这桶', '这一袋', '这一包', '这一盒', '这一罐', '这一瓶', '这一箱',
];
const SHELF_CUES = ['保质期', '保质', '有效期', '保存期'];
const ROUGH = ['左右', '上下', '多'];

function roughly(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  return /(约|大约|大概|差不多)$/.test(before) || ROUGH.some((r) => text.startsWith(r, end));
}

export function checkContent(t: Text, original: string, product: Product): ProductHit[] {
  const recorded = derived(product).contents;
  if (!recorded.length) return [];
  const cues = [...CONTENT_CUES, ...derived(product).names];
  const hits: ProductHit[] = [];
  for (const q of findQuantities(t.text, ['mass', 'volume'])) {
    const same = recorded.filter((r) => r.dim === q.dim);
    if (!same.length) continue;
    const text = t.text;
    if (text[q.start - 1] === '每') continue; // 每100克: a nutrition base
    // 一斤六两 (800 g): the 两 after it belongs to the amount; check-quantity reads the whole.
    if (q.unit === '斤' && /^[一二两三四五六七八九]两/.test(text.slice(q.end, q.end + 2))) continue;
    if (spokenApart(t, original, q.start, q.end)) continue;
    // 送一支十毫升的旅行装: a gift or a sample, not the product.
    if (/送|赠|小样|试用|旅行装|体验装|中样/.test(text.slice(Math.max(0, q.start - 6), q.end + 6))) continue;
    const packed = text[q.end] === '装';
    const cue = cueBefore(t, q.start, cues, 6);
    if (!packed && cue < 0) continue;
    // 一共/两袋共900克: a total over several units, not the unit's content.
    if (cue >= 0 && /共|合计|加起来/.test(text.slice(cue, q.start))) continue;
    if (negated(t, q.start) || (cue >= 0 && negated(t, cue))) continue;
    const tol = roughly(text, q.start, q.end) ? 0.1 : 0.02;
    if (same.some((r) => sameAmount(r.base, q.base, tol))) continue;
    // Another fact holds it (小包 25g/包), or it is one unit's share (一袋就是五百克 of 合计1000g).
    if (recordAllows(product, q.dim as 'mass' | 'volume', q.base, cue >= 0 && /一|每|单/.test(text[cue] ?? ''))) continue;
    const s = said(t, original, q.start, q.end);
    const fact = [...new Set(same.map((r) => r.display))].join(' / ');
    hits.push({
      rule: 'product/net-content',
      category: 'product-mismatch',
      start: q.start,
      end: q.end,
      zh: `商品信息为 净含量${fact}，说成了 ${s}（约${formatBase(q.dim, q.base)}）`,
      en: `The product record says net content ${fact}; the host said ${s} (about ${formatBase(q.dim, q.base)})`,
      suggestions: [`净含量${fact}`],
    });
  }
  return hits;
}

export function checkShelfLife(t: Text, original: string, product: Product): ProductHit[] {
  const recorded = derived(product).shelfLives;
  if (!recorded.length) return [];
  const hits: ProductHit[] = [];
  for (const q of findQuantities(t.text, ['duration'])) {
    const cue = cueBefore(t, q.start, SHELF_CUES, 5);
    if (cue < 0) continue;
    const between = t.text.slice(cue, q.start);
    if (/还|剩|到|至/.test(between)) continue; // 保质期还有10个月, 保质期到2027年: remaining time or a date
    if (q.base > 1200) continue; // a year number, not a duration
    if (spokenApart(t, original, q.start, q.end)) continue; // 保质期两年 四月十二号的新批次
    if (negated(t, q.start) || negated(t, cue)) continue;
    const tol = roughly(t.text, q.start, q.end) ? 0.1 : 0.03;
    if (recorded.some((r) => sameAmount(r.months, q.base, tol))) continue;
    const s = said(t, original, cue, q.end);
    const fact = recorded.map((r) => r.display).join(' / ');
    hits.push({
      rule: 'product/shelf-life',
      category: 'product-mismatch',
      start: q.start,
      end: q.end,
      zh: `商品信息为 保质期${fact}，说成了 ${s}（约${formatBase('duration', q.base)}）`,
      en: `The product record says shelf life ${fact}; the host said ${s} (about ${formatBase('duration', q.base)})`,
      suggestions: [`保质期${fact}`],
    });
  }
  return hits;
}
