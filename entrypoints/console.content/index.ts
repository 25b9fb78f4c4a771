import { startPicker } from './picker.ts';
import { pickerCommandSchema, picksChangedSchema, sitePicksSchema, type PickKind, type SitePicks } from '../../rules/protocol/picks.ts';
import { withPicks } from './picked-adapter.ts';
import { startRelay } from './relay.ts';
import { hash } from './blocks.ts';
import { adapterFor, CONTENT_MATCHES } from './sites/index.ts';
import type { SiteAdapter } from './sites/types.ts';
import { isInvalidation, Watcher, type Outgoing } from './watch.ts';

// Wiring only: choose the adapter for this URL, lay the user's picks over it, start the network
// relay (at document_start, so early comment polls are caught) and the DOM watcher (once the DOM
// exists), follow SPA navigation, and stop everything quietly when the extension goes away.
export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_start',
  // YouTube's chat and same-origin editor iframes are their own documents; rich editors often live
  // in about:blank / srcdoc frames, which inherit the page's URL for matching.
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    const alive = () => ctx.isValid && browser.runtime?.id != null;
    // about:blank / about:srcdoc frames belong to the page that created them.
    const pageUrl = () => (location.protocol === 'about:' ? document.baseURI : location.href);
    const pageOrigin = () => new URL(pageUrl()).origin;
    const topUrl = () => {
      try {
        return window.top!.location.href; // same-origin frames (wujie, srcdoc editors) report their page
      } catch {
        return pageUrl(); // a cross-origin frame can only name itself
      }
    };
    const idPrefix = window === window.top ? '' : `f${hash(location.href === 'about:srcdoc' ? pageUrl() + '#srcdoc' : location.href)}:`;
    const send = (m: Outgoing | object) => browser.runtime.sendMessage(m);
    let base = adapterFor(pageUrl());
    let picks: SitePicks = {};
    let watcher: Watcher | undefined;
    let stopRelay: (() => void) | undefined;
    let endPicker: (() => void) | undefined;

    const shutdown = () => {
      watcher?.stop();
      stopRelay?.();
      endPicker?.();
      stopRelay = endPicker = undefined;
      try {
        browser.runtime.onMessage.removeListener(onCommand);
      } catch {
        /* context already gone */
      }
    };
    ctx.onInvalidated(shutdown);

    const current = (): SiteAdapter | undefined => withPicks(base, picks);

    function startRelayFor(adapter: SiteAdapter | undefined) {
      stopRelay?.();
      stopRelay = undefined;
      if (!adapter?.network) return;
      stopRelay = startRelay({ win: window, network: adapter.network, onItems: (items) => watcher?.pushNetworkChat(items) });
    }

    function startWatching() {
      const adapter = current();
      if (!adapter || !alive()) return;
      if (watcher && !watcher.stopped) return watcher.setAdapter(adapter);
      watcher = new Watcher({ adapter, doc: document, send, isAlive: alive, onStop: shutdown, idPrefix, pageUrl: topUrl });
      watcher.start();
    }

    function onCommand(message: unknown, _sender: unknown, sendResponse: (r: unknown) => void): undefined {
      try {
        if ((message as { type?: unknown } | null)?.type === 'livelint:ping') sendResponse({ ok: true, origin: pageOrigin() });
        const cmd = pickerCommandSchema.safeParse(message);
        if (cmd.success) {
          pick(cmd.data.kind);
          sendResponse({ ok: true });
        }
        const changed = picksChangedSchema.safeParse(message);
        if (changed.success) {
          picks = changed.data.picks;
          startWatching();
        }
      } catch {
        /* never throw into the page */
      }
      return undefined;
    }
    browser.runtime.onMessage.addListener(onCommand);

    function pick(kind: PickKind) {
      endPicker?.();
      endPicker = startPicker({
        doc: document,
        kind,
        onPick: (_el, selector, label) => {
          endPicker = undefined;
          picks = { ...picks, [kind]: { selector, label, pickedAt: Date.now() } };
          startWatching();
          send({ type: 'livelint:picks-set', origin: pageOrigin(), kind, target: picks[kind] }).catch((e) => {
            if (isInvalidation(e)) shutdown();
          });
        },
        onCancel: () => (endPicker = undefined),
      });
    }

    async function loadPicks() {
      if (!/^https?:$/.test(new URL(pageUrl()).protocol)) return;
      try {
        const res = (await send({ type: 'livelint:picks-get', origin: pageOrigin() })) as { picks?: unknown } | undefined;
        const parsed = sitePicksSchema.safeParse(res?.picks ?? {});
        if (parsed.success) picks = parsed.data;
      } catch (e) {
        if (isInvalidation(e)) shutdown();
      }
    }

    // An adapter that needs a page marker waits for the DOM before it reads anything.
    if (!base?.marker) startRelayFor(base);

    // A srcdoc editor frame carries no marker of its own: its same-origin page does.
    const marked = (a: SiteAdapter) => {
      if (a.presentIn(document)) return true;
      try {
        return window.top !== window && a.presentIn(window.top!.document);
      } catch {
        return false;
      }
    };
    const onReady = async () => {
      if (base?.marker) {
        if (marked(base)) startRelayFor(base);
        else base = undefined;
      }
      await loadPicks();
      if (ctx.isInvalid) return;
      startWatching();
      // SPA navigation: the same document now shows another page (TikTok: a profile, then /live).
      ctx.addEventListener(window, 'wxt:locationchange', () => {
        let next = adapterFor(pageUrl());
        if (next && !marked(next)) next = undefined;
        if (next?.id !== base?.id) {
          base = next;
          startRelayFor(base);
        }
        if (current()) startWatching();
        else watcher?.setAdapter(withPicks(undefined, {}) ?? emptyAdapter);
      });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void onReady(), { once: true });
    else void onReady();
  },
});

/** An adapter that reads nothing: what a watcher falls back to when navigation leaves a console. */
const emptyAdapter: SiteAdapter = {
  id: 'none',
  name: { zh: '无', en: 'none' },
  matches: [],
  matchesUrl: () => false,
  presentIn: () => false,
  findScriptBox: () => null,
  findChatList: () => null,
  findCaptions: () => null,
  readChat: () => [],
  readCaptionLines: () => [],
  readProduct: () => undefined,
  extract: () => [],
};
