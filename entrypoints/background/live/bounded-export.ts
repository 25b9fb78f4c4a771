import type { TabStateData } from './tab-state.ts';

// storage.session holds 10 MB. The live state used to be written whole, so past the limit the write
// failed and a restart restored an old, smaller state (600 findings came back as 80, the newest tab
// missing). Bounded by design instead: the newest tabs first, each tab's newest blocks first, in a
// budget well inside the quota.

/** UTF-16 units of JSON; Chinese is 3 bytes per unit in UTF-8, so at most ~9 MB written. */
export const LIVE_STATE_BUDGET = 3_000_000;

export interface BoundedState {
  data: Record<string, TabStateData>;
  /** Blocks left out (oldest first) to stay in budget; 0 in normal use. */
  trimmed: number;
}

export function boundedExport(tabs: ReadonlyArray<[number, TabStateData]>, budget = LIVE_STATE_BUDGET): BoundedState {
  const data: Record<string, TabStateData> = {};
  let left = budget;
  let trimmed = 0;
  for (const [id, tab] of [...tabs].sort((a, b) => b[1].updatedAt - a[1].updatedAt)) {
    let kept = tab;
    let size = JSON.stringify(kept).length;
    if (size > left) {
      // Keep the newest blocks that fit: start from the average block size, halve until it fits.
      const empty = JSON.stringify({ ...tab, blocks: [] }).length;
      const perBlock = tab.blocks.length ? (size - empty) / tab.blocks.length : 0;
      let n = perBlock > 0 ? Math.max(0, Math.floor((left - empty) / perBlock)) : 0;
      for (;;) {
        kept = { ...tab, blocks: n > 0 ? tab.blocks.slice(-n) : [] };
        size = JSON.stringify(kept).length;
        if (size <= left || n === 0) break;
        n = Math.floor(n / 2);
      }
      if (size > left) {
        trimmed += tab.blocks.length;
        continue;
      }
      trimmed += tab.blocks.length - kept.blocks.length;
    }
    data[id] = kept;
    left -= size;
  }
  return { data, trimmed };
}
