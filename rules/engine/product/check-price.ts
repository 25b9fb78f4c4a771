import { cnDigit, readNumberAt } from './cn-number.ts';
import { readUnitAt } from './units.ts';
import { crossesClause, negated, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// Prices said against the record: 原价899 when the 划线价 really charged was 599 (明码标价和禁止价格
// 欺诈规定 第16条, 第19条(三)), 到手价89 when the live price is 99 (第19条(二)), 三折 when 99/399 is
// 2.5折, 省300 when the difference is 200. Hosts round: 2.48折 said as 2.5折 passes.

const REFERENCE_CUES = ['原价', '划线价', '日常价', '专柜价', '平时卖', '平常卖', '平时都卖', '平时要', '平常要', '官网价', '之前卖', '以前卖', '原来卖', '门店价', '日常卖'];
const LIVE_CUES = ['到手价', '直播间价', '直播价', '秒杀价', '活动价', '到手只要', '现在只要', '今天只要', '直播间只要', '券后价', '折后价', '到手'];
const SAVE_CUES = ['立省', '省了', '省', '便宜了', '便宜', '直降', '立减', '优惠了', '减了', '降了'];
const FILLER = new Set('是要都卖价为的只'.split(''));
export const CURRENCY = ['块钱', '元', '块', 'rmb', '米'];
// A count or unit after the number means it is not a price (到手两瓶199 reads 两 then 瓶).
const NOT_PRICE_AFTER = new Set('件个瓶袋盒份支箱罐包双套条只张片粒%折天年月人单斤克号码岁度'.split(''));

export interface Price {
  value: number;
  start: number;
  end: number;
}

/** A price at `i`: ¥899, 899元, 八百九十九块, 九块九 (块 as the decimal point), 两千九百九. */
export function readPriceAt(t: Text, i: number): Price | null {
  const text = t.text;
  let s = i;
  if (text[s] === '¥' || text[s] === '$') s++;
  const n = readNumberAt(text, s);
  if (!n) return null;
  let value = n.value;
  let end = n.end;
  const cur = CURRENCY.find((c) => text.startsWith(c, end));
  if (cur) {
    end += cur.length;
    // 九块九 = 9.9, 十九块八毛 = 19.8
    if (cur === '块' || cur === '元') {
      const d = cnDigit(text[end]) ?? (text[end] >= '0' && text[end] <= '9' && !(text[end + 1] >= '0' && text[end + 1] <= '9') ? Number(text[end]) : undefined);
      // 十块两箱: 两 after 块 is a count, not a tenth (三块两毛 keeps its 毛).
      const tenth = d !== undefined && (text[end] !== '两' || text[end + 1] === '毛');
      if (tenth && !readUnitAt(text, end + 1, ['mass', 'volume', 'duration'])) {
        value += d! / 10;
        end += 1;
        if (text[end] === '毛' || text[end] === '角') end++;
      }
    }
  } else {
    const next = text[end];
    if (next !== undefined && NOT_PRICE_AFTER.has(next) && !(t.brk[end] > 0)) return null;
    if (readUnitAt(text, end, ['mass', 'volume', 'duration'])) return null;
  }
  return { value, start: i, end };
}

function priceAfterCue(t: Text, cueEnd: number): Price | null {
  let j = cueEnd;
  let k = 0;
  while (k < 2 && FILLER.has(t.text[j])) { j++; k++; }
  if (crossesClause(t.brk, cueEnd - 1, j + 1)) return null;
  return readPriceAt(t, j);
}

function cueHits(text: string, cues: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const c of cues) for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) spans.push([at, at + c.length]);
  // Longest cue at a place wins (到手价 over 到手).
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return spans.filter((s, k) => !spans.some((o, m) => m !== k && o[0] <= s[0] && o[1] >= s[1] && o[1] - o[0] > s[1] - s[0]));
}

const yuan = (v: number) => `${Math.round(v * 100) / 100}元`;

