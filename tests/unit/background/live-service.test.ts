import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../../../rules/engine/index.ts';
import type { PackInput } from '../../../rules/engine/schema.ts';
import { CheckerHost } from '../../../entrypoints/background/checker/host.ts';
import { LiveService } from '../../../entrypoints/background/live/service.ts';
import { staticPackSource } from '../../../entrypoints/background/checker/pack-source.ts';
import { snapshotSchema } from '../../../rules/protocol/panel.ts';

// A small real pack through the real engine: the service is tested end to end without a browser.
const pack: PackInput = {
  id: 'test',
  name: { zh: '测试', en: 'Test' },
  rules: [
    {
      id: 'test/lowest-price',
      type: 'term',
      category: 'false-price',
      severity: 'error',
      message: { zh: '无法证明的最低价', en: 'Unprovable lowest price' },
      basis: '价格法 第14条',
      suggestions: ['直播间专属价'],
      // These tests use chat blocks as the busy source; rules read chat only when they opt in.
      sources: ['script', 'captions', 'chat'],
      terms: ['全网最低价'],
      examples: { flag: ['今天[[全网最低价]]'], pass: ['这个价格很实惠'] },
    },
    {
      id: 'test/best',
      type: 'term',
      category: 'absolute-term',
      severity: 'warning',
      message: { zh: '绝对化用语', en: 'Absolute claim' },
      basis: '广告法 第9条',
      sources: ['script', 'captions', 'chat'],
      terms: ['最好'],
      examples: { flag: ['[[最好]]的'], pass: ['很好的'] },
    },
  ],
};

function setup() {
  const changed = vi.fn();
  let clock = 1000;
  // The mini pack alone: these tests count the rules' findings (the model has its own tests).
  const host = new CheckerHost(staticPackSource([pack]), (p, o) => compile(p, { ...o, model: false }));
  const live = new LiveService(host, changed, () => clock++);
  return { live, changed };
}

const blocks = (blocks: { id: string; text: string; source?: string }[], extra: object = {}) => ({
  type: 'livelint:blocks',
  site: 'demo',
  url: 'http://127.0.0.1/demo',
  blocks,
  ...extra,
});

afterEach(() => vi.restoreAllMocks());

