import { describe, expect, it } from 'vitest';
import { MAX_BLOCKS_PER_TAB, TabState } from '../../../entrypoints/background/live/tab-state.ts';
import type { Finding } from '../../../rules/engine/schema.ts';

const hit = (block: string, text: string, match: string): Finding => {
  const start = text.indexOf(match);
  return {
    rule: 'p/r',
    category: 'false-price',
    severity: 'error',
    message: 'm',
    start,
    end: start + match.length,
    match,
    basis: 'b',
    suggestions: [],
    block,
  };
};

describe('TabState', () => {
  it('keeps script blocks when a chat flood goes over the cap', () => {
    const t = new TabState();
    t.apply([{ id: 'script', text: '全网最低价', source: 'script' }], [hit('script', '全网最低价', '全网最低价')], 1);
    const chat = Array.from({ length: MAX_BLOCKS_PER_TAB + 500 }, (_, i) => ({ id: `c${i}`, text: `弹幕${i}`, source: 'chat' as const }));
    for (let i = 0; i < chat.length; i += 100) t.apply(chat.slice(i, i + 100), [], 2 + i);
    const ids = t.allBlocks().map((b) => b.id);
    expect(ids.length).toBe(MAX_BLOCKS_PER_TAB);
    expect(ids).toContain('script');
    // The newest chat stayed, the oldest went.
    expect(ids).toContain(`c${chat.length - 1}`);
    expect(ids).not.toContain('c0');
    expect(t.count()).toBe(1);
  });

  it('keys two occurrences of one phrase in a block apart, and keeps keys when text before them changes', () => {
    const t = new TabState();
    const text = '全网最低价，真的全网最低价';
    const f1 = hit('s', text, '全网最低价');
    const f2 = { ...f1, start: text.lastIndexOf('全网最低价'), end: text.lastIndexOf('全网最低价') + 5 };
    t.apply([{ id: 's', text, source: 'script' }], [f1, f2], 10);
    const keys = t.findings().map((f) => f.key).sort();
    expect(new Set(keys).size).toBe(2);
    const edited = '开场：' + text;
    t.apply([{ id: 's', text: edited, source: 'script' }], [{ ...f1, start: f1.start + 3, end: f1.end + 3 }, { ...f2, start: f2.start + 3, end: f2.end + 3 }], 20);
    expect(t.findings().map((f) => f.key).sort()).toEqual(keys);
    expect(t.findings().every((f) => f.seenAt === 10)).toBe(true);
  });
});
