import type { TextBlockInput } from '../../rules/engine/schema.ts';
import { diffBlocks, hash, scriptBlocks } from './blocks.ts';
import { ChatQueue, type QueuedBlock, type Via } from './chat-queue.ts';
import { editableText } from './dom-read.ts';
import type { ChatItem, SiteAdapter } from './sites/types.ts';

// Observes one page through one adapter and sends what changed: script paragraphs (debounced),
// caption lines (each new or changed line), chat (each new message once, batched). Everything the
// page can trigger runs inside `guard`, so a failure here never surfaces in the page's console.

export interface OutgoingBlocks {
  type: 'livelint:blocks';
  site: string;
  url: string;
  blocks: (TextBlockInput & { via?: Via })[];
  dropped: number;
  removed: string[];
  /** Wall-clock send time, so end-to-end latency can be split into sensor and transport. */
  sentAt: number;
  /** Longest single piece of sensor work on the page's main thread since the previous message. */
  sensorMaxTaskMs: number;
  /** Total sensor work on the main thread since the previous message. */
  sensorBusyMs: number;
}
export interface OutgoingProduct {
  type: 'livelint:product';
  site: string;
  url: string;
  name: string;
}
export type Outgoing = OutgoingBlocks | OutgoingProduct;

/** Resolves true when delivered; rejects with the browser's error otherwise. */
export type Send = (message: Outgoing) => Promise<unknown>;

export interface WatchOptions {
  adapter: SiteAdapter;
  doc: Document;
  send: Send;
  /** Called once when the extension context is gone (reloaded or updated extension). */
  onStop?: () => void;
  /** False once the extension was reloaded or removed; checked every rebind, so a quiet page stops too. */
  isAlive?: () => boolean;
  now?: () => number;
  scriptDebounceMs?: number;
  /** Longest a host can type without a pause before the script is sent anyway. */
  scriptMaxWaitMs?: number;
  chatIntervalMs?: number;
  rebindMs?: number;
  maxBatch?: number;
  queueMax?: number;
  /** Network comments seen this recently make DOM chat reading pause (the network copy is canonical). */
  networkQuietMs?: number;
  /** Prefix for script and caption ids, so an editor in an iframe doesn't collide with the top page's. */
  idPrefix?: string;
  /**
   * The URL messages report: the top page's where readable, so every frame of one page reports the
   * same page (the background clears a tab's findings when the reported page changes).
   */
  pageUrl?: () => string;
}

export function isInvalidation(err: unknown): boolean {
  const msg = String((err as Error)?.message ?? err);
  return /Extension context invalidated|context invalidated|Extension has been reloaded/i.test(msg);
}

const MAX_ROWS_PER_MUTATION = 1000;

export class Watcher {
  readonly chat: ChatQueue;
  stopped = false;
  /** Counters for diagnostics and tests (never sent to the page). */
  readonly stats = { scriptSends: 0, chatSends: 0, captionSends: 0, errors: 0, rowsRead: 0 };

  private adapter: SiteAdapter;
  private readonly doc: Document;
  private readonly now: () => number;
  private readonly o: Required<Omit<WatchOptions, 'adapter' | 'doc' | 'send' | 'onStop' | 'now' | 'isAlive' | 'idPrefix' | 'pageUrl'>>;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private rebindTimer: ReturnType<typeof setInterval> | undefined;
  private rebindCount = 0;

  private scriptEl: Element | null = null;
  private scriptTimer: ReturnType<typeof setTimeout> | undefined;
  private scriptFirstPending = 0;
  private lastScript: string | undefined;
  private sentScriptIds = new Set<string>();

  private chatEl: Element | null = null;
  private chatObserver: MutationObserver | undefined;
  private chatTimer: ReturnType<typeof setTimeout> | undefined;
  private chatInFlight = false;
  private lastChatFlush = 0;
  private lastNetworkAt = -Infinity;

