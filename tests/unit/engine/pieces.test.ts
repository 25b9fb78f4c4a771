import { describe, expect, it } from 'vitest';
import { compile } from '../../../rules/engine/index.ts';
import { MAX_PIECE, pieces } from '../../../rules/engine/pieces.ts';
import { miniPack } from '../../fixtures/engine/mini-pack.ts';

// Long blocks are checked in bounded pieces (issue 12): same findings, right offsets, linear work.
describe('pieces', () => {
  it('covers the text exactly, each piece at most MAX_PIECE, cut after a sentence end when there is one', () => {
    const text = '今天给大家介绍这款面膜。'.repeat(400) + '没有标点'.repeat(800);
    const ps = pieces(text);
    expect(ps[0][0]).toBe(0);
    expect(ps.at(-1)![1]).toBe(text.length);
    for (let i = 1; i < ps.length; i++) expect(ps[i][0]).toBe(ps[i - 1][1]);
    for (const [a, b] of ps) expect(b - a).toBeLessThanOrEqual(MAX_PIECE);
    expect(text[ps[0][1] - 1]).toBe('。');
    expect(pieces('😀'.repeat(MAX_PIECE)).every(([a]) => a === 0 || !/[\uDC00-\uDFFF]/.test('😀'.repeat(MAX_PIECE)[a]))).toBe(true);
  });

  it('finds in one long block what it finds sentence by sentence, at the right offsets', () => {
    const checker = compile([miniPack], { model: false });
    const sentence = '家人们今天全网最低价。';
    const text = sentence.repeat(1000);
    const found = checker.check([{ id: 'b', text }]);
    const one = checker.check([{ id: 'b', text: sentence }]);
    expect(found.length).toBe(one.length * 1000);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.match);
    expect(found.at(-1)!.start).toBe(text.length - sentence.length + one[0].start);
  });
});
