import { derived } from './derived.ts';
import { readPlaceAt } from './places.ts';
import { negated, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// 产地 claims: false origin stories were the core of the largest live-stream fines (三只羊 "香港",
// 东北雨姐), prosecuted as 虚假宣传 (广告法 第28条, 反不正当竞争法 第8条).

const CUES = ['原产地', '产地', '产自', '产于', '原产于', '出产于', '产区'];
const FILLER = /^(是|在|为|就是|都是|位于|来自|直供)?/;

export function checkOrigin(t: Text, original: string, product: Product): ProductHit[] {
  const { origins, recordedPlaces } = derived(product);
  if (!origins.length) return [];
  const hits: ProductHit[] = [];
  const text = t.text;
  for (const cue of CUES) {
    for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
      if (CUES.some((c) => c.length > cue.length && c.endsWith(cue) && text.startsWith(c, at - (c.length - cue.length)))) continue;
      const rest = text.slice(at + cue.length, at + cue.length + 4);
      const skip = FILLER.exec(rest)![0].length;
      const p = readPlaceAt(text, at + cue.length + skip);
      if (!p) continue;
      if (negated(t, at)) continue;
      const lawful = origins.some((o) => o.place.includes(p.place) || p.place.includes(o.place)) || recordedPlaces.some((r) => r.region === p.region);
      if (lawful) continue;
      const display = origins.map((o) => o.display).join(' / ');
      const s = said(t, original, at, p.end);
      hits.push({
        rule: 'product/origin',
        category: 'product-mismatch',
        start: at,
        end: p.end,
        zh: `商品信息为 产地${display}，说成了 ${s}`,
        en: `The product record says origin ${display}; the host said ${s}`,
        suggestions: [`产地${display}`],
      });
    }
  }
  return hits;
}