  private capEl: Element | null = null;
  private capObserver: MutationObserver | undefined;
  private capTimer: ReturnType<typeof setTimeout> | undefined;
  private capSeq = new WeakMap<Element, number>();
  private nextCapSeq = 0;
  private capSent = new Map<number, string>();
  private readonly loadId = hash(String(Math.random())).slice(0, 4);

  private lastProduct: string | undefined;
  private maxTaskMs = 0;
  private busyMs = 0;
  private readonly onInput = (e: Event) => this.guard(() => this.handleInput(e));

  constructor(private readonly opts: WatchOptions) {
    this.adapter = opts.adapter;
    this.doc = opts.doc;
    this.now = opts.now ?? (() => Date.now());
    this.o = {
      scriptDebounceMs: opts.scriptDebounceMs ?? 150,
      scriptMaxWaitMs: opts.scriptMaxWaitMs ?? 600,
      chatIntervalMs: opts.chatIntervalMs ?? 250,
      rebindMs: opts.rebindMs ?? 1000,
      maxBatch: opts.maxBatch ?? 500,
      queueMax: opts.queueMax ?? 2000,
      networkQuietMs: opts.networkQuietMs ?? 10_000,
    };
    this.chat = new ChatQueue(this.o.queueMax);
  }

  start(): void {
    if (this.stopped) return;
    // Capture phase on the document: editors that stop propagation still reach us, and a
    // replaced script box needs no re-subscription.
    this.doc.addEventListener('input', this.onInput, true);
    this.rebind();
    this.rebindTimer = setInterval(() => this.guard(() => this.rebind()), this.o.rebindMs);
  }

  /** Stops everything quietly: observers disconnected, timers cleared, listeners removed. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.doc.removeEventListener('input', this.onInput, true);
    clearInterval(this.rebindTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    clearTimeout(this.scriptTimer);
    clearTimeout(this.chatTimer);
    clearTimeout(this.capTimer);
    this.chatObserver?.disconnect();
    this.capObserver?.disconnect();
    this.opts.onStop?.();
  }

  /** A different adapter (SPA navigation to another kind of page, or the user picked elements). */
  setAdapter(adapter: SiteAdapter): void {
    this.adapter = adapter;
    this.scriptEl = null;
    this.bindChat(null);
    this.bindCaptions(null);
    this.rebind();
  }

  /** Messages read from the console's network responses by the MAIN-world tap. */
  pushNetworkChat(items: ChatItem[]): void {
    if (this.stopped || !items.length) return;
    this.guard(() => {
      this.lastNetworkAt = this.now();
      this.enqueueChat(items, 'network');
    });
  }

  /** Re-finds the script box, chat list and captions; cheap, runs every second and on navigation. */
  rebind(forceDeep = false): void {
    if (this.stopped) return;
    if (this.opts.isAlive && !this.opts.isAlive()) return this.stop();
    // Open shadow roots are walked only every fifth pass: a full walk of a big page is not free.
    const deep = this.rebindCount++ % 5 === 0 || forceDeep;
    const root = this.doc;
    const a = this.adapter;

    const box = a.script ? (this.findLive(this.scriptEl, () => a.findScriptBox(root), deep)) : null;
    if (box !== this.scriptEl) this.scriptEl = box;
    if (box && editableText(box) !== this.lastScript) this.scheduleScript();

    const list = a.chat ? this.findLive(this.chatEl, () => a.findChatList(root), deep) : null;
    if (list !== this.chatEl) this.bindChat(list);

    const caps = a.captions ? this.findLive(this.capEl, () => a.findCaptions(root), deep) : null;
    if (caps !== this.capEl) this.bindCaptions(caps);

    if (a.product) {
      const name = a.readProduct(root);
      if (name && name !== this.lastProduct) {
        this.lastProduct = name;
        this.deliver({ type: 'livelint:product', site: a.id, url: this.url(), name: name.slice(0, 500) });
      }
    }
  }

