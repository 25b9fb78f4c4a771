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
  return {
    async load() {
      // One read transaction: the revision returned is the one the packs were read at.
      return db.transaction('r', [db.packs, db.rules, db.overrides, db.settings], async () => {
        const loaded = await loadEnabled(db);
        return { ...loaded, rev: await readRev(db) };
      });
    },
    subscribe(onChange) {
      let last: number | undefined;
      const sub = liveQuery(() => readRev(db)).subscribe({
        next(rev) {
          // The first value is the state at subscription time, not a change.
          if (last !== undefined && rev !== last) onChange();
          last = rev;
        },
        error() {
          // A closed database (extension reload) ends the watch; the next worker start subscribes again.
        },
      });
      return () => sub.unsubscribe();
    },
  };
}
