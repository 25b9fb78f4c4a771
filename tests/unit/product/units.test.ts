import { describe, expect, it } from 'vitest';
import { findQuantities, toBase, sameAmount } from '../../../rules/engine/product/units.ts';
import { normalize } from '../../../rules/engine/normalize.ts';

const base = (s: string, dims = ['mass', 'volume', 'duration'] as const) => findQuantities(normalize(s).text, dims).map((q) => Math.round(q.base * 1000) / 1000);

describe('unit conversion', () => {
  it('mass: 克/斤/公斤/千克/kg/g to grams', () => {
    expect(base('500克 一斤 两公斤 1.5千克 2kg 450g 一斤半 五千克')).toEqual([500, 500, 2000, 1500, 2000, 450, 750, 5000]);
  });
  it('volume: 毫升/升/ml/l to millilitres', () => {
    expect(base('500毫升 1.5升 250ml 2L 两升')).toEqual([500, 1500, 250, 2000, 2000]);
  });
  it('duration: 天/个月/月/年 to months', () => {
    expect(base('两年 12个月 一年半 一个半月 90天 18月')).toEqual([24, 12, 18, 1.5, 3, 18]);
  });
  it('full-width and spaced spellings normalise first', () => {
    expect(base('５００ ｇ')).toEqual([500]);
  });
  it('units of record facts', () => {
    expect(toBase(450, 'g')).toEqual({ dim: 'mass', base: 450 });
    expect(toBase(1, '斤')).toEqual({ dim: 'mass', base: 500 });
    expect(toBase(2, 'L')).toEqual({ dim: 'volume', base: 2000 });
    expect(toBase(1, '年')).toEqual({ dim: 'duration', base: 12 });
    expect(toBase(1, 'furlong')).toBeUndefined();
  });
  it('12个月 and 一年 are the same amount; 450 g and 500 g are not', () => {
    expect(sameAmount(12, 365 / 30, 0.03)).toBe(true);
    expect(sameAmount(450, 500)).toBe(false);
  });
  it('a letter unit inside a word is not a unit (5lb, 8gb)', () => {
    expect(base('5lb 8gb')).toEqual([]);
  });
});