  /** Keeps the current element while it is still in the page, else looks again. */
  private findLive(current: Element | null, find: () => Element | null, deep: boolean): Element | null {
    if (current && current.isConnected && !deep) return current;
    return find() ?? (current && current.isConnected ? current : null);
  }

  // ---- script -------------------------------------------------------------------------------

  private handleInput(e: Event): void {
    const target = (e.composedPath?.()[0] ?? e.target) as Node | null;
    if (!target) return;
    // Typing into an editor we haven't found yet (one just created inside a shadow root): look now.
    if (!this.scriptEl || !this.scriptEl.isConnected) this.rebind(true);
    if (this.scriptEl && (this.scriptEl === target || this.scriptEl.contains(target))) this.scheduleScript();
  }

  private scheduleScript(): void {
    const now = this.now();
    if (this.scriptTimer === undefined) this.scriptFirstPending = now;
    clearTimeout(this.scriptTimer);
    const waited = now - this.scriptFirstPending;
    const delay = waited >= this.o.scriptMaxWaitMs ? 0 : this.o.scriptDebounceMs;
    this.scriptTimer = setTimeout(() => {
      this.scriptTimer = undefined;
      this.guard(() => this.flushScript());
    }, delay);
  }

  private flushScript(): void {
    const el = this.scriptEl;
    if (!el || this.stopped) return;
    const text = editableText(el);
    if (text === this.lastScript) return;
    this.lastScript = text;
    const prefix = this.opts.idPrefix ?? '';
    const blocks = scriptBlocks(text).map((b) => (prefix ? { ...b, id: prefix + b.id } : b));
    const { changed, removed } = diffBlocks(this.sentScriptIds, blocks);
    this.sentScriptIds = new Set(blocks.map((b) => b.id));
    if (!changed.length && !removed.length) return;
    this.stats.scriptSends++;
    const max = this.o.maxBatch;
    for (let i = 0; i < Math.max(changed.length, 1); i += max) {
      this.deliver(this.blocksMessage(changed.slice(i, i + max), 0, i === 0 ? removed.slice(0, max) : []));
    }
  }

  // ---- chat ---------------------------------------------------------------------------------

  private bindChat(list: Element | null): void {
    this.chatObserver?.disconnect();
    this.chatEl = list;
    if (!list) return;
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.chatObserver = new Observer((records) => this.guard(() => this.onChatMutations(records)));
    this.chatObserver.observe(list, { childList: true, subtree: true });
    // Rows already on screen when we arrive are new to us.
    this.readChatRows([list]);
  }

