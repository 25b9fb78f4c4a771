import { browser } from 'wxt/browser';

// The toolbar button opens the panel (Chromium); Firefox, which has no browser.sidePanel, toggles
// its sidebar instead.

export function openPanelFromToolbar() {
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  if (sidePanel) void sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  else {
    const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
    browser.action.onClicked.addListener(() => void sidebar?.toggle());
  }
}
