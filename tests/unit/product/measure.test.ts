import { describe, expect, it } from 'vitest';
import { productFindings } from './helpers.ts';
import type { ProductInput } from '../../../rules/engine/index.ts';

// Measured attributes recorded as free text: another amount of the same measure is a false product
// fact; the same amount in other words (两万毫安, 1.2千瓦, 二十二瓦半), a second recorded amount
// (额定容量), a qualifier that fits (不到, 以上, 出头) and a measure the record lacks all pass.

const powerBank: ProductInput = {
  name: '充电宝',
  category: 'appliance',
  facts: [
    { attribute: '容量', value: '20000', unit: 'mAh' },
    { attribute: '额定容量', value: '12000mAh（5V/3A）' },
    { attribute: '最大输出功率', value: '22.5', unit: 'W' },
    { attribute: '能量', value: '74Wh' },
  ],
};
const baijiu: ProductInput = { name: '浓香白酒', category: 'liquor', facts: [{ attribute: '酒精度', value: '52%vol' }] };
const chain: ProductInput = { name: '金项链', category: 'jewelry', facts: [{ attribute: '长度', value: '45cm+5cm延长链' }] };
const sunscreen: ProductInput = { name: '防晒乳', category: 'cosmetics', facts: [{ attribute: 'SPF', value: '50+' }] };
const cooker: ProductInput = { name: '电饭煲', category: 'appliance', facts: [{ attribute: '功率', value: '1200', unit: 'W' }] };

const flagged = (p: ProductInput, text: string) => productFindings(p, text).filter(([rule]) => rule === 'product/measure').map(([, m]) => m);

describe('measured attributes', () => {
  it.each([
    [powerBank, '三万毫安大容量，充爆', '三万毫安'],
    [powerBank, '六十五瓦的，笔记本都能充', '六十五瓦'],
    [powerBank, '超过三十瓦快充', '三十瓦'],
    [baijiu, '五十三度，够劲', '五十三度'],
    [baijiu, '才三十八度，小酌两杯', '三十八度'],
    [chain, '六十公分长，当毛衣链', '六十公分'],
    [sunscreen, '倍数只有十五，适合室内', '倍数只有十五'],
    [cooker, '两千瓦大火力', '两千瓦'],
  ])('flags a different amount: %#', (p, text, match) => {
    expect(flagged(p, text)).toEqual([match]);
  });

  it.each([
    [powerBank, '两万毫安的，出差带它一个就够'],
    [powerBank, '额定容量是一万二千毫安，写在背面'],
    [powerBank, '二十二瓦半的输出，手机快充够了'],
    [powerBank, '七十四瓦时，能带上飞机'],
    [powerBank, '不到三十瓦，别指望给笔记本充'],
    [baijiu, '五十二度高度白酒，开车的别碰'],
    [baijiu, '酒精度百分之五十二，瓶身上写着'],
    [chain, '最长能拉到五十公分'],
    [chain, '四十五公分，后面还带五公分延长链'],
    [sunscreen, 'spf五十以上，PA四个加'],
    [cooker, '1.2千瓦，煮饭快'],
    [cooker, '不是两千瓦的，是一千二百瓦'],
    // No capacity on the record of the liquor: a power bank number said in its room is not checked.
    [baijiu, '顺便说一句我的充电宝三万毫安'],
  ])('passes: %#', (p, text) => {
    expect(flagged(p, text)).toEqual([]);
  });
});
