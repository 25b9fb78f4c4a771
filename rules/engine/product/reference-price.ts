import type { Product } from './schema.ts';

// 明码标价和禁止价格欺诈规定 第16条: a compared price must not exceed the lowest price actually
// charged in the 7 days before the comparison (or the last price charged, if nothing sold). The
// record says when the 划线价 was really charged; a window that ended long ago, or has not begun,
// is a price comparison without basis. The engine has no clock, so the caller passes today.

export interface PriceNote {
  rule: 'product/reference-price-date';
  severity: 'warning';
  zh: string;
  en: string;
}

const DAY = 86_400_000;

/** A note when the reference price's dates do not support comparing with it on `today` (YYYY-MM-DD). */
export function referencePriceStatus(product: Product, today: string): PriceNote | null {
  const ref = product.price.reference;
  if (!ref) return null;
  const t = Date.parse(today);
  const from = Date.parse(ref.from);
  const to = Date.parse(ref.to);
  if (Number.isNaN(t)) throw new Error(`today: "${today}" is not a date written YYYY-MM-DD`);
  if (t < from) {
    return {
      rule: 'product/reference-price-date',
      severity: 'warning',
      zh: `划线价${ref.amount}元的实际成交从 ${ref.from} 才开始，今天（${today}）还不能作为比较价`,
      en: `The reference price ${ref.amount} is only charged from ${ref.from}; it cannot be compared with on ${today}`,
    };
  }
  const days = Math.floor((t - to) / DAY);
  if (days > 7) {
    return {
      rule: 'product/reference-price-date',
      severity: 'warning',
      zh: `划线价${ref.amount}元最后实际成交在 ${ref.to}，距今${days}天：比较价不得高于前7日内的最低成交价，请核实或更新`,
      en: `The reference price ${ref.amount} was last charged on ${ref.to}, ${days} days ago; a compared price must not exceed the lowest price of the previous 7 days`,
    };
  }
  return null;
}
