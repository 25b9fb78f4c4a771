import { describe, expect, it } from 'vitest';
import type { ProductInput } from '../../../rules/engine/index.ts';
import { productFindings } from './helpers.ts';

// Prices said without 到手价/原价 (issue 14): the amount the buyer pays, a coupon or a saving that no
// figure in the record accounts for.
const bank: ProductInput = {
  name: '充电宝 10000mAh',
  category: 'appliance',
  price: { live: 79, reference: { amount: 129, from: '2026-09-01', to: '2026-10-31' } },
  facts: [
    { attribute: '优惠券', value: '关注店铺领5元无门槛券，券后74元' },
    { attribute: '满减', value: '两件减10元' },
    { attribute: '分期', value: '3期免息' },
  ],
};
const kiwi: ProductInput = {
  name: '徐香猕猴桃 净重5斤',
  category: 'fresh-produce',
  price: { live: 39.9 },
  facts: [{ attribute: '数量', value: '约25-30个/箱' }, { attribute: '满减', value: '第二件减10元' }],
};
const prices = (p: ProductInput, text: string) => productFindings(p, text).filter(([rule]) => rule === 'product/price');

describe('prices said without a cue word', () => {
  it.each([
    [bank, '今天六十五啊 六十五块钱拍走'],
    [bank, '八十九一个 拍就完事了'],
    [bank, '点关注领二十块钱券'],
    [bank, '拍两件直接减三十'],
    [kiwi, '折下来一斤才五块钱'],
    [kiwi, '两箱五十九块八'],
  ])('flags %#', (p, text) => {
    expect(prices(p, text).length).toBeGreaterThan(0);
  });
  it.each([
    [bank, '七十九一个 拍就完事了'],
    [bank, '领五块的券 券后七十四'],
    [bank, '两件一百四十八 两件减十块'],
    [bank, '三期免息 一个月二十六块多'],
    [bank, '外面卖一百五十九 我们不跟他比'],
    [bank, '一百二十九是之前的价格'],
    [kiwi, '一斤八块钱不到'],
    [kiwi, '一箱也就二十五到三十个'],
    [kiwi, '两箱六十九块八'],
    [kiwi, '也就一两重的小果子不卖'],
    [kiwi, '满五十减十是别的店'],
  ])('passes %#', (p, text) => {
    expect(prices(p, text)).toEqual([]);
  });
});

describe('a registration typed into the facts', () => {
  const sunscreen: ProductInput = {
    name: '水感防晒乳 SPF50+',
    category: 'cosmetics',
    facts: [
      { attribute: '注册证号', value: '国妆特字G20240388' },
      { attribute: '注册功效', value: '防晒' },
      { attribute: '防晒指数', value: 'SPF50+' },
    ],
  };
  it('counts as the registration: its SPF is not a cosmetic-claim mismatch, an unregistered efficacy still is', () => {
    expect(productFindings(sunscreen, 'SPF五十加 防晒是注册过的')).toEqual([]);
    expect(productFindings(sunscreen, '用了还能美白').map(([r]) => r)).toContain('product/cosmetic-registration');
  });
});

describe('registrations written as a list', () => {
  it('reads [{type, number, ...}] the way managers write it by hand, and ignores certificates that carry no claim', async () => {
    const { productSchema } = await import('../../../rules/engine/index.ts');
    const p = productSchema.parse({
      name: '血糖仪',
      category: 'medical-device',
      registrations: [
        { type: '医疗器械注册证（二类）', number: '苏械注准20232070001', class: '二类', scope: '用于体外检测毛细血管全血中的葡萄糖浓度；家用' },
        { type: '生产许可SC', number: 'SC123' },
      ],
    });
    expect(p.registrations.medicalDevice).toMatchObject({ class: 'II', scope: ['用于体外检测毛细血管全血中的葡萄糖浓度', '家用'] });
    expect(p.registrations.healthFood).toBeUndefined();
    expect(() => productSchema.parse({ name: 'x', category: 'cosmetics', registrations: [{ type: '特殊化妆品', number: '' }] })).toThrow(/number/);
  });
});
