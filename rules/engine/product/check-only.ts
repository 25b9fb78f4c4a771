import { normalize } from '../normalize.ts';
import { negated, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// "Only these ingredients" claims against the recorded list (广告法 第8条, 第28条): 纯高粱酿的 when the
// 原料 are 水、高粱、小麦; 就五花肉加盐 别的啥都没放 when the 配料 hold sugar and nitrite too; 一粒小麦都不放
// of a recipe with wheat. Fabrics (纯棉) are check-composition's. Water does not count as an ingredient.

const LIST_ATTRIBUTE = /原料|配料|成分|主料|用料|原材料/;
const SPLIT = /[、，,;；+＋和及与\s]+/;
const NOT_INGREDIENT = /^(水|饮用水|纯净水|矿泉水)$/;

interface Listed { items: string[]; shown: string }
const cache = new WeakMap<Product, Listed | null>();

function listed(product: Product): Listed | null {
  if (cache.has(product)) return cache.get(product)!;
  const facts = product.facts.filter((f) => LIST_ATTRIBUTE.test(f.attribute) && !/面料|纤维/.test(f.attribute));
  let r: Listed | null = null;
  if (facts.length) {
    const items = facts
      .flatMap((f) => f.value.replace(/[（(][^）)]*[）)]/g, '').split(SPLIT))
      .map((s) => normalize(s.replace(/\d+(\.\d+)?\s*%/g, '')).text)
      .filter((s) => s.length >= 1 && !NOT_INGREDIENT.test(s));
    if (items.length) r = { items: [...new Set(items)], shown: facts.map((f) => `${f.attribute} ${f.value}`).join(' / ') };
  }
  cache.set(product, r);
  return r;
}

/** The listed ingredient a spoken word names (高粱 for 高粱, 盐 for 食用盐), or undefined. */
function ingredientAt(text: string, i: number, items: readonly string[]): { item: string; end: number } | undefined {
  let best: { item: string; end: number } | undefined;
  for (const item of items) {
    // 神经酰胺 for 神经酰胺NP, 山茶花 for 山茶花提取物: the head of a long item names it too.
    const head = item.replace(/[a-z0-9]+$/, '');
    const bare = item.replace(/^(食用|精制|优质|有机|新鲜)/, '');
    for (const form of [item, bare, head, head.length >= 5 ? head.slice(0, 3) : '']) {
      // One character only when it is the item itself or its bare name (盐 for 食用盐).
      if ((form.length >= 2 || (form.length === 1 && (form === item || form === bare))) && text.startsWith(form, i) && (!best || i + form.length > best.end)) best = { item, end: i + form.length };
    }
  }
  return best;
}

const PURE_BEFORE = /(纯|全是|全用|只用|只有|就用)$/;
const NOTHING_ELSE = /^[^。！？]{0,8}?(别的|其他|其它|其余)(啥|什么|任何)?(东西)?都(没|不)(放|加|掺|用)|^[^。！？]{0,4}?(不掺别的|不加别的|不放别的|没有别的)/;
const NONE_OF = /^[^。！？]{0,2}?都(不|没)(放|加|掺|用)/;

export function checkOnly(t: Text, original: string, product: Product): ProductHit[] {
  const list = listed(product);
  if (!list || list.items.length < 2) return [];
  const text = t.text;
  const hits: ProductHit[] = [];
  const push = (start: number, end: number, zh: string, en: string) => {
    if (hits.some((h) => h.start < end && start < h.end)) return;
    hits.push({ rule: 'product/ingredients', category: 'product-mismatch', start, end, zh, en, suggestions: [list.shown] });
  };
  for (let i = 0; i < text.length; i++) {
    const m = ingredientAt(text, i, list.items);
    if (!m) continue;
    const before = text.slice(Math.max(0, i - 3), i);
    const after = text.slice(m.end, m.end + 16);
    // 一粒小麦都不放: a listed ingredient said to be absent.
    const tiny = /(一粒|一点|一滴|一克|一丁点|半点)$/.exec(before);
    if (tiny && NONE_OF.test(after)) {
      const end = m.end + NONE_OF.exec(after)![0].length;
      push(i - tiny[0].length, end, `商品信息为 ${list.shown}，说成了 ${said(t, original, i, end)}`, `The product record says ${list.shown}; the host said ${said(t, original, i, end)}`);
    } else if (PURE_BEFORE.test(before) || NOTHING_ELSE.test(after)) {
      // Which listed items does the claim name? Read the following items joined by 加/和.
      const named = new Set([m.item]);
      let j = m.end;
      for (let k = 0; k < 3; k++) {
        // 角鲨烷、神经酰胺，再加山茶花: items joined by a word, by punctuation (gone after folding) or by nothing.
        const joiner = /^(再加上|再加|加上|加|和|跟|与|配|还有|以及)?/.exec(text.slice(j, j + 3))!;
        const next = ingredientAt(text, j + joiner[0].length, list.items);
        if (!next) break;
        named.add(next.item);
        j = next.end;
      }
      const missing = list.items.filter((x) => !named.has(x));
      if (missing.length === 0 || negated(t, i)) continue;
      const start = PURE_BEFORE.test(before) ? i - PURE_BEFORE.exec(before)![0].length : i;
      push(start, j, `商品信息为 ${list.shown}（还有 ${missing.slice(0, 3).join('、')}），说成了 ${said(t, original, start, j)}`, `The product record says ${list.shown} (also ${missing.slice(0, 3).join(', ')}); the host said ${said(t, original, start, j)}`);
    }
    i = m.end - 1;
  }
  return hits;
}
