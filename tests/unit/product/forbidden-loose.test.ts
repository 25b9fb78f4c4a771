import { describe, expect, it } from 'vitest';
import type { ProductInput } from '../../../rules/engine/index.ts';
import { productFindings } from './helpers.ts';

// Forbidden claims as managers write them (lists, alternatives) and as hosts say them (never word
// for word), and the host turning one down (issue 14).
const seat: ProductInput = {
  name: '儿童安全座椅',
  category: 'baby',
  forbiddenClaims: [{ text: '撞车孩子保证没事/百分百安全', reason: '无法保证' }, { text: '可以带上飞机使用' }],
};
const pendant: ProductInput = { name: '足金吊坠', category: 'jewelry', forbiddenClaims: [{ text: '开光、戴了转运招财' }, { text: '保值升值、稳赚不亏' }] };
const forbidden = (p: ProductInput, text: string) => productFindings(p, text).filter(([r]) => r === 'product/forbidden-claim');

describe('forbidden claims', () => {
  it.each([
    [seat, '就算撞了 坐在里面的孩子保证一点事没有'],
    [seat, '这个百分百安全的'],
    [pendant, '大师开过光的 戴上转运'],
    [pendant, '这个金子保值又升值'],
  ])('flags %#', (p, text) => {
    expect(forbidden(p, text).length).toBeGreaterThan(0);
  });
  it.each([
    [seat, '有人问能不能带上飞机用 这个没有航空认证 飞机上不能用'],
    [seat, '孩子坐着舒服 头枕能调十一档'],
    [pendant, '我不跟你们讲什么保值升值 喜欢就买'],
    [pendant, '保值升值它没有 就是个饰品'],
    [pendant, '福字图案 寓意好'],
  ])('passes %#', (p, text) => {
    expect(forbidden(p, text)).toEqual([]);
  });
});
