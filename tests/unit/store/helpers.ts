import { LivelintDb } from '../../../rules/store/db.ts';

// Each test gets its own database name so tests never see each other's rows.
let n = 0;
export function freshDb(): LivelintDb {
  return new LivelintDb(`livelint-test-${process.pid}-${Date.now()}-${n++}`);
}

export async function dropDb(db: LivelintDb): Promise<void> {
  db.close();
  await db.delete();
}

/** Every row of every table, for "nothing changed" assertions. */
export async function dumpAll(db: LivelintDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}