export function checkPrice(t: Text, original: string, product: Product): ProductHit[] {
  const { live, reference } = product.price;
  const hits: ProductHit[] = [];
  const text = t.text;
  const push = (start: number, end: number, zh: string, en: string, suggestions: string[] = [], severity?: 'warning') =>
    hits.push({ rule: 'product/price', category: 'product-mismatch', start, end, zh, en, suggestions, severity });

  for (const [cs, ce] of cueHits(text, REFERENCE_CUES)) {
    const p = priceAfterCue(t, ce);
    if (!p || negated(t, cs)) continue;
    const s = said(t, original, cs, p.end);
    if (!reference) {
      push(cs, p.end, `商品信息没有记录划线价（原价）及其实际成交日期，说了 ${s}：被比较价格须有依据`, `The product record has no reference price with the dates it was charged; the host said ${s}`, ['只说直播间到手价，不说原价'], 'warning');
    } else if (Math.abs(p.value - reference.amount) > 0.5) {
      push(cs, p.end, `商品信息为 划线价${yuan(reference.amount)}（${reference.from} 至 ${reference.to} 实际成交），说成了 ${s}`, `The product record says reference price ${yuan(reference.amount)} (charged ${reference.from} to ${reference.to}); the host said ${s}`, [`划线价${yuan(reference.amount)}`]);
    }
  }
  if (live !== undefined) {
    for (const [cs, ce] of cueHits(text, LIVE_CUES)) {
      const p = priceAfterCue(t, ce);
      if (!p || negated(t, cs)) continue;
      if (Math.abs(p.value - live) <= 0.05) continue;
      const s = said(t, original, cs, p.end);
      push(cs, p.end, `商品信息为 直播价${yuan(live)}，说成了 ${s}`, `The product record says live price ${yuan(live)}; the host said ${s}`, [`直播间到手价${yuan(live)}`]);
    }
  }
  if (live !== undefined && reference) {
    const actual = (live / reference.amount) * 10;
    const shown = Math.round(actual * 10) / 10;
    for (const d of discounts(text)) {
      if (negated(t, d.start)) continue;
      const ok = d.bound === 'max' ? actual <= d.value + 0.05 : Math.abs(actual - d.value) <= 0.1 + 1e-9;
      if (ok) continue;
      const s = said(t, original, d.start, d.end);
      push(d.start, d.end, `商品信息为 直播价${yuan(live)} / 划线价${yuan(reference.amount)} ≈ ${shown}折，说成了 ${s}`, `The product record gives ${yuan(live)} / ${yuan(reference.amount)} ≈ ${Math.round((1 - actual / 10) * 100)}% off; the host said ${s}`, [`相当于${shown}折`]);
    }
    const off = (1 - live / reference.amount) * 100;
    const saved = reference.amount - live;
    for (const [cs, ce] of cueHits(text, SAVE_CUES)) {
      if (negated(t, cs)) continue;
      const j = ce;
      const n = readNumberAt(text, j);
      if (!n) continue;
      if (text[n.end] === '%') {
        if (Math.abs(n.value - off) <= 1.5) continue;
        const s = said(t, original, cs, n.end + 1);
        push(cs, n.end + 1, `商品信息为 划线价${yuan(reference.amount)}、直播价${yuan(live)}，便宜约${Math.round(off)}%，说成了 ${s}`, `The record gives about ${Math.round(off)}% off; the host said ${s}`, [`比划线价便宜${yuan(saved)}`]);
        continue;
      }
      const p = readPriceAt(t, j);
      if (!p || !CURRENCY.some((c) => text.slice(n.end, p.end).startsWith(c))) continue; // 省一半, 省心: not an amount
      if (Math.abs(p.value - saved) <= 1) continue;
      const s = said(t, original, cs, p.end);
      push(cs, p.end, `商品信息为 划线价${yuan(reference.amount)}、直播价${yuan(live)}，差价${yuan(saved)}，说成了 ${s}`, `The record gives a difference of ${yuan(saved)}; the host said ${s}`, [`比划线价便宜${yuan(saved)}`]);
    }
  }
  return hits;
}

interface Discount {
  value: number;
  start: number;
  end: number;
  bound?: 'max';
}

// 三折伞, 折叠: 折 that is not a discount.
const NOT_DISCOUNT_AFTER = new Set('叠伞页痕线边纸扇腾磨射服寿'.split(''));

/** 三折, 2.5折, 打七五折, 五五折, 88折; 不到三折 is an upper bound; 三折起 is skipped. */
function discounts(text: string): Discount[] {
  const out: Discount[] = [];
  for (let at = text.indexOf('折'); at >= 0; at = text.indexOf('折', at + 1)) {
    if (NOT_DISCOUNT_AFTER.has(text[at + 1]) || text[at + 1] === '起') continue;
    // Walk back over the number before 折.
    let s = at;
    while (s > 0 && (cnDigit(text[s - 1]) !== undefined || text[s - 1] === '.' || text[s - 1] === '点' || (text[s - 1] >= '0' && text[s - 1] <= '9') || text[s - 1] === '十')) s--;
    if (s === at) continue;
    const raw = text.slice(s, at);
    let value: number | null;
    if (/^[零一二两三四五六七八九]{2}$/.test(raw)) value = cnDigit(raw[0])! + cnDigit(raw[1])! / 10; // 七五折
    else if (/^\d\d$/.test(raw)) value = Number(raw) / 10; // 88折
    else {
      const n = readNumberAt(text, s);
      value = n && n.end === at ? n.value : null;
    }
    if (value === null || value <= 0 || value >= 10) continue;
    const before = text.slice(Math.max(0, s - 3), s);
    const start = before.endsWith('打') ? s - 1 : s;
    const bound = /(不到|低于|不足|不超过)$/.test(text.slice(Math.max(0, start - 3), start)) ? 'max' : undefined;
    out.push({ value, start, end: at + 1, bound });
  }
  return out;
}
