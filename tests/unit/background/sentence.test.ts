import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../../entrypoints/background/live/sentence.ts';

const highlighted = (r: ReturnType<typeof sentenceAround>) => r.sentence.slice(r.hlStart, r.hlEnd);

describe('sentenceAround', () => {
  it('returns the sentence containing the match, with its closing mark', () => {
    const text = '大家好。今天全网最低价！快来买';
    const start = text.indexOf('全网最低价');
    const r = sentenceAround(text, start, start + 5);
    expect(r.sentence).toBe('今天全网最低价！');
    expect(highlighted(r)).toBe('全网最低价');
  });

  it('clips long sentences around the match with ellipses', () => {
    const text = 'a'.repeat(100) + '全网最低价' + 'b'.repeat(100);
    const r = sentenceAround(text, 100, 105, 10);
    expect(r.sentence).toBe('…' + 'a'.repeat(10) + '全网最低价' + 'b'.repeat(10) + '…');
    expect(highlighted(r)).toBe('全网最低价');
  });

  it('stops at line breaks and trims leading spaces', () => {
    const text = '第一行\n   全网最低价 \n第三行';
    const start = text.indexOf('全');
    const r = sentenceAround(text, start, start + 5);
    expect(r.sentence).toBe('全网最低价');
    expect(highlighted(r)).toBe('全网最低价');
  });

  it('clamps offsets outside the text instead of throwing', () => {
    const r = sentenceAround('短句', 5, 99);
    expect(r.hlStart).toBeLessThanOrEqual(r.sentence.length);
    expect(highlighted(r)).toBe('');
  });
});
