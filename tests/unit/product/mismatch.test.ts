import { describe, expect, it } from 'vitest';
import { productFindings, all, builtin, product } from './helpers.ts';
import type { ProductInput } from '../../../rules/engine/index.ts';

const shirt: ProductInput = {
  name: '冰感棉T恤',
  category: 'apparel',
  price: { live: 99, reference: { amount: 399, from: '2026-10-01', to: '2026-10-31' } },
  facts: [{ attribute: '面料', value: '95%棉 5%氨纶' }, { attribute: '产地', value: '广东佛山' }],
};
const nuts: ProductInput = {
  name: '每日坚果礼盒',
  category: 'food',
  price: { live: 99, reference: { amount: 199, from: '2026-10-01', to: '2026-10-31' } },
  facts: [
    { attribute: '净含量', value: '450', unit: 'g' },
    { attribute: '保质期', value: '12', unit: '个月' },
    { attribute: '产地', value: '山东临沂' },
  ],
};

describe('composition', () => {
  it.each([
    ['这件是100%纯棉的', '100%纯棉'],
    ['百分之百纯棉，放心穿', '百分之百纯棉'],
    ['纯棉T恤，吸汗', '纯棉'],
    ['棉含量高达98%', '棉含量高达98%'],
    ['这是 100 % 羊毛', '100 % 羊毛'],
  ])('flags %s', (text, match) => {
    expect(productFindings(shirt, text)).toContainEqual(['product/composition', match]);
  });
  it.each(['不是100%纯棉', '95%的棉', '含棉量百分之九十五', '95%棉加5%氨纶', '手感和纯棉一样', '棉袄很暖和', '不到百分百纯棉', '直接省300元'])('passes %s', (text) => {
    expect(productFindings(shirt, text)).toEqual([]);
  });
  it('names the recorded fact and what was said', () => {
    const f = all(shirt, '这件是100%纯棉的').find((x) => x.rule === 'product/composition')!;
    expect(f.message).toBe('商品信息为 95%棉 5%氨纶，说成了 100%纯棉');
    expect(f.category).toBe('product-mismatch');
    expect(f.basis).toContain('第28条');
  });
  it('is silent when the record has no composition', () => {
    expect(productFindings({ name: 'x', category: 'apparel' }, '100%纯棉')).toEqual([]);
  });
});

describe('net content and shelf life', () => {
  it.each([
    ['这一袋500克', '500克'],
    ['一盒足足一斤', '一斤'],
    ['500克装，够吃一周', '500克'],
    ['每日坚果礼盒九百克', '九百克'],
  ])('flags %s', (text, match) => {
    expect(productFindings(nuts, text)).toContainEqual(['product/net-content', match]);
  });
  it.each(['这一袋450克', '一盒九两', '每100克含蛋白质12克', '两袋一共900克', '这一袋0.45公斤', '这一袋大约460克', '瘦了三斤'])('passes %s', (text) => {
    expect(productFindings(nuts, text).filter(([r]) => r === 'product/net-content')).toEqual([]);
  });
  it.each([['保质期两年', '两年'], ['保质期是18个月', '18个月'], ['保质期半年', '半年']])('flags %s', (text, match) => {
    expect(productFindings(nuts, text)).toContainEqual(['product/shelf-life', match]);
  });
  it.each(['保质期一年', '保质期12个月', '保质期十二个月', '保质期365天', '保质期到2027年', '保质期还有10个月', '保质期不是两年'])('passes %s', (text) => {
    expect(productFindings(nuts, text)).toEqual([]);
  });
});

describe('origin', () => {
  it('flags 产地新疆 for a 广东 product', () => {
    expect(productFindings(shirt, '产地新疆，品质好')).toEqual([['product/origin', '产地新疆']]);
  });
  it.each(['产地广东', '产自佛山', '原产地是广东佛山', '不是产自新疆的', '产地直发'])('passes %s', (text) => {
    expect(productFindings(shirt, text)).toEqual([]);
  });
});

describe('origin said without 产地', () => {
  const kiwi: ProductInput = {
    name: '徐香猕猴桃',
    category: 'fresh-produce',
    facts: [{ attribute: '产地', value: '陕西省西安市周至县' }, { attribute: '发货地', value: '陕西周至' }],
  };
  const wine: ProductInput = { name: '酱香酒', category: 'liquor', facts: [{ attribute: '原料产地', value: '贵州仁怀' }] };
  const ring: ProductInput = { name: '足金戒指', category: 'jewelry', facts: [{ attribute: '发货地', value: '广东深圳' }] };
  it.each([
    [wine, '四川泸州那边酒厂酿的'],
    [shirt, '我们这是浙江宁波的厂子做的'],
    [shirt, '韩国进口的 原装进口'],
    [kiwi, '宝鸡眉县的果园现摘的'],
    [ring, '香港仓直接发货'],
    [wine, '长白山脚下的工厂直接灌装'],
  ])('flags %#', (p, text) => {
    expect(productFindings(p, text).map(([rule]) => rule)).toContain('product/origin');
  });
  it.each([
    [wine, '贵州仁怀的酒厂酿的'],
    [wine, '茅台镇那边的酒 比四川的香'],
    [shirt, '佛山的厂子做的'],
    [shirt, '不是什么贴牌进口货 广东工厂的'],
    [shirt, '像日本那种简约风'],
    [kiwi, '陕西的猕猴桃 周至产的'],
    [kiwi, '西安周边的果园'],
    [ring, '深圳水贝直发'],
    [ring, '新疆和田玉的不卖'],
  ])('passes %#', (p, text) => {
    expect(productFindings(p, text)).toEqual([]);
  });
});

