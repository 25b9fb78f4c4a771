import { CHAT_BUCKET_MS, chatBlock, chatKey } from './blocks.ts';
import type { ChatItem } from './sites/types.ts';
import type { TextBlockInput } from '../../rules/engine/schema.ts';

export type Via = 'dom' | 'network' | 'picked';
export type QueuedBlock = TextBlockInput & { via: Via };

/**
 * Chat on a big room arrives at hundreds of messages a second, from the DOM and the network at
 * once, and virtualised lists re-render the same rows. This keeps each message once, holds at
 * most `max` waiting messages, and counts (never silently loses) what it had to drop.
 */
export class ChatQueue {
  private queue: QueuedBlock[] = [];
  private seen = new Map<string, number>(); // chat key -> last time seen
  dropped = 0;
  accepted = 0;
  duplicates = 0;

  constructor(
    readonly max = 2000,
    readonly seenMax = 20_000,
    readonly windowMs = CHAT_BUCKET_MS,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  /** Adds new messages; returns how many were new. */
  push(items: ChatItem[], via: Via, now: number): number {
    let added = 0;
    for (const item of items) {
      if (!item.text) continue;
      const key = chatKey(item);
      const last = this.seen.get(key);
      if (last !== undefined && now - last < this.windowMs) {
        this.duplicates++;
        continue;
      }
      // Re-insert so Map order is least-recently-seen first, which makes eviction O(1).
      this.seen.delete(key);
      this.seen.set(key, now);
      if (this.seen.size > this.seenMax) this.seen.delete(this.seen.keys().next().value!);
      this.queue.push({ ...chatBlock(item, now), via });
      added++;
      this.accepted++;
    }
    // Under a flood keep the newest: they are what the host is reacting to right now.
    const over = this.queue.length - this.max;
    if (over > 0) {
      this.queue.splice(0, over);
      this.dropped += over;
    }
    return added;
  }

  /** Takes up to `n` messages and the dropped count since the last take. */
  take(n: number): { blocks: QueuedBlock[]; dropped: number } {
    const blocks = this.queue.splice(0, n);
    const dropped = this.dropped;
    this.dropped = 0;
    return { blocks, dropped };
  }

  /** Puts a batch back in front (the send failed for a reason that may pass), or counts it dropped. */
  giveBack(blocks: QueuedBlock[], dropped: number): void {
    this.queue.unshift(...blocks);
    this.dropped += dropped;
    const over = this.queue.length - this.max;
    if (over > 0) {
      this.queue.splice(0, over);
      this.dropped += over;
    }
  }
}
