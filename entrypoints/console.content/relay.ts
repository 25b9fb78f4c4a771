import { z } from 'zod';
import { TAP_CHANNEL, TAP_CONTROL, TAP_MAX_BODY } from '../../rules/protocol/tap.ts';
import type { ChatItem, NetworkReader } from './sites/types.ts';

// Receives bodies from the MAIN-world tap. The page shares the window and can post anything, so
// every message is validated: right window, right channel, right shape and size, and the token the
// tap announced first on this load. The page can still feed text (it is the source anyway); it can
// never read anything back, because nothing is ever posted to the page except the config.

const helloSchema = z.object({ channel: z.literal(TAP_CHANNEL), kind: z.literal('hello'), token: z.string().regex(/^[0-9a-f]{32}$/) });
const bodySchema = z.object({
  channel: z.literal(TAP_CHANNEL),
  kind: z.literal('body'),
  token: z.string().length(32),
  via: z.enum(['fetch', 'xhr', 'ws']),
  url: z.string().max(4096),
  body: z.string().max(TAP_MAX_BODY),
});

const MAX_ITEMS_PER_BODY = 1000;

export interface RelayOptions {
  win: Window;
  network: NetworkReader;
  onItems: (items: ChatItem[]) => void;
  /** Counts bodies that failed validation or parsing (diagnostics). */
  onReject?: (reason: string) => void;
}

/** Starts listening; returns a stop function that also tells the tap to stop relaying. */
export function startRelay({ win, network, onItems, onReject }: RelayOptions): () => void {
  let token: string | undefined;
  const origin = win.location.origin === 'null' ? '*' : win.location.origin;
  const control = (msg: object) => {
    try {
      win.postMessage({ channel: TAP_CONTROL, ...msg }, origin);
    } catch {
      /* frame going away */
    }
  };

  const onMessage = (e: MessageEvent) => {
    if (e.source !== win) return;
    const data = e.data as { channel?: unknown; kind?: unknown } | null;
    if (!data || typeof data !== 'object' || data.channel !== TAP_CHANNEL) return;
    if (data.kind === 'hello') {
      const hello = helloSchema.safeParse(data);
      // First hello of this load wins: the tap runs at document_start, before any page script.
      if (!hello.success || token) return;
      token = hello.data.token;
      control({ kind: 'config', token, urls: [...(network.urls ?? [])], sockets: [...(network.sockets ?? [])] });
      return;
    }
    const body = bodySchema.safeParse(data);
    if (!body.success || !token || body.data.token !== token) {
      onReject?.(body.success ? 'token' : 'shape');
      return;
    }
    let items: ChatItem[] = [];
    try {
      items = network.parse(body.data.url, body.data.body);
    } catch {
      onReject?.('parse');
      return;
    }
    if (items.length) onItems(items.slice(-MAX_ITEMS_PER_BODY));
  };

  win.addEventListener('message', onMessage);
  // The tap may have said hello before this script started listening: ask again.
  control({ kind: 'ping' });
  return () => {
    win.removeEventListener('message', onMessage);
    if (token) control({ kind: 'stop', token });
  };
}
