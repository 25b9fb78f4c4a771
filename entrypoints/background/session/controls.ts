import type { LivelintDb } from '../../../rules/store/db.ts';
import { getSetting, setSetting } from '../../../rules/store/records.ts';
import type { PanelToBackground } from '../../../rules/protocol/panel.ts';
import type { LiveService } from '../live/service.ts';
import type { SessionRecorder } from './recorder.ts';
import { loadActive } from './store.ts';

// The report's controls reach the recorder over the panel Port (start, stop, the "start
// automatically" switch); the switch and the running session survive a worker restart.

/** The report's "start automatically" switch (same key the panel has always used). */
export const AUTO_KEY = 'report:auto';

export type SessionControl = PanelToBackground & { type: 'session-start' | 'session-stop' | 'session-auto' };

/** Applies one control message; `flush` writes what a start queued. tabId null: the page being checked. */
export async function applySessionControl(
  msg: SessionControl,
  recorder: SessionRecorder,
  live: LiveService,
  db: LivelintDb,
  flush: () => void,
): Promise<void> {
  if (msg.type === 'session-stop') return recorder.stop();
  if (msg.type === 'session-auto') {
    recorder.auto = msg.on;
    return setSetting(db, AUTO_KEY, msg.on).catch(() => {});
  }
  const tabId = msg.tabId ?? live.latestTab();
  const tab = tabId === null ? undefined : live.tabs.get(tabId);
  await recorder.start(tabId, { site: tab?.site || undefined, url: tab?.url || undefined });
  if (tabId !== null) await recorder.changed({ ...live.snapshot(tabId), tabId });
  flush();
}

/** At worker start: the auto switch and the session that was running, each on its own (a failure loses only itself). */
export function restoreSessions(recorder: SessionRecorder, db: LivelintDb): Promise<unknown> {
  return Promise.all([
    getSetting(db, AUTO_KEY, true)
      .then((on) => (recorder.auto = on))
      .catch(() => {}),
    loadActive(db)
      .then((state) => recorder.restore(state))
      .catch(() => {}),
  ]);
}
