import { describe, expect, it } from 'vitest';
import { HotWords, MAX_WORDS_PER_MINUTE, PerMinute, wordsOf } from '../../../entrypoints/background/chat/hot-words.ts';

const T0 = Date.UTC(2026, 10, 25, 6, 0, 0);

describe('hot words', () => {
  it('drops stop-words, single characters and numbers', () => {
    const words = wordsOf('主播 这个 玻尿酸 111 的');
    expect(words).not.toContain('主播');
    expect(words).not.toContain('这个');
    expect(words).not.toContain('111');
    expect(words).not.toContain('的');
  });

  it('counts words over the last 5 minutes only, one per line', () => {
    const h = new HotWords(5);
    h.add('优惠 优惠 优惠', T0);
    h.add('价格', T0);
    h.add('优惠', T0 + 60_000);
    h.add('颜色', T0 + 60_000);
    h.add('颜色', T0 + 60_000);
    const top = h.top(T0 + 60_000);
    expect(top.find((w) => w.word === '优惠')?.count).toBe(2);
    expect(top.find((w) => w.word === '颜色')?.count).toBe(2);
    // Six minutes later the first minute has left the window.
    expect(h.top(T0 + 5 * 60_000).find((w) => w.word === '优惠')).toBeUndefined();
  });

  it('caps distinct words per minute', () => {
    const h = new HotWords(5);
    for (let i = 0; i < MAX_WORDS_PER_MINUTE + 500; i++) h.add(`word${i}x word${i}x`, T0);
    const bucket = (h as unknown as { buckets: Map<number, Map<string, number>> }).buckets.values().next().value!;
    expect(bucket.size).toBeLessThanOrEqual(MAX_WORDS_PER_MINUTE);
  });

  it('purchase counts per minute, oldest first, current minute last', () => {
    const p = new PerMinute(3);
    p.add(T0);
    p.add(T0 + 120_000);
    p.add(T0 + 120_000);
    expect(p.series(T0 + 120_000)).toEqual([1, 0, 2]);
    expect(p.series(T0 + 180_000)).toEqual([0, 2, 0]);
  });
});
