import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../../rules/engine/classify/index.ts';

// Loose guards against a pathological regex (catastrophic backtracking), not a benchmark: the
// bounds are ~10x the measured cost (measure-speed.ts) so a busy shared machine does not flake.

describe('classifier speed', () => {
  it('keeps a chat flood well under 100 µs a message', () => {
    const texts = ['165 110斤穿什么码', '宝宝湿疹能用这个霜吗', 'v x 发一下', '拍了三天了还没发货', '🔥🔥🔥🔥🔥🔥', '主播好美😍', 'yp'];
    for (const t of texts) classifyMessage(t);
    const n = 20_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) classifyMessage(texts[i % texts.length]);
    expect(((performance.now() - t0) * 1000) / n).toBeLessThan(100);
  });

  it.each([
    ['repeated phrase', '关注我领红包'.repeat(2000)],
    ['near-repeat', '打卡'.repeat(3000) + '不'],
    ['mixed', '比这个好吗'.repeat(2000)],
    ['latin', 'ab'.repeat(5000)],
  ])('classifies a 10k-character %s in under 50 ms', (_, text) => {
    const t0 = performance.now();
    classifyMessage(text);
    expect(performance.now() - t0).toBeLessThan(50);
  });
});
