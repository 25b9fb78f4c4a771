import { browser, type Browser } from 'wxt/browser';
import {
  PANEL_PORT,
  backgroundToPanelSchema,
  type BackgroundToPanel,
  type PanelToBackground,
} from '../background/panel-protocol.ts';
import { describeIssue } from '../../rules/engine/schema.ts';

// The panel's one connection to the background. An MV3 worker can be stopped at any time, which
// disconnects the Port; the panel reconnects and re-subscribes, so the feed resumes by itself.

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
  const open = () => {
    port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((raw: unknown) => {
      const parsed = backgroundToPanelSchema.safeParse(raw);
      if (parsed.success) onMessage(parsed.data);
      else console.warn('[livelint] ignored an invalid background message:', describeIssue(parsed.error));
    });
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
