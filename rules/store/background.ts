import builtin from '../packs/builtin.json';
import type { PackInput } from '../engine/schema.ts';
import { getDb, type LivelintDb } from './db.ts';
import { verifyWithEngine } from './engine-gate.ts';
import { createPackSource, type PackSource } from './pack-source.ts';
import { seedBuiltins } from './seed.ts';
import { refreshAll, startSubscriptionSchedule, type AlarmsLike } from './subscriptions.ts';

// What the background worker gets from the store, in one call: the pack source for the checker
// host (built-ins seeded first) and the subscription schedule. If IndexedDB is unusable (a full
// disk, a broken profile) the checker still runs on the shipped packs instead of on nothing.

/** The packs shipped inside the extension (also what checks when nothing stored compiles). */
export const shipped = builtin as unknown as PackInput[];

export function storePackSource(db: LivelintDb = getDb(), builtins: PackInput[] = shipped): PackSource {
  const source = createPackSource(db);
  let seeded: Promise<boolean> | undefined;
  const seed = () =>
    (seeded ??= seedBuiltins(db, builtins).then(
      () => true,
      (error) => {
        console.warn('[livelint] seeding built-in packs failed; using the shipped packs only:', error);
        return false;
      },
    ));
  // Seed at once, not on the first check: the manager page may open before any page is checked.
  void seed();
  return {
    async load() {
      if (!(await seed())) return { packs: builtins as never, overrides: {}, rev: -1 };
      try {
        return await source.load();
      } catch (error) {
        console.warn('[livelint] reading packs failed; using the shipped packs only:', error);
        return { packs: builtins as never, overrides: {}, rev: -1 };
      }
    },
    subscribe: (onChange) => source.subscribe(onChange),
  };
}

/** Starts the scheduled refresh of subscribed packs (call at every worker start). */
export function startSubscriptions(alarms: AlarmsLike, db: LivelintDb = getDb()): Promise<void> {
  return startSubscriptionSchedule(alarms, () => refreshAll(db, { fetch: (url, init) => fetch(url, init), verify: verifyWithEngine }));
}
