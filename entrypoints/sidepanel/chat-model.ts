import { effect, signal } from '@preact/signals';
import { browser, type Browser } from 'wxt/browser';
import { INSIGHTS_PORT } from '../../rules/protocol/chat-port.ts';
import type { InsightsSnapshot, PanelToInsights, ProductState } from '../../rules/protocol/chat.ts';
import { snapshot } from './live-model.ts';

// Chat insights and the product being presented, from the background over their own Port. The
// panel follows the same tab as the Live feed; the Port reconnects when the MV3 worker restarts.
// Messages are validated with the protocol schemas, loaded after the first paint.

export const insights = signal<InsightsSnapshot | null>(null);
export const productState = signal<ProductState | null>(null);

const protocol = import('../../rules/protocol/chat.ts');

let port: Browser.runtime.Port | null = null;
let started = false;
let followed: number | null = null;

function receive(raw: unknown) {
  void protocol.then(({ insightsToPanelSchema }) => {
    const parsed = insightsToPanelSchema.safeParse(raw);
    if (!parsed.success) return console.warn('[livelint] ignored an invalid insights message');
    if (parsed.data.type === 'chat-insights') insights.value = parsed.data;
    else productState.value = parsed.data;
  });
}

function open() {
  port = browser.runtime.connect({ name: INSIGHTS_PORT });
  port.onMessage.addListener(receive);
  port.onDisconnect.addListener(() => {
    port = null;
    setTimeout(open, 200);
  });
  port.postMessage({ type: 'subscribe', tabId: followed } satisfies PanelToInsights);
}

export function sendInsights(message: PanelToInsights) {
  if (!port) open();
  port!.postMessage(message);
}

/** Connects once; re-subscribes whenever the Live feed moves to another tab. */
export function startInsights() {
  if (started) return;
  started = true;
  open();
  effect(() => {
    const tabId = snapshot.value?.tabId ?? null;
    if (tabId === followed) return;
    followed = tabId;
    sendInsights({ type: 'subscribe', tabId });
  });
}
