import { readNumberAt } from './cn-number.ts';
import { CURRENCY, readPriceAt, type Price } from './check-price.ts';
import { crossesClause, negated, spokenApart, type Text } from './context.ts';
import { said, type ProductHit } from './hit.ts';
import type { Product } from './schema.ts';

// Prices hosts say without a cue word (今天六十九 六十九块钱拍走, 七十九一支, 一千三百九十九带回家):
// any amount of money said as what the buyer pays, or as a coupon or a saving, that no figure in the
// record accounts for (the live price, its multiples, less any recorded coupon or 满减, per piece,
// per instalment, or any amount written in a fact) misstates the price (明码标价和禁止价格欺诈规定
// 第19条(二)). What someone else charges (外面卖, 金店, 菜市场) is not this product's price.

/** After a bare number: it is what this product costs. */
const PAY_AFTER = /^(?:块钱?|元)?(?:就能|就可以|就|直接|带走|拿走|带回家|拍走|拍|到手|包邮|一(?:瓶|支|个|件|盒|箱|袋|套|条|只|罐|包|份|斤|单|节|课)|报名|报|抢|秒|入手)/;
/** Before a bare number: today's price words. */
const PAY_BEFORE = /(?:今天|现在|只要|只需|直接|给到|给你|给大家|卖|才|仅|就|券后|领完|到手|拍下|报名|秒杀|克价|单价|每克|每斤|平均|合下来|折下来|算下来)$/;
/** An amount taken off: 减八十, 三十的券, 立省五十, 抵十块. */
const SAVING_BEFORE = /(?:减|立减|直减|优惠|抵|省|返|便宜)$/;
const SAVING_AFTER = /^(?:块钱?|元)?(?:的)?(?:券|优惠券|红包|无门槛)/;

/** Someone else's price, a past price or a hypothetical: not read here. */
const OTHER_BEFORE = /(?:外面|别家|别人|人家|市场|超市|商场|门店|店里|专柜|金店|菜市场|实体店|他们|隔壁|平时|以前|之前|原来|原价|去年|日常|划线|官网|奶茶|一杯|如果|假如|万一|不止|不只|超过)[^，。]{0,6}$/;
const APPROX_AFTER = /^(?:块钱?|元)?(?:多|出头|左右|上下|来|几)/;
const APPROX_BEFORE = /(?:差不多|大概|大约|约|将近|接近|快|不到|不足|不超过|十几|几十)$/;
const BELOW_BEFORE = /(?:不到|不足|不超过|低于|少于)$/;

interface Known { exact: number[]; savings: number[]; display: string }
const cache = new WeakMap<Product, Known>();

/** A fact about money (满减, 券, 工费, 克价, 分期) rather than a measure. */
const MONEY_FACT = /价|费|券|减|元|折|红包|满|返|补贴|分期|免息|块/;
/** A fact about what is taken off the price. */
const SAVING_FACT = /券|减|惠|红包|返|补贴|立省|折/;
/** A number followed by one of these is a count or amount the price can be divided by (60片, 5斤, 48课时). */
const PER_UNIT = /^(?:片|粒|袋|包|支|瓶|罐|盒|斤|公斤|千克|克|g|kg|ml|l|升|毫升|个|只|条|课时|节|次|张|册|本|件|双|套|卷|抽|颗|枚)/;

function numbersIn(s: string, follow?: RegExp): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const n = readNumberAt(s, i);
    if (!n) continue;
    if (!follow || follow.test(s.slice(n.end, n.end + 3).toLowerCase())) out.push(n.value);
    i = n.end - 1;
  }
  return out;
}

