import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT, panelToBackgroundSchema, type PageScriptReply, type PanelToBackground } from '../../../rules/protocol/panel.ts';
import { describeIssue } from '../../../rules/engine/schema.ts';
import type { LiveService } from '../live/service.ts';
import { coalesce } from '../live/coalesce.ts';
import { fromExtensionPage } from './sender.ts';

// Keeps every open side panel up to date over its Port. A panel either pins one tab or follows
// "the page being checked": the active tab of its window when that tab has findings, otherwise
// the tab read most recently (the panel opened as a tab in tests is itself the active tab).

interface Subscriber {
  port: Browser.runtime.Port;
  pinned: number | null;
  windowId?: number;
  /** The tab whose snapshot this panel last received. */
  showing: number | null;
}

export interface PanelHubOptions {
  onProductCategory(category: PanelToBackground & { type: 'set-product-category' }): Promise<void>;
  onSession?(msg: PanelToBackground & { type: 'session-start' | 'session-stop' | 'session-auto' }): void;
}

export function startPanelHub(live: LiveService, options: PanelHubOptions) {
  const subscribers = new Set<Subscriber>();
  const activeByWindow = new Map<number, number>();

  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    activeByWindow.set(windowId, tabId);
    for (const s of subscribers) if (s.pinned === null && s.windowId === windowId) push(s);
  });

  const target = (s: Subscriber): number | null => {
    if (s.pinned !== null) return s.pinned;
    const active = s.windowId === undefined ? undefined : activeByWindow.get(s.windowId);
    if (active !== undefined && live.tabs.has(active)) return active;
    return live.latestTab();
  };

  const push = (s: Subscriber) => {
    const tabId = target(s);
    s.showing = tabId;
    try {
      s.port.postMessage(live.snapshot(tabId));
    } catch {
      subscribers.delete(s); // the panel closed between the change and the push
    }
  };

  const pushFor = coalesce<number>(120, (tabId) => {
    for (const s of subscribers) if (s.showing === tabId || target(s) === tabId) push(s);
  });

  /** Answers one 'page-script' request on the port that asked (the rehearsal view's one-shot port). */
  const replyPageScript = async (port: Browser.runtime.Port, msg: PanelToBackground & { type: 'page-script' }) => {
    let tabId = msg.tabId;
    if (tabId === null) {
      if (msg.windowId !== undefined && !activeByWindow.has(msg.windowId)) {
        const [t] = await browser.tabs.query({ active: true, windowId: msg.windowId }).catch(() => []);
        if (t?.id !== undefined) activeByWindow.set(msg.windowId, t.id);
      }
      tabId = target({ port, pinned: null, showing: null, ...(msg.windowId !== undefined ? { windowId: msg.windowId } : {}) });
    }
    const reply: PageScriptReply = {
      type: 'page-script',
      requestId: msg.requestId,
      tabId,
      blocks: tabId === null ? [] : (live.tabs.get(tabId)?.scriptTexts() ?? []),
    };
    try {
      port.postMessage(reply);
    } catch {
      // the asker closed its port already
    }
  };

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT) return;
    if (!fromExtensionPage(port.sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      console.warn('[livelint] refused a panel connection from', port.sender?.url);
      port.disconnect();
      return;
    }
    const sub: Subscriber = { port, pinned: null, showing: null };
    port.onDisconnect.addListener(() => subscribers.delete(sub));
    port.onMessage.addListener((raw: unknown) => {
      const parsed = panelToBackgroundSchema.safeParse(raw);
      if (!parsed.success) {
        console.warn('[livelint] ignored an invalid panel message:', describeIssue(parsed.error));
        return;
      }
      const msg = parsed.data;
      switch (msg.type) {
        case 'subscribe':
          sub.pinned = msg.tabId;
          sub.windowId = msg.windowId;
          subscribers.add(sub);
          if (msg.windowId !== undefined && !activeByWindow.has(msg.windowId)) {
            void browser.tabs.query({ active: true, windowId: msg.windowId }).then(([t]) => {
              if (t?.id !== undefined) activeByWindow.set(msg.windowId!, t.id);
              push(sub);
            });
          }
          push(sub);
          break;
        case 'ignore':
          live.ignore(msg.tabId, msg.key);
          break;
        case 'clear':
          live.clear(msg.tabId);
          break;
        case 'set-product-category':
          void options.onProductCategory(msg);
          break;
        case 'page-script':
          void replyPageScript(port, msg);
          break;
        case 'session-start':
        case 'session-stop':
        case 'session-auto':
          options.onSession?.(msg);
          break;
      }
    });
  });

  return {
    /** A tab's findings changed. */
    changed: pushFor,
    /** Everything may have changed (engine status): push to every panel now. */
    pushAll: () => subscribers.forEach(push),
  };
}
