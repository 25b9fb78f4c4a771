import { describe, expect, it } from 'vitest';
import { boundedExport } from '../../../entrypoints/background/live/bounded-export.ts';
import type { TabStateData } from '../../../entrypoints/background/live/tab-state.ts';

// The live state must fit storage.session: past its quota the whole write failed and a restart
// restored an older, smaller state (issue 12). Bounded instead, newest first.
function tab(updatedAt: number, blocks: number): TabStateData {
  return {
    site: 'demo',
    url: 'http://x/',
    dropped: 0,
    updatedAt,
    ignored: [],
    blocks: Array.from({ length: blocks }, (_, i) => ({
      block: { id: `b${updatedAt}-${i}`, text: '家人们今天全网最低价'.repeat(5), source: 'script' as const },
      findings: [],
    })),
  };
}

describe('boundedExport', () => {
  it('keeps everything when it fits', () => {
    const { data, trimmed } = boundedExport([[1, tab(1, 10)], [2, tab(2, 10)]], 1_000_000);
    expect(Object.keys(data).sort()).toEqual(['1', '2']);
    expect(trimmed).toBe(0);
  });

  it('keeps the newest tab whole and the newest blocks of the older ones within the budget', () => {
    const older = tab(1, 600);
    const newest = tab(9, 300);
    const budget = JSON.stringify(newest).length + JSON.stringify(tab(1, 100)).length;
    const { data, trimmed } = boundedExport([[1, older], [2, newest]], budget);
    expect(data['2'].blocks).toHaveLength(300);
    expect(data['1'].blocks.length).toBeGreaterThan(0);
    expect(data['1'].blocks.length).toBeLessThanOrEqual(100);
    // The blocks kept are the newest ones.
    expect(data['1'].blocks.at(-1)!.block.id).toBe(older.blocks.at(-1)!.block.id);
    expect(JSON.stringify(data).length).toBeLessThanOrEqual(budget + 10);
    expect(trimmed).toBe(600 - data['1'].blocks.length);
  });
});
