import { browser } from 'wxt/browser';

// The toolbar badge: warnings + errors on this tab, so the count is visible with the panel closed.
// Colour is backed by the number itself (colour is never the only signal).

export async function setBadge(tabId: number, count: number) {
  try {
    await browser.action.setBadgeText({ tabId, text: count === 0 ? '' : count > 999 ? '999+' : String(count) });
    if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: '#c62828' });
  } catch {
    // The tab closed in the meantime: nothing to show.
  }
}
