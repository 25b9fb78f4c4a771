import { contentMessageSchema } from '../../../rules/protocol/content.ts';
import { describeIssue, type TextBlock } from '../../../rules/engine/schema.ts';
import type { ProductCategory } from '../../../rules/engine/taxonomy.ts';
import type { CheckerHost } from '../checker/host.ts';
import { TabState, type TabStateData } from './tab-state.ts';
import { MAX_SNAPSHOT_FINDINGS, type PanelSnapshot } from '../../../rules/protocol/panel.ts';
import { feedInsights } from '../chat/insights.ts'; // chat insights + product checklist (chat-insights owner)
import { currentProduct } from '../products/current.ts'; // the product being presented (chat-insights owner)
import { boundedExport } from './bounded-export.ts';

// The background's live checking, free of browser APIs so it is unit-tested directly:
// validated content messages in, per-tab findings out, `onChange(tabId)` whenever a tab's
// findings may have changed (the wiring pushes snapshots and updates the badge).

export const SELECTION_BLOCK = 'livelint:selection';
/** Message types this service handles; other `livelint:*` types belong to other listeners (picks). */
const CONTENT_TYPES = new Set(['livelint:blocks', 'livelint:product']);

/** Same origin and path: hash and query changes inside a single-page console keep the findings. */
export function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return a === b;
  }
}

export class LiveService {
  readonly tabs = new Map<number, TabState>();
  /** Every content batch, before it is checked (the session recorder counts chat questions here). */
  onBlocks?: (tabId: number, blocks: readonly TextBlock[]) => void;
  productCategory: ProductCategory | null = null;

  constructor(
    private readonly host: CheckerHost,
    private readonly onChange: (tabId: number) => void,
    private readonly now: () => number = Date.now,
  ) {
    // Packs edited: what is on screen is re-checked with the new rules.
    host.onInvalidate(() => void this.recheckAll());
  }

  private tab(tabId: number): TabState {
    let t = this.tabs.get(tabId);
    if (!t) this.tabs.set(tabId, (t = new TabState()));
    return t;
  }

  /**
   * A message from a content script. Anything malformed is dropped with a warning: a page can
   * influence what its content script sends, so this must never throw.
   */
  async handleContent(raw: unknown, tabId: number | undefined): Promise<boolean> {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && !CONTENT_TYPES.has(type)) return false;
    const parsed = contentMessageSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('[livelint] ignored an invalid content message:', describeIssue(parsed.error));
      return false;
    }
    if (tabId === undefined || tabId < 0) {
      console.warn('[livelint] ignored a content message that did not come from a tab');
      return false;
    }
    const msg = parsed.data;
    const tab = this.tab(tabId);
    // Another page in this tab: the old page's findings describe nothing on screen any more. (The
    // worker cannot watch navigations itself without the tabs permission, which LiveLint avoids.)
    if (tab.url && !samePage(tab.url, msg.url)) tab.clear();
    tab.site = msg.site;
    tab.url = msg.url;
    if (msg.type === 'livelint:product') {
      tab.productName = msg.name;
      currentProduct.fromConsole(msg.name); // matching product by name/alias; a change re-checks (chat/hub.ts)
      this.onChange(tabId);
      return true;
    }
    tab.dropped += msg.dropped;
    tab.remove(msg.removed, this.now());
    feedInsights(tabId, msg.blocks);
    this.onBlocks?.(tabId, msg.blocks);
    await this.checkInto(tabId, msg.blocks);
    return true;
  }

  /** The context menu's 'check selection': the selected text becomes one script block of the tab. */
  async checkSelection(text: string, tabId: number, url = ''): Promise<void> {
    const tab = this.tab(tabId);
    if (!tab.site) tab.site = 'selection';
    if (url && !tab.url) tab.url = url;
    await this.checkInto(tabId, [{ id: SELECTION_BLOCK, text: text.slice(0, 200_000), source: 'script' }]);
  }

  private async checkInto(tabId: number, blocks: TextBlock[]) {
    const findings = await this.host.check(blocks, this.context());
    // The tab may have closed while the checker compiled.
    const tab = this.tabs.get(tabId);
    if (!tab) return;
    tab.apply(blocks, findings, this.now(), (r) => this.host.messageOf(r));
    this.onChange(tabId);
  }

  private context() {
    return { ...(this.productCategory ? { productCategory: this.productCategory } : {}), ...currentProduct.context() };
  }

  async setProductCategory(category: ProductCategory | null) {
    this.productCategory = category;
    await this.recheckAll();
  }

  async recheckAll() {
    for (const [tabId, tab] of this.tabs) {
      const blocks = tab.allBlocks();
      const findings = await this.host.check(blocks, this.context());
      tab.apply(blocks, findings, this.now(), (r) => this.host.messageOf(r));
      this.onChange(tabId);
    }
  }

  ignore(tabId: number, key: string) {
    this.tabs.get(tabId)?.ignore(key);
    this.onChange(tabId);
  }

  clear(tabId: number) {
    this.tabs.get(tabId)?.clear();
    this.onChange(tabId);
  }

  forgetTab(tabId: number) {
    if (this.tabs.delete(tabId)) this.onChange(tabId);
  }

  /** Every tab's state as plain data (see live-persist.ts). */
  /** The live state to persist, within storage.session's quota (newest tabs and blocks first). */
  exportTabs(budget?: number): Record<string, TabStateData> {
    const { data, trimmed } = boundedExport([...this.tabs].map(([id, t]) => [id, t.toData()] as [number, TabStateData]), budget);
    if (trimmed) console.warn(`[livelint] live state: ${trimmed} oldest blocks not kept across a worker restart (storage budget)`);
    return data;
  }

  /** Restores tabs saved before the worker stopped; tabs already live (newer) win. */
  importTabs(data: Record<string, TabStateData>) {
    for (const [key, value] of Object.entries(data)) {
      const id = Number(key);
      if (!Number.isInteger(id) || this.tabs.has(id)) continue;
      try {
        this.tabs.set(id, TabState.fromData(value));
      } catch {
        // a damaged entry is skipped: the page will send its text again
      }
    }
  }

  /** The tab most recently updated, for a panel that follows "whatever is being checked". */
  latestTab(): number | null {
    let best: number | null = null;
    let at = -1;
    for (const [id, t] of this.tabs) if (t.updatedAt > at) (best = id), (at = t.updatedAt);
    return best;
  }

  count(tabId: number): number {
    return this.tabs.get(tabId)?.count() ?? 0;
  }

  snapshot(tabId: number | null): PanelSnapshot {
    const tab = tabId === null ? undefined : this.tabs.get(tabId);
    const s = this.host.status;
    return {
      type: 'snapshot',
      tabId: tab ? tabId : null,
      ...(tab?.site ? { site: tab.site } : {}),
      ...(tab?.url ? { url: tab.url } : {}),
      ...(tab?.productName ? { productName: tab.productName } : {}),
      productCategory: this.productCategory,
      findings: tab ? tab.findings().slice(0, MAX_SNAPSHOT_FINDINGS) : [],
      count: tab ? tab.count() : 0,
      dropped: tab?.dropped ?? 0,
      engine: {
        ready: s.ready,
        ...(s.error ? { error: s.error } : {}),
        ...(s.using ? { using: s.using } : {}),
        ...(s.errorPack ? { errorPack: s.errorPack } : {}),
        ...(s.compileMs !== undefined ? { compileMs: s.compileMs } : {}),
      },
    };
  }
}
