import { browser, type Browser } from 'wxt/browser';
import { talkingPoints, type Product } from '../../../rules/engine/product/index.ts';
import type { Checker } from '../../../rules/engine/check.ts';
import { describeIssue } from '../../../rules/engine/schema.ts';
import { getDb, type LivelintDb } from '../../../rules/store/db.ts';
import { getSetting, listProducts, setSetting } from '../../../rules/store/records.ts';
import type { CheckerHost } from '../checker/host.ts';
import type { LiveService } from '../live/service.ts';
import { ChatInsights, chatInsights } from './insights.ts';
import { INSIGHTS_PORT, panelToInsightsSchema, type ProductState } from '../../../rules/protocol/chat.ts';
import { currentProduct, productFromRow } from '../products/current.ts';

// The Port the panel's Chat tab and product section listen on. Chat insights are pushed at most
// every PUSH_MS per tab (a flood of 200 messages a second becomes 4 small snapshots), product
// state when the product, the list or the checklist changes. A product change re-checks what is on
// screen, so product-mismatch findings appear (or go) in the Live feed.

const PUSH_MS = 250;
const SELECTED_KEY = 'livelint:product';

interface Subscriber {
  port: Browser.runtime.Port;
  tabId: number | null;
}

export function startInsightsHub(live: LiveService, host: CheckerHost, db: LivelintDb = getDb()) {
  const subscribers = new Set<Subscriber>();
  const target = (s: Subscriber) => s.tabId ?? live.latestTab();

  const post = (s: Subscriber, message: unknown) => {
    try {
      s.port.postMessage(message);
    } catch {
      subscribers.delete(s);
    }
  };

  const insightsFor = (tabId: number | null) =>
    ((tabId === null ? undefined : chatInsights.of(tabId)) ?? new ChatInsights()).snapshot(tabId, Date.now());

  // Trailing throttle per tab: the first change schedules a push, later ones ride along.
  const pending = new Set<number>();
  chatInsights.onChange((tabId) => {
    if (pending.has(tabId)) return;
    pending.add(tabId);
    setTimeout(() => {
      pending.delete(tabId);
      for (const s of subscribers) if (target(s) === tabId) post(s, insightsFor(tabId));
    }, PUSH_MS);
  });

  let points: { record: Product; generation: number; list: ProductState['talkingPoints'] } | null = null;
  async function talkingPointsOf(record: Product): Promise<ProductState['talkingPoints']> {
    const generation = host.status.generation;
    if (points?.record === record && points.generation === generation) return points.list;
    const checker = (await host.checker()) as unknown as Checker | null;
    if (!checker) return [];
    const list = talkingPoints(record, checker, { limit: 8 });
    points = { record, generation: host.status.generation, list };
    return list;
  }

  async function productState(tabId: number | null): Promise<ProductState> {
    const cur = currentProduct.current;
    const blocks = tabId === null ? [] : (live.tabs.get(tabId)?.allBlocks() ?? []);
    const texts = blocks.filter((b) => b.source !== 'chat').map((b) => b.text);
    return {
      type: 'product-state',
      tabId,
      products: currentProduct.products.map((p) => ({ id: p.id, name: p.record.name, category: p.record.category })),
      current: cur ? { id: cur.id, name: cur.record.name, category: cur.record.category } : null,
      source: currentProduct.source,
      ...(currentProduct.consoleName && !cur ? { consoleName: currentProduct.consoleName } : {}),
      checklist: currentProduct.checklistFor(tabId, texts),
      talkingPoints: cur ? await talkingPointsOf(cur.record).catch(() => []) : [],
    };
  }

  const pushProduct = async (s: Subscriber) => post(s, await productState(target(s)));
  let productTimer: ReturnType<typeof setTimeout> | null = null;
  const schedulePush = () => {
    productTimer ??= setTimeout(() => {
      productTimer = null;
      for (const s of subscribers) void pushProduct(s);
    }, PUSH_MS);
  };

  // The product changed: answers, findings and the checklist all depend on it.
  let lastRecord: Product | null = null;
  currentProduct.onChange(() => {
    const record = currentProduct.record();
    if (record !== lastRecord) {
      lastRecord = record;
      chatInsights.setProduct(record);
      void live.recheckAll();
    }
    schedulePush();
  });

  async function loadProducts() {
    try {
      const rows = await listProducts(db);
      currentProduct.setProducts(rows.map(productFromRow).filter((p) => p !== null));
    } catch (e) {
      console.warn('[livelint] reading products failed:', e);
    }
  }

  const ready = loadProducts().then(async () => {
    const saved = await getSetting<number | null>(db, SELECTED_KEY, null).catch(() => null);
    if (saved !== null && !currentProduct.current) currentProduct.select(saved);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== INSIGHTS_PORT) return;
    const sub: Subscriber = { port, tabId: null };
    port.onDisconnect.addListener(() => subscribers.delete(sub));
    port.onMessage.addListener((raw: unknown) => {
      const parsed = panelToInsightsSchema.safeParse(raw);
      if (!parsed.success) {
        console.warn('[livelint] ignored an invalid insights message:', describeIssue(parsed.error));
        return;
      }
      const msg = parsed.data;
      void ready.then(async () => {
        switch (msg.type) {
          case 'subscribe':
            sub.tabId = msg.tabId;
            // A panel opening is when products edited elsewhere (manager, another window) are read again.
            if (!subscribers.has(sub)) await loadProducts();
            subscribers.add(sub);
            post(sub, insightsFor(target(sub)));
            await pushProduct(sub);
            break;
          case 'select-product':
            currentProduct.select(msg.id);
            await setSetting(db, SELECTED_KEY, msg.id).catch(() => {});
            break;
          case 'products-changed':
            await loadProducts();
            if (msg.select !== undefined) {
              currentProduct.select(msg.select);
              await setSetting(db, SELECTED_KEY, msg.select).catch(() => {});
            }
            schedulePush();
            break;
        }
      });
    });
  });

  return {
    /** Live findings changed for a tab (script edited): its checklist may have ticks to show. */
    ready,
  };
}
