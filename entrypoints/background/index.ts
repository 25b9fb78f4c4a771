import { browser } from 'wxt/browser';
import { compile } from '../../rules/engine/index.ts';
import { CheckerHost } from './checker/host.ts';
import { shipped, startSubscriptions, storePackSource } from '../../rules/store/background.ts';
import { LiveService, samePage } from './live/service.ts';
import { startPanelHub } from './panel/hub.ts';
import { setBadge } from './live/badge.ts';
import { coalesce } from './live/coalesce.ts';
import { onCheckSelection, registerContextMenu } from './panel/context-menu.ts';
import { openPanelFromToolbar } from './panel/toolbar.ts';
import { loadProductCategory, saveProductCategory } from './live/product-category.ts';
import { livePersistence, type SessionArea } from './live/persist.ts';
import './picks/site-picks.ts'; // element picker: remembered picks per site, content script on picked sites
import { startInsightsHub } from './chat/hub.ts'; // chat insights + product being presented
import { SessionRecorder } from './session/recorder.ts';
import { recorderStore } from './session/store.ts';
import { applySessionControl, restoreSessions } from './session/controls.ts';
import { getDb } from '../../rules/store/db.ts';

// Wiring only: every piece lives in its own file and is tested there.
export default defineBackground(() => {
  // Packs come from the store (built-ins seeded there, user overrides applied); subscribed packs refresh on an alarm.
  // When the stored packs do not compile, the shipped ones check (and the panel says so).
  const host = new CheckerHost(storePackSource(), compile, undefined, () => shipped);
  void startSubscriptions(browser.alarms).catch((e) => console.warn('[livelint] subscription schedule:', e));
  const badge = coalesce<number>(250, (tabId) => void setBadge(tabId, live.count(tabId)));
  // Sessions are recorded here, panel open or not; findings are written at most once a second.
  const recorder = new SessionRecorder(recorderStore(getDb()));
  const flushSessions = coalesce<number>(1000, () => void recorder.flush());
  const live: LiveService = new LiveService(host, (tabId) => {
    hub.changed(tabId);
    badge(tabId);
    persist.schedule();
    // Deferred a tick: `ready` is declared below (a restore may report changes while it is built).
    void Promise.resolve()
      .then(() => ready)
      .then(async () => {
      await recorder.changed({ ...live.snapshot(tabId), tabId });
      flushSessions(0);
    });
  });
  live.onBlocks = (tabId, blocks) => recorder.noteChat(tabId, blocks);
  // storage.session: in memory only, survives the worker being stopped (not the browser closing).
  const persist = livePersistence(live, (browser.storage as unknown as { session?: SessionArea }).session);
  startInsightsHub(live, host);
  const hub = startPanelHub(live, {
    async onProductCategory({ category }) {
      live.productCategory = category;
      await saveProductCategory(category);
      await live.recheckAll();
    },
    onSession(msg) {
      void ready.then(() => applySessionControl(msg, recorder, live, getDb(), () => flushSessions(0)));
    },
  });
  // Settings and the live state load once per worker start; messages wait for them so the first
  // check is scoped right and lands on top of the restored findings.
  const ready = Promise.all([
    loadProductCategory().then((c) => {
      live.productCategory = c;
    }),
    persist.restore(),
    restoreSessions(recorder, getDb()),
  ]).then(() => hub.pushAll());

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    void ready.then(() => live.handleContent(message, sender.tab?.id));
    return undefined; // no reply: content scripts fire and forget
  });

  browser.tabs.onRemoved.addListener((tabId) => live.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A navigation to another page replaces it: its old findings no longer describe anything on
    // screen. Hash or query changes inside a console (SPA) keep them; the content script re-sends.
    const known = live.tabs.get(tabId)?.url;
    if (change.url && known && !samePage(known, change.url)) live.clear(tabId);
  });

  browser.runtime.onInstalled.addListener(registerContextMenu);
  onCheckSelection((text, tabId, url) => void ready.then(() => live.checkSelection(text, tabId, url)));

  openPanelFromToolbar();

  // Test hook for the E2E harness (tests/e2e/harness.ts sendAsContent): lets a test deliver a
  // content message as if from a tab. Only in the build `npm run test:e2e` makes (WXT_E2E_HOOKS=1);
  // `npm run build` and `npm run zip` compile it out.
  if (import.meta.env.WXT_E2E_HOOKS === '1') {
    (globalThis as Record<string, unknown>).livelintTest = {
      content: async (m: unknown, tabId: number) => {
        await ready;
        await live.handleContent(m, tabId);
      },
      snapshot: (tabId: number | null) => live.snapshot(tabId),
    };
  }
});
