import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumber, readNumberAt } from '../../../rules/engine/product/cn-number.ts';

// Standard (non-colloquial) Chinese numerals, written independently of the parser under test.
const D = '零一二三四五六七八九';
function toChinese(n: number): string {
  if (n === 0) return '零';
  const section = (x: number): string => {
    const units = ['千', '百', '十', ''];
    const digits = String(x).padStart(4, '0').split('').map(Number);
    let s = '';
    let zero = false;
    digits.forEach((d, i) => {
      if (d === 0) { zero = s.length > 0; return; }
      if (zero) { s += '零'; zero = false; }
      s += D[d] + units[i];
    });
    return s;
  };
  const wan = Math.floor(n / 10000);
  const rest = n % 10000;
  let s = wan ? section(wan) + '万' : '';
  if (rest) s += (wan && rest < 1000 ? '零' : '') + section(rest);
  return s.replace(/^一十/, '十');
}

describe('Chinese numerals', () => {
  it.each([
    ['九十九', 99], ['一百二', 120], ['两千九百九', 2990], ['三千五', 3500], ['一万二', 12000], ['一千零五', 1005],
    ['十五', 15], ['二十', 20], ['一百零八', 108], ['三点五', 3.5], ['两', 2], ['两万五千', 25000], ['2.5万', 25000], ['899', 899], ['九九', 99],
  ])('%s = %d', (s, n) => {
    expect(parseNumber(s)).toBe(n);
  });

  it('rejects runs that are not numbers', () => {
    expect(parseNumber('二三十')).toBeNull();
    expect(parseNumber('百')).toBeNull();
    expect(parseNumber('三百五百')).toBeNull();
  });

  it('parses every standard numeral below 100 million back to its value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => parseNumber(toChinese(n)) === n), { numRuns: 500 });
  });

  it('reads a number inside text without eating the unit 千克', () => {
    expect(readNumberAt('五千克', 0)).toMatchObject({ value: 5, end: 1 });
    expect(readNumberAt('两年半', 0)).toMatchObject({ value: 2, end: 1 });
    expect(readNumberAt('12.5kg', 0)).toMatchObject({ value: 12.5, end: 4 });
    expect(readNumberAt('a12', 2)).toBeNull(); // never starts inside a number
  });
});