/** Every amount the record accounts for, and every amount it takes off. */
function known(product: Product): Known {
  const hit = cache.get(product);
  if (hit) return hit;
  const { live, reference } = product.price;
  const money = new Set<number>();
  const savings = new Set<number>();
  const perUnit = new Set<number>(numbersIn(product.name, PER_UNIT));
  for (const f of product.facts) {
    const s = `${f.attribute} ${f.value}${f.unit ?? ''}`;
    if (MONEY_FACT.test(s)) numbersIn(f.value).forEach((v) => money.add(v));
    if (SAVING_FACT.test(s)) numbersIn(f.value).forEach((v) => savings.add(v));
    numbersIn(`${f.value}${f.unit ?? ''}`, PER_UNIT).forEach((v) => perUnit.add(v));
  }
  const exact = new Set<number>(money);
  if (reference) for (let k = 1; k <= 6; k++) exact.add(reference.amount * k);
  if (live !== undefined) {
    for (let k = 1; k <= 10; k++) {
      const total = live * k;
      exact.add(total);
      for (const x of savings) {
        if (x < total) {
          exact.add(total - x);
          exact.add((total - x) / k);
        }
      }
    }
    // Instalments (分3期) and per piece, per 斤, per lesson.
    for (const n of [2, 3, 6, 12, 24]) exact.add(live / n);
    for (const q of perUnit) if (q > 1) exact.add(live / q);
    // A case or bundle price in the facts, per piece (整箱六瓶六百九十九 -> 一瓶一百一十六块五).
    for (const m of money) for (const q of perUnit) if (q > 1 && m > live) exact.add(m / q);
    if (reference) savings.add(reference.amount - live);
  }
  const display = live !== undefined ? `直播价${Math.round(live * 100) / 100}元` : '';
  const r = { exact: [...exact].filter((v) => v > 0), savings: [...savings].filter((v) => v > 0), display };
  cache.set(product, r);
  return r;
}

function accounted(value: number, amounts: readonly number[], approx: boolean, below: boolean, roundUp = 0): boolean {
  if (below) return amounts.some((d) => d < value && d >= value * 0.8);
  // 两百多 = 200 to 299: any amount in that band.
  if (roundUp) return amounts.some((d) => d >= value && d < value + roundUp);
  const tol = approx ? 0.12 : 0.01;
  return amounts.some((d) => Math.abs(d - value) <= Math.max(approx ? 1 : 0.11, tol * d));
}

export function checkSpokenPrice(t: Text, original: string, product: Product, taken: readonly ProductHit[]): ProductHit[] {
  if (product.price.live === undefined) return [];
  const k = known(product);
  const text = t.text;
  const hits: ProductHit[] = [];
  for (let i = 0; i < text.length; i++) {
    const n = readNumberAt(text, i);
    if (!n) continue;
    const p: Price | null = readPriceAt(t, n.start);
    i = Math.max(i, n.end - 1);
    if (!p) continue;
    const after = text.slice(n.end, n.end + 5);
    const before = text.slice(Math.max(0, n.start - 8), n.start);
    // 米 is slang for 元 only after a price cue; on its own it is a length.
    const unit = CURRENCY.find((c) => text.startsWith(c, n.end));
    const currency = unit !== undefined && unit !== '米';
    const saving = SAVING_BEFORE.test(before) || SAVING_AFTER.test(after);
    const paid = PAY_AFTER.test(after) || (PAY_BEFORE.test(before) && !crossesClause(t.brk, n.start - 2, n.start + 1));
    if (!saving && !paid && !currency) continue;
    // 满五十减十: the threshold of a 满减 is not a price.
    if (/满$/.test(before)) continue;
    if (OTHER_BEFORE.test(before) || negated(t, n.start)) continue;
    // 三十 两饼 (split by the ASR), 四五月份 and 十二号 (dates) are not prices.
    if (spokenApart(t, original, p.start, p.end) || /^[月号日点年]/.test(text.slice(p.end, p.end + 1)) || /^份/.test(text.slice(n.end + 1, n.end + 2))) continue;
    // A bare 一 or 五 is rarely a price (一直卖, 也就一两重); a range is a count (二十五到三十个).
    if (!currency && (p.value < 10 || /^(?:到|至|-|~)/.test(after))) continue;
    if (p.value < 1 || taken.some((h) => h.start < p.end && p.start < h.end)) continue;
    const approx = APPROX_AFTER.test(after) || APPROX_BEFORE.test(before);
    const band = /^(多|几)/.test(text.slice(p.end, p.end + 1)) && p.value >= 10 ? 10 ** Math.floor(Math.log10(p.value)) : 0;
    if (saving ? k.savings.length === 0 || accounted(p.value, k.savings, approx, false) : accounted(p.value, k.exact, approx, BELOW_BEFORE.test(before), band)) continue;
    const s = said(t, original, p.start, p.end);
    hits.push({
      rule: 'product/price',
      category: 'product-mismatch',
      start: p.start,
      end: p.end,
      zh: `商品信息为 ${k.display}（含记录的优惠券、满减），说成了 ${s}`,
      en: `The product record says live price ${product.price.live} (with the recorded coupons and discounts); the host said ${s}`,
      suggestions: [k.display],
      severity: 'warning',
    });
    i = p.end - 1;
  }
  return hits;
}
