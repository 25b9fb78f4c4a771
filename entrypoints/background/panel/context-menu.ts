import { browser } from 'wxt/browser';

// Right-click on selected text anywhere: check it and show the findings in the panel. Works on
// pages LiveLint has no content script on (activeTab grants the selection through the click).

export const MENU_ID = 'livelint-check-selection';

export function registerContextMenu() {
  // Menus persist across worker restarts; re-creating them on install/startup only avoids duplicates.
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_ID,
      title: '用 LiveLint 检查所选文字 / Check selection with LiveLint',
      contexts: ['selection'],
    }),
  );
}

export function onCheckSelection(handler: (text: string, tabId: number, url: string) => void) {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText || tab?.id === undefined) return;
    // Must run synchronously inside the click (a user gesture), before any await.
    openPanel(tab.id, tab.windowId);
    handler(info.selectionText, tab.id, tab.url ?? '');
  });
}

/** Opens the side panel (Chromium) or the sidebar (Firefox, which has no browser.sidePanel). */
export function openPanel(tabId: number, windowId?: number) {
  const sidePanel = (browser as unknown as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } })
    .sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidePanel) void sidePanel.open(windowId !== undefined ? { windowId } : { tabId }).catch(() => {});
  else if (sidebar) void sidebar.open().catch(() => {});
}
