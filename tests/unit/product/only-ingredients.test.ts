import { describe, expect, it } from 'vitest';
import type { ProductInput } from '../../../rules/engine/index.ts';
import { productFindings } from './helpers.ts';

// "Only these ingredients" said against the recorded list (issue 14).
const baijiu: ProductInput = { name: '酱香白酒', category: 'liquor', facts: [{ attribute: '原料', value: '水、高粱、小麦' }] };
const larou: ProductInput = { name: '腊肉', category: 'food', facts: [{ attribute: '配料', value: '猪五花肉、食用盐、白砂糖、白酒、亚硝酸钠' }] };
const only = (p: ProductInput, text: string) => productFindings(p, text).filter(([r]) => r === 'product/ingredients');

describe('only-these-ingredients claims', () => {
  it.each([
    [baijiu, '纯高粱酿的 不掺别的'],
    [baijiu, '一粒小麦都不放'],
    [larou, '就猪五花肉加盐 别的啥都没放'],
  ])('flags %#', (p, text) => {
    expect(only(p, text).length).toBeGreaterThan(0);
  });
  it.each([
    [baijiu, '高粱和小麦酿的 大曲坤沙'],
    [baijiu, '不是纯高粱的 还有小麦'],
    [larou, '配料有猪五花肉 盐 糖 白酒 还有一点亚硝酸钠'],
    [larou, '这个腊肉咸香 蒸二十分钟'],
  ])('passes %#', (p, text) => {
    expect(only(p, text)).toEqual([]);
  });
});
