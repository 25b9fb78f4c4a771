import { describe, expect, it } from 'vitest';
import { matchProduct, ProductSelection, productFromRow, type StoredProduct } from '../../../entrypoints/background/products/current.ts';
import { riskyGuide } from '../../../entrypoints/background/chat/risky-guide.ts';
import { parseProduct } from '../../../rules/engine/product/index.ts';

const mask: StoredProduct = {
  id: 1,
  record: parseProduct({
    name: '玻尿酸补水修护面膜',
    aliases: ['补水面膜'],
    category: 'cosmetics',
    sellingPoints: [{ text: '一盒10片', priority: 1, says: ['十片'] }],
    disclosures: [{ text: '赠品数量有限，送完即止', kind: 'gift', says: ['送完即止'] }],
  }),
};
const tee: StoredProduct = { id: 2, record: parseProduct({ name: '冰感棉T恤', aliases: ['冰感T'], category: 'apparel' }) };

describe('product selection', () => {
  it('matches the console card by name or alias, not by unrelated names', () => {
    expect(matchProduct([mask, tee], '玻尿酸补水修护面膜 10片/盒')?.id).toBe(1);
    expect(matchProduct([mask, tee], '冰感T 白色')?.id).toBe(2);
    expect(matchProduct([mask, tee], '羊毛大衣')).toBeNull();
  });

  it('the console picks a product; the host picking "none" sticks until the card changes', () => {
    const s = new ProductSelection();
    s.setProducts([mask, tee]);
    expect(s.fromConsole('补水面膜')).toBe(true);
    expect(s.source).toBe('console');
    expect(s.context()).toMatchObject({ productCategory: 'cosmetics' });
    s.select(null);
    expect(s.fromConsole('补水面膜')).toBe(false);
    expect(s.current).toBeNull();
    expect(s.fromConsole('冰感棉T恤')).toBe(true);
    expect(s.current?.id).toBe(2);
  });

  it('a product imported after the console showed it is picked up', () => {
    const s = new ProductSelection();
    s.fromConsole('玻尿酸补水修护面膜 10片/盒');
    expect(s.current).toBeNull();
    expect(s.setProducts([mask])).toBe(true);
    expect(s.current?.id).toBe(1);
  });

  it('the checklist ticks itself from script and captions, and stays ticked for the session', () => {
    const s = new ProductSelection();
    s.setProducts([mask]);
    s.select(1);
    expect(s.checklistFor(5).every((i) => !i.said)).toBe(true);
    s.noteSaid(5, [{ id: 'a', text: '一盒十片', source: 'captions' }]);
    s.noteSaid(5, [{ id: 'chat', text: '送完即止吗', source: 'chat' }]); // a viewer saying it does not count
    const items = s.checklistFor(5);
    expect(items.find((i) => i.kind === 'selling-point')?.said).toBe(true);
    expect(items.find((i) => i.kind === 'disclosure')?.said).toBe(false);
    // Another tab has its own session.
    expect(s.checklistFor(6).some((i) => i.said)).toBe(false);
  });

  it('reads store rows and skips damaged ones', () => {
    expect(productFromRow({ id: 4, facts: { record: { name: 'x', category: 'food' } } })?.record.name).toBe('x');
    expect(productFromRow({ id: 4, facts: { record: { name: '', category: 'nope' } } })).toBeNull();
    expect(productFromRow({ facts: {} })).toBeNull();
  });
});

describe('risky question guide', () => {
  it('uses the registered functions of a health food in the lawful answer', () => {
    const p = parseProduct({ name: '蛋白粉', category: 'health-food', registrations: { healthFood: { number: '国食健注G1', functions: ['增强免疫力'] } } });
    const g = riskyGuide('能治糖尿病吗', p);
    expect(g.answer.zh).toContain('增强免疫力');
    expect(g.answer.zh).toContain('不能代替药物');
  });

  it('an efficacy the cosmetic is registered for is answered, an unregistered one refused', () => {
    const p = parseProduct({ name: '精华', category: 'cosmetics', registrations: { specialCosmetic: { number: '国妆特字1', efficacies: ['美白'] } } });
    expect(riskyGuide('能美白吗', p).answer.zh).toContain('已注册美白');
    expect(riskyGuide('能祛斑吗', p).avoid.zh).toContain('祛斑');
    expect(riskyGuide('能祛斑吗', p).answer.zh).not.toContain('已注册祛斑');
  });

  it('competitor comparisons and pregnancy questions get their own guidance', () => {
    expect(riskyGuide('和XX牌比哪个好', null).avoid.zh).toContain('贬低');
    expect(riskyGuide('孕妇可以用吗', null).answer.zh).toContain('咨询医生');
  });
});
