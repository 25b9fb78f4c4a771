import type { Checker } from '../check.ts';
import { compositionOf, factKind, factsOf, optionsOf, showFact } from './facts.ts';
import { requiredDisclosures } from './coverage.ts';
import type { Product } from './schema.ts';
import { registrationsOf } from './registrations.ts';

// Ready-to-say lines built from the record, and interactive prompts for chat. Every line is run
// through the same checker (built-in packs plus this product's knowledge) before it is offered:
// a suggestion the checker would flag is never shown, so following a suggestion is always safe.

export type TalkingPointKind = 'selling-point' | 'fact' | 'price' | 'registration' | 'disclosure' | 'prompt';

export interface TalkingPoint {
  text: string;
  kind: TalkingPointKind;
}

function candidates(product: Product): TalkingPoint[] {
  const out: TalkingPoint[] = [];
  const add = (kind: TalkingPointKind, text: string) => out.push({ kind, text });
  [...product.sellingPoints].sort((a, b) => a.priority - b.priority).forEach((p) => add('selling-point', p.text));

  const comp = compositionOf(product);
  if (comp) add('fact', `面料是${comp.display}`);
  for (const f of product.facts) {
    const kind = factKind(f.attribute);
    if (kind === 'composition' || kind === 'size' || kind === 'color' || kind === 'flavor') continue;
    if (kind === 'content') add('fact', `净含量${showFact(f)}`);
    else if (kind === 'origin') add('fact', `产地${showFact(f)}`);
    else if (kind === 'shelf-life') add('fact', `保质期${showFact(f)}`);
    else add('fact', `${f.attribute}：${showFact(f)}`);
  }

  const { live, reference } = product.price;
  if (live !== undefined) add('price', `直播间到手价${live}元`);
  if (live !== undefined && reference) {
    add('price', `划线价${reference.amount}元是${reference.from}至${reference.to}的实际成交价，今天直播间${live}元`);
    add('price', `相当于${Math.round((live / reference.amount) * 100) / 10}折`);
  }

  const r = registrationsOf(product);
  if (r.specialCosmetic) add('registration', `这是${r.specialCosmetic.efficacies.join('、')}类特殊化妆品，注册证号${r.specialCosmetic.number}，功效以注册为准`);
  if (r.healthFood) add('registration', `本品是保健食品，批准文号${r.healthFood.number}，保健功能是${r.healthFood.functions.join('、')}，本品不能代替药物`);
  if (r.medicalDevice) add('registration', `本品是第${r.medicalDevice.class}类医疗器械，注册证号${r.medicalDevice.number}`);
  for (const d of requiredDisclosures(product)) add('disclosure', d.text);

  const colors = optionsOf(product, 'color').slice(0, 4);
  const sizes = optionsOf(product, 'size');
  const flavors = optionsOf(product, 'flavor').slice(0, 4);
  const wear = product.category === 'apparel' || product.category === 'jewelry' ? '上身效果' : '实拍细节';
  for (const c of colors) add('prompt', `想看${c}${wear}的扣1`);
  if (sizes.length) add('prompt', `有${sizes.join('、')}码，不知道选哪个码的把身高体重打在公屏上`);
  for (const f of flavors) add('prompt', `想要${f}${f.endsWith('味') ? '' : '口味'}的扣1`);
  if (factsOf(product, 'composition').length || comp) add('prompt', `想看面料细节的扣2，主播拿近给大家看`);
  add('prompt', `对${product.name}有什么问题，打在公屏上，主播一个个回答`);
  return out;
}

/**
 * Talking points for `product`, each already checked by `checker` with this product's knowledge;
 * a line with any finding is left out.
 */
export function talkingPoints(product: Product, checker: Checker, options: { locale?: 'zh' | 'en'; limit?: number } = {}): TalkingPoint[] {
  const seen = new Set<string>();
  const out: TalkingPoint[] = [];
  for (const c of candidates(product)) {
    if (seen.has(c.text)) continue;
    seen.add(c.text);
    const findings = checker.check([{ id: 'talking-point', text: c.text }], { product, productCategory: product.category, locale: options.locale });
    if (findings.length === 0) out.push(c);
    if (options.limit && out.length >= options.limit) break;
  }
  return out;
}
