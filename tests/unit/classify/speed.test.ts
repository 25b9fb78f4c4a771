import { describe, expect, it } from 'vitest';
import { classifyMessage, CHAT_KINDS } from '../../../rules/engine/classify/index.ts';

// Guards against a pathological regex (catastrophic backtracking) on long, repetitive input: such a
// regex would not finish within the test timeout. Speed itself is measured by measure-speed.ts and
// npm run bench, not asserted here (timed assertions flake on a busy machine).
describe('classifier on hostile input', () => {
  it.each([
    ['repeated phrase', '关注我领红包'.repeat(2000)],
    ['near-repeat', '打卡'.repeat(3000) + '不'],
    ['mixed', '比这个好吗'.repeat(2000)],
    ['latin', 'ab'.repeat(5000)],
  ])('classifies a 10k-character %s', (_, text) => {
    const { kind } = classifyMessage(text);
    expect(CHAT_KINDS).toContain(kind);
  });
});
