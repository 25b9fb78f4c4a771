import { normalize } from '../normalize.ts';
import type { Disclosure, Product } from './schema.ts';

// What the host still has to say: required disclosures (本品不能代替药物 for health food is the law,
// 广告法 第18条; presale delivery dates and gift terms are what buyers complain about) and the
// top-priority selling points. The side panel shows this as a checklist that ticks itself as the
// script or session text grows; it is a reminder, never an alarm.

export interface ChecklistItem {
  id: string;
  kind: 'disclosure' | 'selling-point';
  text: string;
  said: boolean;
}

/** Disclosures the law requires for the category, added even when the manager did not list them. */
export const LEGAL_DISCLOSURES: Partial<Record<Product['category'], Disclosure>> = {
  'health-food': { text: '本品不能代替药物', kind: 'health-food', says: ['不能代替药物', '不能替代药物', '不可代替药物', '不能代替药品', '保健食品不是药物'] },
  'medical-device': {
    text: '请仔细阅读产品说明书或者在医务人员的指导下购买和使用',
    kind: 'medical-device',
    says: ['仔细阅读产品说明书', '医务人员的指导下购买和使用', '在医务人员指导下购买和使用'],
  },
};

export function requiredDisclosures(product: Product): Disclosure[] {
  const legal = LEGAL_DISCLOSURES[product.category];
  const listed = product.disclosures;
  if (!legal || listed.some((d) => d.kind === legal.kind)) return listed;
  return [legal, ...listed];
}

const fold = (s: string) => normalize(s).text;

/** Every required disclosure and priority-1 selling point, each marked said or not, over all `texts`. */
export function checklist(product: Product, texts: readonly string[]): ChecklistItem[] {
  const all = fold(texts.join('\n'));
  const said = (phrases: readonly string[]) => phrases.some((p) => { const f = fold(p); return f.length > 0 && all.includes(f); });
  const items: ChecklistItem[] = [];
  requiredDisclosures(product).forEach((d, i) => items.push({ id: `disclosure-${i}`, kind: 'disclosure', text: d.text, said: said([d.text, ...d.says]) }));
  product.sellingPoints.forEach((p, i) => {
    if (p.priority === 1) items.push({ id: `point-${i}`, kind: 'selling-point', text: p.text, said: said([p.text, ...p.says]) });
  });
  return items;
}

/** What is still missing: the unticked items of the checklist. */
export function missingDisclosures(product: Product, texts: readonly string[]): ChecklistItem[] {
  return checklist(product, texts).filter((i) => !i.said);
}
