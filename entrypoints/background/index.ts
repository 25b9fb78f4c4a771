import { browser } from 'wxt/browser';
import { compile } from '../../rules/engine/index.ts';
import { CheckerHost } from './checker-host.ts';
import { startSubscriptions, storePackSource } from '../../rules/store/background.ts';
import { LiveService } from './live-service.ts';
import { startPanelHub } from './panel-hub.ts';
import { setBadge } from './badge.ts';
import { coalesce } from './coalesce.ts';
import { onCheckSelection, registerContextMenu } from './context-menu.ts';
import { loadProductCategory, saveProductCategory } from './settings.ts';
// The element picker's message handlers register themselves on import (see site-picks.ts).
import './site-picks.ts';
import './site-picks.ts'; // element picker: remembered picks per site, content script on picked sites

// Wiring only: every piece lives in its own file and is tested there.
export default defineBackground(() => {
  // Packs come from the store (built-ins seeded there, user overrides applied); subscribed packs refresh on an alarm.
  const host = new CheckerHost(storePackSource(), compile);
  void startSubscriptions(browser.alarms).catch((e) => console.warn('[livelint] subscription schedule:', e));
  const badge = coalesce<number>(250, (tabId) => void setBadge(tabId, live.count(tabId)));
  const live: LiveService = new LiveService(host, (tabId) => {
    hub.changed(tabId);
    badge(tabId);
  });
  const hub = startPanelHub(live, {
    async onProductCategory({ category }) {
      live.productCategory = category;
      await saveProductCategory(category);
      await live.recheckAll();
    },
  });
  // Settings load once per worker start; messages wait for it so the first check is scoped right.
  const ready = loadProductCategory().then((c) => {
    live.productCategory = c;
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    void ready.then(() => live.handleContent(message, sender.tab?.id));
    return undefined; // no reply: content scripts fire and forget
  });

  browser.tabs.onRemoved.addListener((tabId) => live.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A navigation replaces the page: its old findings no longer describe anything on screen.
    if (change.url && live.tabs.has(tabId) && live.tabs.get(tabId)!.url !== change.url) live.clear(tabId);
  });

  browser.runtime.onInstalled.addListener(registerContextMenu);
  onCheckSelection((text, tabId, url) => void ready.then(() => live.checkSelection(text, tabId, url)));

  // The toolbar button opens the panel (Chromium); Firefox toggles its sidebar instead.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  if (sidePanel) void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  else {
    const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
    browser.action.onClicked.addListener(() => void sidebar?.toggle());
  }

  // Test hook for the E2E harness (tests/e2e/harness.ts sendAsContent): lets a test deliver a
  // content message as if from a tab. Reachable only from the worker's own global scope.
  (globalThis as Record<string, unknown>).livelintTest = {
    content: async (m: unknown, tabId: number) => {
      await ready;
      await live.handleContent(m, tabId);
    },
    snapshot: (tabId: number | null) => live.snapshot(tabId),
  };
});
