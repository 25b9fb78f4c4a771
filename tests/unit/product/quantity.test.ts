import { describe, expect, it } from 'vitest';
import type { ProductInput } from '../../../rules/engine/index.ts';
import { productFindings } from './helpers.ts';

// Weights, volumes, warranty terms and ages said without 净含量 (issue 14): read against every fact
// of that measure, with its range, whatever the attribute is called.
const kiwi: ProductInput = {
  name: '徐香猕猴桃',
  category: 'fresh-produce',
  facts: [{ attribute: '净含量', value: '2.5kg（5斤）' }, { attribute: '单果重', value: '80-100g' }],
};
const bank: ProductInput = {
  name: '充电宝',
  category: 'appliance',
  facts: [{ attribute: '重量', value: '约198g' }, { attribute: '质保', value: '12个月' }],
};
const seat: ProductInput = { name: '安全座椅', category: 'baby', facts: [{ attribute: '适用年龄', value: '约0-7岁（以身高为准）' }, { attribute: '重量', value: '13.8kg' }] };
const pendant: ProductInput = { name: '金吊坠', category: 'jewelry', facts: [{ attribute: '重量', value: '3.2g（±0.05g），不含链' }] };
const quantity = (p: ProductInput, text: string) => productFindings(p, text).filter(([r]) => r === 'product/quantity');

describe('quantities said without a cue', () => {
  it.each([
    [bank, '才一百二十克啊 放包里都感觉不到'],
    [bank, '整机质保三年 坏了直接换新'],
    [seat, '零到十二岁都能坐'],
    [seat, '才八公斤 一只手就能拎走'],
    [pendant, '五克多一点 实打实的分量'],
  ])('flags %#', (p, text) => {
    expect(quantity(p, text).length).toBeGreaterThan(0);
  });
  it.each([
    [kiwi, '一个九十克左右 不大不小'],
    [kiwi, '五斤一箱 一斤八块钱不到'],
    [bank, '一百九十八克 比手机还轻'],
    [bank, '质保一年 有问题找客服'],
    [seat, '零到七岁 具体看身高'],
    [pendant, '三克二 不含链子的'],
    [pendant, '下单送一条两克的红绳'],
    [bank, '我身高一米六体重一百斤'],
  ])('passes %#', (p, text) => {
    expect(quantity(p, text)).toEqual([]);
  });
});