describe('prices', () => {
  it.each([
    ['原价899，今天99', '原价899'],
    ['原价是八百九十九块', '原价是八百九十九块'],
    ['到手价89元', '到手价89元'],
    ['三折！', '三折'],
    ['打七五折', '打七五折'],
    ['直接省500元', '省500元'],
    ['立省90%', '立省90%'],
  ])('flags %s', (text, match) => {
    expect(productFindings(shirt, text)).toContainEqual(['product/price', match]);
  });
  it.each(['原价399，今天99', '原价三百九十九', '到手价九十九', '2.5折', '两点五折', '不到三折', '三折伞', '省300元的话不可能', '立省300元', '便宜了75%', '一件99两件188'])('passes %s', (text) => {
    expect(productFindings(shirt, text)).toEqual([]);
  });
  it('maps the span back to the original text with spaces and full-width digits', () => {
    const text = '姐妹们 原价 ８９９ 元！';
    const f = all(shirt, text).find((x) => x.rule === 'product/price')!;
    expect(text.slice(f.start, f.end)).toBe('原价 ８９９ 元');
    expect(f.match).toBe('原价 ８９９ 元');
  });
  it('an 原价 with no recorded reference price is a warning', () => {
    const f = all({ name: 'x', category: 'daily', price: { live: 10 } }, '原价99').find((x) => x.rule === 'product/price')!;
    expect(f.severity).toBe('warning');
  });
});

describe('regulated claims', () => {
  const protein: ProductInput = { name: '蛋白粉', category: 'health-food', registrations: { healthFood: { number: '国食健注G2020', functions: ['有助于增强免疫力'] } } };
  it('flags a function outside the approval, passes the approved one and negations', () => {
    expect(productFindings(protein, '长期吃还能降血糖')).toEqual([['product/health-function', '降血糖']]);
    expect(productFindings(protein, '有助于增强免疫力')).toEqual([]);
    expect(productFindings(protein, '提高抵抗力')).toEqual([]);
    expect(productFindings(protein, '它不能降血糖')).toEqual([]);
  });

  const registered: ProductInput = { name: '精华', category: 'cosmetics', registrations: { specialCosmetic: { number: '国妆特字G20240001', efficacies: ['美白'] } } };
  const ordinary: ProductInput = { name: '面霜', category: 'cosmetics' };
  it('a registered 美白 clears the built-in cosmetic warning; an unregistered one is a product mismatch', () => {
    const text = '这瓶精华水美白效果特别好';
    const withoutProduct = builtin().check([{ id: 't', text }], { productCategory: 'cosmetics' });
    expect(withoutProduct.some((f) => f.category === 'cosmetic-claim')).toBe(true);
    expect(all(registered, text)).toEqual([]);
    const plain = all(ordinary, text);
    expect(plain.map((f) => f.rule)).toEqual(['product/cosmetic-registration']);
    expect(plain[0].message).toContain('没有特殊化妆品注册证');
  });
  it('a registration for 美白 does not cover 淡斑', () => {
    expect(productFindings(registered, '用了还能淡斑')).toEqual([['product/cosmetic-registration', '淡斑']]);
  });
  it('medical device class said wrong', () => {
    const dev: ProductInput = { name: '血压计', category: 'medical-device', registrations: { medicalDevice: { number: '苏械注准2020', class: '二类' } } };
    expect(productFindings(dev, '这是三类医疗器械')).toEqual([['product/device-class', '三类医疗器械']]);
    expect(productFindings(dev, '这是二类医疗器械')).toEqual([]);
  });
});

describe('forbidden and approved claims', () => {
  const p: ProductInput = { name: 'T恤', category: 'apparel', forbiddenClaims: ['永不变形'], approvedClaims: ['获得国家发明专利'] };
  it('flags a forbidden claim unless negated', () => {
    expect(productFindings(p, '这件永不变形')).toEqual([['product/forbidden-claim', '永不变形']]);
    expect(productFindings(p, '我不说永不变形')).toEqual([]);
  });
  it('an approved claim clears an unverified-qualification finding inside it only', () => {
    const text = '这款面料获得国家发明专利';
    const before = builtin().check([{ id: 't', text }], { productCategory: 'apparel' }).filter((f) => f.category === 'unverified-qualification');
    const after = all(p, text).filter((f) => f.category === 'unverified-qualification');
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual([]);
    // The same words outside the approved sentence stay flagged: 专利 alone is not the approved claim.
    expect(all(p, '获得专利认证').some((f) => f.category === 'unverified-qualification')).toBe(true);
  });
  it('disabledRules switches a product rule off', () => {
    const f = builtin().check([{ id: 't', text: '这件永不变形' }], { product: product(p), disabledRules: ['product/forbidden-claim'] });
    expect(f.some((x) => x.rule === 'product/forbidden-claim')).toBe(false);
  });
  it('livelint-ignore markers apply to product findings', () => {
    expect(productFindings(p, '这件永不变形 livelint-ignore')).toEqual([]);
  });
});

describe('regulated claims in lists', () => {
  const serum: ProductInput = { name: '精华', category: 'cosmetics', registrations: { specialCosmetic: { number: '国妆特字G20240001', efficacies: ['美白'] } } };
  it('a negation governs a run of claims (不会说它美白祛斑)', () => {
    expect(productFindings(serum, '这个不是特证产品，所以我不会说它美白祛斑')).toEqual([]);
    expect(productFindings({ name: '霜', category: 'cosmetics' }, '我不会说它美白祛斑')).toEqual([]);
  });
  it('overlapping spellings of one claim report once (下去斑淡)', () => {
    expect(productFindings(serum, '一瓶下去斑淡一半')).toEqual([['product/cosmetic-registration', '去斑淡']]);
  });
});
