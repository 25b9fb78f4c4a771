import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT } from '../background/panel-port.ts';
import type { BackgroundToPanel, PanelToBackground } from '../background/panel-protocol.ts';

// The panel's one connection to the background. An MV3 worker can be stopped at any time, which
// disconnects the Port; the panel reconnects and re-subscribes, so the feed resumes by itself.
// Messages are validated with the protocol's zod schemas, loaded after the first paint: promise
// callbacks run in order, so messages stay in order while the schemas load.

const protocol = import('../background/panel-protocol.ts');
const schemaText = import('../../rules/engine/schema.ts');

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
  const receive = (raw: unknown) =>
    void Promise.all([protocol, schemaText]).then(([{ backgroundToPanelSchema }, { describeIssue }]) => {
      const parsed = backgroundToPanelSchema.safeParse(raw);
      if (parsed.success) onMessage(parsed.data);
      else console.warn('[livelint] ignored an invalid background message:', describeIssue(parsed.error));
    });
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
