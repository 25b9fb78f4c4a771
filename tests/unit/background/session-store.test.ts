import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LivelintDb } from '../../../rules/store/db.ts';
import { findingsOf, listSessions } from '../../../rules/store/records.ts';
import { loadActive, recorderStore } from '../../../entrypoints/background/session/store.ts';
import { SessionRecorder } from '../../../entrypoints/background/session/recorder.ts';
import { dropDb, freshDb } from '../store/helpers.ts';

// The recorder against the real store (fake IndexedDB): what the report reads is what was recorded.

let db: LivelintDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

describe('recorderStore', () => {
  it('a recorded session lands in the store with its findings and chat counts', async () => {
    let t = 50_000;
    const r = new SessionRecorder(recorderStore(db), () => t);
    await r.changed({
      tabId: 2,
      site: 'demo',
      url: 'http://127.0.0.1/console.html',
      findings: [
        {
          key: 'k', rule: 'ad-law-core/lowest-price', category: 'false-price', severity: 'error', message: { zh: 'm', en: 'm' },
          basis: 'b', suggestions: [], match: '全网最低价', block: 'script:0:a', source: 'script', sentence: '今天全网最低价', hlStart: 2, hlEnd: 7, seenAt: t,
        },
      ],
    });
    r.noteChat(2, [
      { id: 'chat:1', text: '能不能便宜点', source: 'chat' },
      { id: 'chat:2', text: '穿了一次就起球了', source: 'chat' },
    ]);
    await r.flush();
    expect(await loadActive(db)).toMatchObject({ tabId: 2, keys: ['k'] });
    t += 1000;
    await r.stop();
    const [row] = await listSessions(db);
    expect(row).toMatchObject({ site: 'demo', startedAt: 50_000, endedAt: 51_000, chat: { questions: { 价格: 1 }, complaints: { 材质: 1 } } });
    expect(await loadActive(db)).toBeNull();
    const rows = await findingsOf(db, row!.id!);
    expect(rows.map((f) => [f.match, f.text])).toEqual([['全网最低价', '今天全网最低价']]);
  });

  it('saving chat counts for a missing session fails with a bilingual message', async () => {
    await expect(recorderStore(db).saveChat(999, { questions: {}, complaints: {} })).rejects.toThrow(/场次 999 不存在.*Session 999 not found/);
  });
});
