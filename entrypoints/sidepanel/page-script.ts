import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT } from '../../rules/protocol/panel-port.ts';
import { pageScriptReplySchema, type PanelToBackground } from '../../rules/protocol/panel.ts';

// Rehearsal's "import from page": asks the background, on a port of its own that closes after the
// answer, for the script paragraphs it has read from the page being checked. A one-shot port keeps
// the rehearsal view off the live feed (it would otherwise receive every snapshot for nothing).
// zod is fine here: the rehearsal view already loads it with the engine.

export const PAGE_SCRIPT_TIMEOUT_MS = 3000;

type Connect = (info: { name: string }) => Browser.runtime.Port;

let nextId = 1;

/** The page's script paragraphs in page order (empty when none were read). Rejects on a bad or missing answer. */
export function requestPageScript(
  windowId?: number,
  connect: Connect = (info) => browser.runtime.connect(info),
  timeoutMs = PAGE_SCRIPT_TIMEOUT_MS,
): Promise<string[]> {
  const requestId = nextId++;
  return new Promise((resolve, reject) => {
    const port = connect({ name: PANEL_PORT });
    const done = (fn: () => void) => {
      clearTimeout(timer);
      try {
        port.disconnect();
      } catch {
        // already gone
      }
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new Error('no answer from the background'))), timeoutMs);
    port.onMessage.addListener((raw: unknown) => {
      // Only the answer to this request counts; anything else on the port is not ours.
      if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'page-script') return;
      const parsed = pageScriptReplySchema.safeParse(raw);
      if (!parsed.success) return done(() => reject(new Error('invalid page-script answer')));
      if (parsed.data.requestId !== requestId) return;
      done(() => resolve(parsed.data.blocks));
    });
    port.onDisconnect.addListener(() => done(() => reject(new Error('background disconnected'))));
    const request: PanelToBackground = { type: 'page-script', requestId, tabId: null, ...(windowId !== undefined ? { windowId } : {}) };
    port.postMessage(request);
  });
}