describe('LiveService', () => {
  it('checks content blocks and produces a valid snapshot with the sentence and both languages', async () => {
    const { live, changed } = setup();
    await live.handleContent(blocks([{ id: 's1', text: '家人们好。今天全网最低价！' }]), 5);
    expect(changed).toHaveBeenCalledWith(5);
    const snap = live.snapshot(5);
    expect(snapshotSchema.safeParse(snap).success).toBe(true);
    expect(snap.count).toBe(1);
    const f = snap.findings[0]!;
    expect(f.sentence).toBe('今天全网最低价！');
    expect(f.sentence.slice(f.hlStart, f.hlEnd)).toBe('全网最低价');
    expect(f.message).toEqual({ zh: '无法证明的最低价', en: 'Unprovable lowest price' });
    expect(f.source).toBe('script');
  });

  it('ignores malformed messages with a warning and never throws', async () => {
    const { live, changed } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await live.handleContent({ type: 'livelint:blocks', blocks: 'nope' }, 1)).toBe(false);
    expect(await live.handleContent(null, 1)).toBe(false);
    expect(await live.handleContent({ type: 'livelint:blocks', site: 'x', url: 'u', blocks: [{ id: '', text: 1 }] }, 1)).toBe(false);
    expect(await live.handleContent(blocks([{ id: 'a', text: '全网最低价' }]), undefined)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(4);
    // Another listener's message (the element picker's) is not this service's business: no warning.
    expect(await live.handleContent({ type: 'livelint:picks-get', origin: 'x' }, 1)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(4);
    expect(changed).not.toHaveBeenCalled();
    expect(live.tabs.size).toBe(0);
  });

  it('replaces a block on re-send, keeps first-seen times, and drops removed blocks', async () => {
    const { live } = setup();
    await live.handleContent(blocks([{ id: 's1', text: '全网最低价' }, { id: 's2', text: '最好的' }]), 1);
    const seen = live.snapshot(1).findings.find((f) => f.block === 's1')!.seenAt;
    await live.handleContent(blocks([{ id: 's1', text: '开场白，全网最低价' }]), 1);
    expect(live.snapshot(1).findings.find((f) => f.block === 's1')!.seenAt).toBe(seen);
    await live.handleContent(blocks([], { removed: ['s2'] }), 1);
    expect(live.snapshot(1).findings.map((f) => f.block)).toEqual(['s1']);
    await live.handleContent(blocks([{ id: 's1', text: '没问题的话' }]), 1);
    expect(live.snapshot(1).count).toBe(0);
  });

  it('orders newest first and keeps tabs apart', async () => {
    const { live } = setup();
    await live.handleContent(blocks([{ id: 'c1', text: '全网最低价', source: 'chat' }]), 1);
    await live.handleContent(blocks([{ id: 'c2', text: '最好的', source: 'chat' }]), 1);
    await live.handleContent(blocks([{ id: 'x', text: '最好的' }]), 2);
    expect(live.snapshot(1).findings.map((f) => f.block)).toEqual(['c2', 'c1']);
    expect(live.snapshot(2).findings.map((f) => f.block)).toEqual(['x']);
    expect(live.latestTab()).toBe(2);
    live.forgetTab(2);
    expect(live.latestTab()).toBe(1);
  });

  it('ignore once removes the finding from the feed and the badge count', async () => {
    const { live } = setup();
    await live.handleContent(blocks([{ id: 'a', text: '全网最低价。最好的' }]), 1);
    expect(live.count(1)).toBe(2);
    live.ignore(1, live.snapshot(1).findings.find((f) => f.rule === 'test/best')!.key);
    expect(live.count(1)).toBe(1);
    expect(live.snapshot(1).findings.map((f) => f.rule)).toEqual(['test/lowest-price']);
  });

  it('counts sentences the host said: two laws in one sentence are one, a viewer’s chat none', async () => {
    const { live } = setup();
    await live.handleContent(blocks([{ id: 'a', text: '全网最低价，最好的' }, { id: 'c', text: '全网最低价', source: 'chat' }]), 1);
    expect(live.snapshot(1).findings.filter((f) => f.block === 'a')).toHaveLength(2);
    expect(live.snapshot(1).findings.some((f) => f.block === 'c')).toBe(true);
    expect(live.count(1)).toBe(1);
  });

  it('checks a selection as a script block of the tab', async () => {
    const { live } = setup();
    await live.checkSelection('选中的文字：全网最低价', 9, 'https://example.test/');
    const snap = live.snapshot(9);
    expect(snap.findings.map((f) => f.match)).toEqual(['全网最低价']);
    expect(snap.url).toBe('https://example.test/');
  });

  it('re-checks held blocks when the product category changes', async () => {
    const { live, changed } = setup();
    await live.handleContent(blocks([{ id: 'a', text: '全网最低价' }]), 1);
    changed.mockClear();
    await live.setProductCategory('food');
    expect(live.productCategory).toBe('food');
    expect(changed).toHaveBeenCalledWith(1);
    expect(live.snapshot(1).productCategory).toBe('food');
  });

  it('forgets the previous page when the tab shows another one, not on a hash change', async () => {
    const { live } = setup();
    await live.handleContent({ ...blocks([{ id: 'a', text: '全网最低价' }]), url: 'https://x.test/live#1' }, 1);
    await live.handleContent({ ...blocks([{ id: 'b', text: '最好的' }]), url: 'https://x.test/live#2' }, 1);
    expect(live.snapshot(1).findings.map((f) => f.block).sort()).toEqual(['a', 'b']);
    await live.handleContent({ ...blocks([{ id: 'c', text: '最好的' }]), url: 'https://x.test/other' }, 1);
    expect(live.snapshot(1).findings.map((f) => f.block)).toEqual(['c']);
  });

  it('counts dropped chat messages and records the product name', async () => {
    const { live } = setup();
    await live.handleContent(blocks([], { dropped: 30 }), 1);
    await live.handleContent({ type: 'livelint:product', site: 'demo', url: 'http://127.0.0.1/demo', name: '玻尿酸面膜' }, 1);
    const snap = live.snapshot(1);
    expect(snap.dropped).toBe(30);
    expect(snap.productName).toBe('玻尿酸面膜');
  });

  it('an unknown tab gives an empty snapshot', () => {
    const { live } = setup();
    const snap = live.snapshot(123);
    expect(snap.tabId).toBeNull();
    expect(snap.findings).toEqual([]);
  });
});

describe('live state persistence', () => {
  it('survives a worker restart through the session area, minus clean chat', async () => {
    const { livePersistence } = await import('../../../entrypoints/background/live/persist.ts');
    const store: Record<string, unknown> = {};
    const area = {
      get: async (k: string) => ({ [k]: structuredClone(store[k]) }),
      set: async (items: Record<string, unknown>) => void Object.assign(store, items),
    };
    vi.useFakeTimers();
    try {
      const first = setup();
      const persist = livePersistence(first.live, area);
      await first.live.handleContent(
        blocks([
          { id: 's1', text: '全网最低价，最好的' },
          { id: 'c1', text: '好看', source: 'chat' },
          { id: 'c2', text: '最好的', source: 'chat' },
        ]),
        4,
      );
      first.live.ignore(4, first.live.snapshot(4).findings.find((f) => f.block === 's1' && f.rule === 'test/best')!.key);
      persist.schedule();
      await vi.advanceTimersByTimeAsync(600);

      const second = setup(); // a fresh worker
      await livePersistence(second.live, area).restore();
      const snap = second.live.snapshot(4);
      expect(snap.findings.map((f) => `${f.block}:${f.rule}`).sort()).toEqual(['c2:test/best', 's1:test/lowest-price']);
      // The badge counts the host's s1 only: c2 is a viewer's message.
      expect(second.live.count(4)).toBe(1);
      expect(second.live.tabs.get(4)!.allBlocks().map((b) => b.id).sort()).toEqual(['c2', 's1']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing without a session area, and skips damaged entries', async () => {
    const { livePersistence } = await import('../../../entrypoints/background/live/persist.ts');
    const { live } = setup();
    await livePersistence(live, undefined).restore();
    const area = { get: async () => ({ 'livelint:live': { x: 1, '3': null } }), set: async () => {} };
    await livePersistence(live, area).restore();
    expect(live.tabs.size).toBe(0);
  });
});
