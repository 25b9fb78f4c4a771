import type { LivelintDb } from '../../../rules/store/db.ts';
import { appendFindings, endSession, getSetting, setSetting, startSession } from '../../../rules/store/records.ts';
import { StoreError } from '../../../rules/store/errors.ts';
import type { ActiveState, RecorderStore } from './recorder.ts';

/** Settings key of the running session (a different key from the panel recorder's report:active). */
export const RECORDER_ACTIVE_KEY = 'recorder:active';

export const loadActive = (db: LivelintDb) => getSetting<ActiveState | null>(db, RECORDER_ACTIVE_KEY, null);

// The background recorder's storage: the store's sessions and findings tables. Chat counts are a
// field of the session row, replaced whole on each flush (they are a few dozen numbers).

export function recorderStore(db: LivelintDb): RecorderStore {
  return {
    startSession: (session) => startSession(db, session),
    endSession: (id, endedAt) => endSession(db, id, endedAt),
    appendFindings: (id, rows) => appendFindings(db, id, rows),
    saveActive: (state) => setSetting(db, RECORDER_ACTIVE_KEY, state),
    async saveLosses(id, losses) {
      await db.sessions.update(id, { losses });
    },
    async saveChat(id, chat) {
      const n = await db.sessions.update(id, { chat });
      if (n === 0) throw new StoreError('not-found', {
          zh: `场次 ${id} 不存在，弹幕统计未保存`,
          en: `Session ${id} not found: chat counts not saved`,
        });
    },
  };
}
