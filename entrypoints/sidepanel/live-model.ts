import { signal } from '@preact/signals';
import type { PanelSnapshot, PanelToBackground } from '../../rules/protocol/panel.ts';
import type { ProductCategory } from '../../rules/engine/taxonomy.ts';
import { connectBackground, type BackgroundLink } from './background-link.ts';

// State of the Live tab: the latest snapshot from the background and what the host acknowledged.

export const snapshot = signal<PanelSnapshot | null>(null);
export const dismissed = signal<ReadonlySet<string>>(new Set());

let link: BackgroundLink | null = null;

/** `pinnedTab`: show one tab's findings (?tab=ID); otherwise follow the page being checked. */
export function startLive(pinnedTab: number | null, windowId?: number) {
  link = connectBackground(
    () => ({ type: 'subscribe', tabId: pinnedTab, ...(windowId !== undefined ? { windowId } : {}) }),
    (message) => {
      if (message.type !== 'snapshot') return;
      if (snapshot.peek() === null) performance.mark('livelint:first-snapshot');
      snapshot.value = message;
    },
  );
}

/** Any other panel request (the report's recording controls). */
export const sendToBackground = (message: PanelToBackground) => link?.send(message);
export const ignoreOnce = (tabId: number, key: string) => link?.send({ type: 'ignore', tabId, key });
export const setProductCategory = (category: ProductCategory | null) =>
  link?.send({ type: 'set-product-category', category });
export const dismissBanner = (key: string) => {
  dismissed.value = new Set([...dismissed.value, key]);
};

export async function copyText(text: string) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (panel not focused): the old way still works in extension pages.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
