import type { Finding, TextBlock } from '../../../rules/engine/schema.ts';
import type { LiveFinding } from '../../../rules/protocol/panel.ts';
import { sentenceAround } from './sentence.ts';
import { localizedMessage } from '../../../rules/engine/product/hit.ts';

// What the background remembers about one browser tab: the text blocks read from its page (so a
// product or pack change can re-check them) and the findings on each block.

/** Chat keeps arriving for hours; keep the most recent blocks only (memory stays bounded). */
export const MAX_BLOCKS_PER_TAB = 3000;

export type MessageOf = (ruleId: string) => { zh: string; en: string } | undefined;

interface BlockEntry {
  block: TextBlock;
  findings: LiveFinding[];
}

/**
 * A key that survives re-checks of an edited block: rule + block + match + which occurrence of that
 * match it is. Typing elsewhere in the script shifts offsets but keeps the key (and its seenAt).
 */
function keysFor(findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.block}#${f.rule}#${f.match}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  });
}

/** A tab's state as plain data, for storage.session (survives the worker being stopped). */
export interface TabStateData {
  site: string;
  url: string;
  productName?: string;
  dropped: number;
  updatedAt: number;
  blocks: BlockEntry[];
  ignored: string[];
}

export class TabState {
  site = '';
  url = '';
  productName?: string;
  dropped = 0;
  updatedAt = 0;
  private blocks = new Map<string, BlockEntry>();
  private ignored = new Set<string>();

  /** Stores blocks and their (already checked) findings, keeping first-seen times of known findings. */
  apply(blocks: TextBlock[], findings: Finding[], now: number, messageOf: MessageOf = () => undefined) {
    const byBlock = new Map<string, Finding[]>();
    for (const f of findings) {
      let list = byBlock.get(f.block);
      if (!list) byBlock.set(f.block, (list = []));
      list.push(f);
    }
    for (const block of blocks) {
      const previous = this.blocks.get(block.id);
      const before = new Map(previous?.findings.map((f) => [f.key, f.seenAt]));
      const found = (byBlock.get(block.id) ?? []).sort((a, b) => a.start - b.start);
      const keys = keysFor(found);
      const live = found.map((f, i): LiveFinding => {
        const key = keys[i]!;
        const span = sentenceAround(block.text, f.start, f.end);
        return {
          key,
          rule: f.rule,
          category: f.category,
          severity: f.severity,
          message: messageOf(f.rule) ?? localizedMessage(f) ?? { zh: f.message, en: f.message },
          basis: f.basis,
          suggestions: f.suggestions,
          match: f.match,
          block: block.id,
          source: block.source,
          ...(block.author ? { author: block.author } : {}),
          ...span,
          seenAt: before.get(key) ?? now,
        };
      });
      // Re-insert so the Map's order is "least recently touched first" for eviction.
      this.blocks.delete(block.id);
      this.blocks.set(block.id, { block, findings: live });
    }
    this.evict();
    this.updatedAt = now;
  }

  /**
   * Over the cap, the oldest chat and caption lines go first: they stream by the thousand, while
   * the script's few paragraphs must not be pushed out by a busy chat.
   */
  private evict() {
    let excess = this.blocks.size - MAX_BLOCKS_PER_TAB;
    if (excess <= 0) return;
    for (const [id, e] of this.blocks) {
      if (excess <= 0) break;
      if (e.block.source !== 'script') {
        this.blocks.delete(id);
        excess--;
      }
    }
    for (const id of this.blocks.keys()) {
      if (excess <= 0) break;
      this.blocks.delete(id);
      excess--;
    }
  }

  remove(ids: string[], now: number) {
    for (const id of ids) this.blocks.delete(id);
    if (ids.length) this.updatedAt = now;
  }

  /** Every block still held, for a re-check after the product or the packs changed. */
  allBlocks(): TextBlock[] {
    return [...this.blocks.values()].map((e) => e.block);
  }

  /**
   * The script paragraphs held, in page order. The Map is ordered by last touch (for eviction), so
   * order comes from the content script's ids (script:<index>:<hash>); other script blocks (a
   * checked selection) follow in the order they arrived.
   */
  scriptTexts(): string[] {
    const indexed: Array<{ at: number; text: string }> = [];
    const rest: string[] = [];
    for (const { block } of this.blocks.values()) {
      if (block.source !== 'script') continue;
      const m = /^script:(\d+):/.exec(block.id);
      if (m) indexed.push({ at: Number(m[1]), text: block.text });
      else rest.push(block.text);
    }
    return [...indexed.sort((a, b) => a.at - b.at).map((e) => e.text), ...rest];
  }

  ignore(key: string) {
    this.ignored.add(key);
  }

  clear() {
    this.blocks.clear();
    this.ignored.clear();
    this.dropped = 0;
  }

  /**
   * Plain data to persist. Chat lines without findings are left out: they are most of the volume and
   * re-checking old chat after a restart is worth less than staying small.
   */
  toData(): TabStateData {
    const blocks = [...this.blocks.values()].filter((e) => e.block.source !== 'chat' || e.findings.length > 0);
    return {
      site: this.site,
      url: this.url,
      ...(this.productName ? { productName: this.productName } : {}),
      dropped: this.dropped,
      updatedAt: this.updatedAt,
      blocks,
      ignored: [...this.ignored],
    };
  }

  static fromData(data: TabStateData): TabState {
    const t = new TabState();
    t.site = data.site;
    t.url = data.url;
    if (data.productName) t.productName = data.productName;
    t.dropped = data.dropped;
    t.updatedAt = data.updatedAt;
    for (const e of data.blocks) t.blocks.set(e.block.id, e);
    for (const k of data.ignored) t.ignored.add(k);
    return t;
  }

  /** Visible findings, newest first. */
  findings(): LiveFinding[] {
    const out: LiveFinding[] = [];
    for (const entry of this.blocks.values()) {
      for (const f of entry.findings) if (!this.ignored.has(f.key)) out.push(f);
    }
    return out.sort((a, b) => b.seenAt - a.seenAt || a.key.localeCompare(b.key));
  }

  /**
   * What the toolbar badge shows: sentences the host said (script or captions, never a viewer's
   * chat) with a warning or error not ignored. Two laws in one sentence are one thing to fix.
   */
  count(): number {
    const sentences = new Set<string>();
    for (const entry of this.blocks.values()) {
      if (entry.block.source === 'chat') continue;
      for (const f of entry.findings) if (f.severity !== 'info' && !this.ignored.has(f.key)) sentences.add(`${f.block}\u0000${f.sentence}`);
    }
    return sentences.size;
  }
}
