import { liveQuery } from 'dexie';
import type { LivelintDb } from './db.ts';
import { loadEnabled, REV_KEY, type LoadedPacks } from './packs.ts';

// What the background's checker host needs from the store: the enabled packs with the user's
// overrides, and a signal when they change. Every write to packs, rules or overrides bumps one
// revision row in the same transaction, so watching that single row is enough; Dexie's liveQuery
// also hears writes made in other extension pages (side panel, manager tab) via BroadcastChannel.

export interface PackSource {
  load(): Promise<LoadedPacks & { rev: number }>;
  subscribe(onChange: () => void): () => void;
}

async function readRev(db: LivelintDb): Promise<number> {
  const row = await db.settings.get(REV_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

export function createPackSource(db: LivelintDb): PackSource {
  // The revision the caller last loaded: a write landing between subscribe() and liveQuery's first
  // answer must still count as a change, or the caller would keep packs older than the database.
  let loadedRev: number | undefined;
  return {
    async load() {
      // One read transaction: the revision returned is the one the packs were read at.
      return db.transaction('r', [db.packs, db.rules, db.overrides, db.settings], async () => {
        const loaded = await loadEnabled(db);
        const rev = await readRev(db);
        loadedRev = rev;
        return { ...loaded, rev };
      });
    },
    subscribe(onChange) {
      let last: number | undefined;
      const sub = liveQuery(() => readRev(db)).subscribe({
        next(rev) {
          // The first value is the state at subscription time: a change only if it differs from what was loaded.
          const seen = last ?? loadedRev;
          last = rev;
          if (seen !== undefined && rev !== seen) onChange();
        },
        error() {
          // A closed database (extension reload) ends the watch; the next worker start subscribes again.
        },
      });
      return () => sub.unsubscribe();
    },
  };
}
