import { describe, expect, it } from 'vitest';
import type { ProductInput } from '../../../rules/engine/index.ts';
import { productFindings } from './helpers.ts';

// Counts keyed by their counter word, and how often (issue 14).
const caps: ProductInput = {
  name: '鱼油软胶囊',
  category: 'health-food',
  facts: [{ attribute: '粒数', value: '60粒/瓶' }, { attribute: '食用量', value: '每日2次，每次1粒' }, { attribute: '保质期', value: '24个月' }],
};
const course: ProductInput = { name: '英语启蒙课', category: 'education', facts: [{ attribute: '课时', value: '48课时' }, { attribute: '上课频次', value: '每周2节' }] };
const kiwi: ProductInput = { name: '猕猴桃', category: 'fresh-produce', facts: [{ attribute: '数量', value: '约25-30个/箱' }] };
const counts = (p: ProductInput, text: string) => productFindings(p, text).filter(([r]) => r === 'product/count');

describe('counts', () => {
  it.each([
    [caps, '一瓶九十粒 够吃好久'],
    [caps, '每次吃三粒效果更好'],
    [course, '六十节课啊家长们'],
    [course, '一周三节 节奏紧凑'],
    [kiwi, '一箱差不多四十来个'],
  ])('flags %#', (p, text) => {
    expect(counts(p, text).length).toBeGreaterThan(0);
  });
  it.each([
    [caps, '一瓶六十粒 一天两次每次一粒'],
    [caps, '保质期二十四个月'],
    [course, '一共四十八节课 四十八个课时'],
    [course, '一周上两节 不累孩子'],
    [course, '一个老师带四个孩子'],
    [kiwi, '一箱二十五到三十个'],
    [kiwi, '囤两箱没问题'],
    [caps, '七十九块九十粒装'],
  ])('passes %#', (p, text) => {
    expect(counts(p, text)).toEqual([]);
  });
});
