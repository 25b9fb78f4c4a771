import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT } from '../../rules/protocol/panel-port.ts';
import { parseBackgroundMessage } from '../../rules/protocol/panel-guard.ts';
import type { BackgroundToPanel, PanelToBackground } from '../../rules/protocol/panel.ts';

// The panel's one connection to the background. An MV3 worker can be stopped at any time, which
// disconnects the Port; the panel reconnects and re-subscribes, so the feed resumes by itself.
// Messages are checked with a zod-free guard (rules/protocol/panel-guard.ts, held to the zod contract by a unit
// test): zod would add a ~95 kB chunk to parse before the first findings show.

export interface BackgroundLink {
  send(message: PanelToBackground): void;
  close(): void;
}

export function connectBackground(
  subscribe: () => PanelToBackground,
  onMessage: (message: BackgroundToPanel) => void,
): BackgroundLink {
  let port: Browser.runtime.Port | null = null;
  let closed = false;
  const receive = (raw: unknown) => {
    const message = parseBackgroundMessage(raw);
    if (message) onMessage(message);
    else console.warn('[livelint] ignored an invalid background message');
  };
  const open = () => {
    port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener(receive);
    port.onDisconnect.addListener(() => {
      port = null;
      if (!closed) setTimeout(open, 200);
    });
    port.postMessage(subscribe());
  };
  open();
  return {
    send(message) {
      if (!port) open();
      port!.postMessage(message);
    },
    close() {
      closed = true;
      port?.disconnect();
    },
  };
}
