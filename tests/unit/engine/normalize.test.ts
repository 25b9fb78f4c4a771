import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize } from '../../../rules/engine/index.ts';

const variants = { 最: { homophones: ['蕞', '醉'], pinyin: ['zui'] }, 全: { pinyin: ['quan'] }, 网: { pinyin: ['wang'] } };

describe('normalize', () => {
  it.each([
    ['全 网 最 低 价', '全网最低价'],
    ['全網最低價', '全网最低价'],
    ['ＮＯ．１', 'no1'],
    ['第①', '第1'],
    ['家🔥人🔥们', '家人们'],
    ['加\u200b微\u200b信', '加微信'],
    ['9.9元', '9.9元'],
    ['1,299元', '1299元'],
    ['50％', '50%'],
    ['+V', '+v'],
  ])('%s -> %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('folds declared homophones and whole pinyin runs only', () => {
    expect(normalize('蕞低价', variants).text).toBe('最低价');
    expect(normalize('quan网zui低', variants).text).toBe('全网最低');
    expect(normalize('QuanWang', variants).text).toBe('全网');
    // A run that does not split fully into declared syllables stays Latin: English is not pinyin.
    expect(normalize('quality', variants).text).toBe('quality');
    expect(normalize('蕞低价').text).toBe('蕞低价');
  });

  it('never folds a simplified character into a traditional-looking one', () => {
    for (const t of ['平台', '吃饭', '户外', '温度', '脱发', '群里', '秘方', '核心', '床垫', '税费']) expect(normalize(t).text).toBe(t);
    expect(normalize('這個臺灣').text).toBe('这个台湾');
  });

  it('reads pinyin written with tone marks', () => {
    expect(normalize('全网最dī价', variants).text).toBe('全网最dī价'.replace('dī', 'di'));
    expect(normalize('quán网zuì低', variants).text).toBe('全网最低');
  });

  it('keeps two numbers apart when only spaces separate them', () => {
    expect(normalize('1 299').text).toBe('1 299');
  });

  it('records clause and sentence breaks where punctuation was removed', () => {
    const n = normalize('不要，全网。最低');
    expect(n.text).toBe('不要全网最低');
    expect(Array.from(n.brk)).toEqual([0, 0, 1, 0, 2, 0]);
  });

  it('maps every normalised char back to its original span', () => {
    const text = 'quan网 zui低價🔥';
    const n = normalize(text, variants);
    expect(n.text).toBe('全网最低价');
    expect(text.slice(n.start[0], n.end[0])).toBe('quan');
    expect(text.slice(n.start[2], n.end[2])).toBe('zui');
    expect(text.slice(n.start[4], n.end[4])).toBe('價');
  });

  it('offset maps are monotonic and inside the original for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const n = normalize(s, variants);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.start[i]).toBeGreaterThanOrEqual(0);
          expect(n.end[i]).toBeLessThanOrEqual(s.length);
          expect(n.start[i]).toBeLessThan(n.end[i]);
          if (i > 0) expect(n.start[i]).toBeGreaterThanOrEqual(n.start[i - 1]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
