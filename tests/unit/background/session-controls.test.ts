import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LivelintDb } from '../../../rules/store/db.ts';
import { findingsOf, getSetting, listSessions } from '../../../rules/store/records.ts';
import type { LiveFinding } from '../../../rules/protocol/panel.ts';
import type { LiveService } from '../../../entrypoints/background/live/service.ts';
import { AUTO_KEY, applySessionControl, restoreSessions } from '../../../entrypoints/background/session/controls.ts';
import { SessionRecorder } from '../../../entrypoints/background/session/recorder.ts';
import { recorderStore } from '../../../entrypoints/background/session/store.ts';
import { dropDb, freshDb } from '../store/helpers.ts';

// The report's controls as the panel Port delivers them, against the real store (fake IndexedDB).

const finding: LiveFinding = {
  key: 'k1', rule: 'ad-law-core/lowest-price', category: 'false-price', severity: 'error', message: { zh: 'm', en: 'm' },
  basis: 'b', suggestions: [], match: '全网最低价', block: 'script:0:a', source: 'script', sentence: '今天全网最低价', hlStart: 2, hlEnd: 7, seenAt: 2_000,
};

/** Just what the controls read of the live feed: the tabs, the page being checked, a tab's snapshot. */
function liveWith(tabId: number, site: string, url: string) {
  return {
    tabs: new Map([[tabId, { site, url }]]),
    latestTab: () => tabId,
    snapshot: () => ({ site, url, findings: [finding] }),
  } as unknown as LiveService;
}

let db: LivelintDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

describe('session controls', () => {
  it('start without a tab records the page being checked; stop ends it', async () => {
    const recorder = new SessionRecorder(recorderStore(db), () => 1_000);
    recorder.auto = false;
    let flushed = 0;
    const flush = () => void flushed++;
    const live = liveWith(7, 'demo', 'http://127.0.0.1/console.html');
    await applySessionControl({ type: 'session-start', tabId: null }, recorder, live, db, flush);
    expect(flushed).toBe(1);
    await recorder.flush();
    await applySessionControl({ type: 'session-stop' }, recorder, live, db, flush);
    const [row] = await listSessions(db);
    expect(row).toMatchObject({ site: 'demo', url: 'http://127.0.0.1/console.html' });
    expect(row.endedAt).toBeTypeOf('number');
    expect((await findingsOf(db, row.id!)).map((f) => f.match)).toEqual(['全网最低价']);
  });

  it('the auto switch is applied, remembered, and restored by a new worker', async () => {
    const recorder = new SessionRecorder(recorderStore(db));
    await applySessionControl({ type: 'session-auto', on: false }, recorder, liveWith(1, '', ''), db, () => {});
    expect(recorder.auto).toBe(false);
    expect(await getSetting(db, AUTO_KEY, true)).toBe(false);
    const restarted = new SessionRecorder(recorderStore(db));
    expect(restarted.auto).toBe(true);
    await restoreSessions(restarted, db);
    expect(restarted.auto).toBe(false);
  });
});
