import { describe, expect, it } from 'vitest';
import { productFindings } from './helpers.ts';
import type { ProductInput } from '../../../rules/engine/index.ts';

const necklace: ProductInput = { name: '金项链', category: 'jewelry', facts: [{ attribute: '成色', value: '足金999（不是千足金）' }] };
const baijiu: ProductInput = { name: '白酒', category: 'liquor', facts: [{ attribute: '香型', value: '浓香型' }] };
const plain: ProductInput = { name: '银手镯', category: 'jewelry', facts: [{ attribute: '重量', value: '32g' }] };

const flagged = (p: ProductInput, text: string) => productFindings(p, text).filter(([rule]) => rule === 'product/grade').map(([, m]) => m);

describe('recorded grades', () => {
  it.each([
    [necklace, '这是万足金，九九九九', ['万足', '九九九九']],
    [necklace, '十八K的，颜色比黄金亮', ['十八K']],
    [baijiu, '酱香型的，酱味足', ['酱香']],
    [baijiu, '喜欢清香的拍它', ['清香']],
  ])('flags another grade: %#', (p, text, want) => {
    expect(flagged(p, text)).toEqual(want);
  });

  it.each([
    [necklace, '三个九的足金，颜色正黄'],
    [necklace, '足金九九九，证书上写着'],
    [necklace, '不是18K的，是足金'],
    [baijiu, '一开瓶就是窖香，典型的浓香'],
    [baijiu, '不是酱香，是浓香'],
    // No fineness on the record: nothing to compare.
    [plain, '这是925银的'],
  ])('passes: %#', (p, text) => {
    expect(flagged(p, text)).toEqual([]);
  });
});
