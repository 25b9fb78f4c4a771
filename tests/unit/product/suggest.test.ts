import { describe, expect, it } from 'vitest';
import { talkingPoints } from '../../../rules/engine/index.ts';
import { builtin, product } from './helpers.ts';

const shirt = product({
  name: '冰感棉T恤',
  category: 'apparel',
  price: { live: 99, reference: { amount: 399, from: '2026-10-01', to: '2026-10-31' } },
  facts: [
    { attribute: '面料', value: '95%棉 5%氨纶' },
    { attribute: '颜色', value: '白色/黑色' },
    { attribute: '尺码', value: 'S/M/L' },
    { attribute: '产地', value: '广东佛山' },
  ],
  sellingPoints: [
    { text: '全网最低价，错过再等一年', priority: 1 },
    { text: '领口双层罗纹，不容易变形', priority: 2 },
    { text: '100%纯棉，亲肤', priority: 2 },
  ],
});

describe('talking points', () => {
  const points = talkingPoints(shirt, builtin());
  const texts = points.map((p) => p.text);

  it('builds lines from facts, price and selling points, and interactive prompts', () => {
    expect(texts).toContain('面料是95%棉 5%氨纶');
    expect(texts).toContain('产地广东佛山');
    expect(texts).toContain('直播间到手价99元');
    expect(texts).toContain('领口双层罗纹，不容易变形');
    expect(texts).toContain('想看白色上身效果的扣1');
    expect(texts).toContain('想看黑色上身效果的扣1');
    expect(texts.some((t) => t.includes('S、M、L码'))).toBe(true);
  });

  it('never returns a line the checker flags: a built-in rule (最低价) or the product facts (100%纯棉)', () => {
    expect(texts.some((t) => t.includes('全网最低价'))).toBe(false);
    expect(texts.some((t) => t.includes('100%纯棉'))).toBe(false);
    for (const t of texts) expect(builtin().check([{ id: 'x', text: t }], { product: shirt })).toEqual([]);
  });

  it('respects a limit', () => {
    expect(talkingPoints(shirt, builtin(), { limit: 3 })).toHaveLength(3);
  });

  it('a health food gets its registered function and the legal disclosure', () => {
    const hf = product({ name: '蛋白粉', category: 'health-food', registrations: { healthFood: { number: '国食健注G2020', functions: ['增强免疫力'] } } });
    const t = talkingPoints(hf, builtin()).map((p) => p.text);
    expect(t).toContain('本品不能代替药物');
    expect(t.some((x) => x.includes('保健功能是增强免疫力'))).toBe(true);
  });
});
