import type { LivelintDb } from './db.ts';
import type { OverrideRow, PackRow, RuleRow } from './types.ts';

// Everything the pack manager shows, read in one transaction (so counts and rows agree). Wrapped
// in liveQuery by the manager page, it re-renders after any write, from any extension page.
export interface ManagerSnapshot {
  packs: PackRow[];
  rules: RuleRow[];
  overrides: OverrideRow[];
}

export function readSnapshot(db: LivelintDb): Promise<ManagerSnapshot> {
  return db.transaction('r', db.packs, db.rules, db.overrides, async () => ({
    packs: await db.packs.toArray(),
    rules: await db.rules.toArray(),
    overrides: await db.overrides.toArray(),
  }));
}