  private onChatMutations(records: MutationRecord[]): void {
    const added: Element[] = [];
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) added.push(n as Element);
    this.readChatRows(added);
  }

  private readChatRows(roots: Element[]): void {
    if (this.now() - this.lastNetworkAt < this.o.networkQuietMs) return;
    const items: ChatItem[] = [];
    for (const root of roots) {
      if (items.length >= MAX_ROWS_PER_MUTATION) {
        // A single re-render this large is read on the next pass; count what we skipped now.
        this.chat.dropped += this.adapter.readChat(root, this.chatEl).length;
        continue;
      }
      items.push(...this.adapter.readChat(root, this.chatEl));
    }
    this.stats.rowsRead += items.length;
    // A list the user picked is read generically: say so, the panel may trust it less.
    this.enqueueChat(items, this.adapter.chat?.directChildren ? 'picked' : 'dom');
  }

  private enqueueChat(items: ChatItem[], via: Via): void {
    if (this.chat.push(items, via, this.now()) > 0 || this.chat.dropped) this.scheduleChat();
  }

  private scheduleChat(): void {
    if (this.chatTimer !== undefined || this.chatInFlight || this.stopped) return;
    const wait = Math.max(0, this.lastChatFlush + this.o.chatIntervalMs - this.now());
    this.chatTimer = setTimeout(() => {
      this.chatTimer = undefined;
      this.guard(() => this.flushChat());
    }, wait);
  }

  private flushChat(): void {
    if (this.stopped || (!this.chat.size && !this.chat.dropped)) return;
    this.lastChatFlush = this.now();
    const { blocks, dropped } = this.chat.take(this.o.maxBatch);
    this.chatInFlight = true;
    this.stats.chatSends++;
    this.deliver(this.blocksMessage(blocks, dropped, []), (ok) => {
      this.chatInFlight = false;
      // The background was busy or not listening yet: keep the batch (bounded), retry next tick.
      if (!ok && !this.stopped) this.chat.giveBack(blocks as QueuedBlock[], dropped);
      if (this.chat.size || this.chat.dropped) this.scheduleChat();
    });
  }

  // ---- captions -----------------------------------------------------------------------------

  private bindCaptions(el: Element | null): void {
    this.capObserver?.disconnect();
    this.capEl = el;
    if (!el) return;
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.capObserver = new Observer(() => this.guard(() => this.scheduleCaptions()));
    this.capObserver.observe(el, { childList: true, subtree: true, characterData: true });
    this.scheduleCaptions();
  }

  private scheduleCaptions(): void {
    clearTimeout(this.capTimer);
    this.capTimer = setTimeout(() => {
      this.capTimer = undefined;
      this.guard(() => this.flushCaptions());
    }, this.o.scriptDebounceMs);
  }

  private flushCaptions(): void {
    if (!this.capEl || this.stopped) return;
    const out: TextBlockInput[] = [];
    for (const { el, text } of this.adapter.readCaptionLines(this.capEl)) {
      let seq = this.capSeq.get(el);
      if (seq === undefined) this.capSeq.set(el, (seq = this.nextCapSeq++));
      if (this.capSent.get(seq) === text) continue;
      this.capSent.set(seq, text);
      out.push({ id: `${this.opts.idPrefix ?? ''}cap:${this.loadId}:${seq}`, text, source: 'captions', at: this.now() });
    }
    // Only recent lines can still change; forget the rest so a day-long stream stays bounded.
    while (this.capSent.size > 500) this.capSent.delete(this.capSent.keys().next().value!);
    if (!out.length) return;
    this.stats.captionSends++;
    this.deliver(this.blocksMessage(out.slice(-this.o.maxBatch), 0, []));
  }

  // ---- delivery -----------------------------------------------------------------------------

  private url(): string {
    let url = '';
    try {
      url = this.opts.pageUrl?.() ?? this.doc.location?.href ?? '';
    } catch {
      url = this.doc.location?.href ?? '';
    }
    return url.slice(0, 4096);
  }

  private blocksMessage(blocks: OutgoingBlocks['blocks'], dropped: number, removed: string[]): OutgoingBlocks {
    const sensorMaxTaskMs = Math.round(this.maxTaskMs * 10) / 10;
    const sensorBusyMs = Math.round(this.busyMs * 10) / 10;
    this.maxTaskMs = this.busyMs = 0;
    return { type: 'livelint:blocks', site: this.adapter.id, url: this.url(), blocks, dropped, removed, sentAt: Date.now(), sensorMaxTaskMs, sensorBusyMs };
  }

  private deliver(message: Outgoing, done?: (ok: boolean) => void): void {
    if (this.stopped) return;
    let p: Promise<unknown>;
    try {
      p = this.opts.send(message);
    } catch (err) {
      this.fail(err);
      done?.(false);
      return;
    }
    p.then(
      () => done?.(true),
      (err) => {
        this.fail(err);
        done?.(false);
      },
    );
  }

  private fail(err: unknown): void {
    this.stats.errors++;
    if (isInvalidation(err)) this.stop();
  }

  /** Runs page-triggered work; errors are counted, invalidation stops the watcher, nothing is thrown. */
  private guard(fn: () => void): void {
    if (this.stopped) return;
    const t0 = performance.now();
    try {
      fn();
    } catch (err) {
      this.fail(err);
    }
    const took = performance.now() - t0;
    this.busyMs += took;
    if (took > this.maxTaskMs) this.maxTaskMs = took;
  }
}
