import { readdirSync, readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { LivelintDb } from '../../../rules/store/db.ts';
import { CURRENT_VERSION, SCHEMA_HISTORY } from '../../../rules/store/schema-history.ts';
import { ROW_UPGRADES } from '../../../rules/store/migrations.ts';
import { loadEnabled } from '../../../rules/store/packs.ts';
import { packSchema } from '../../../rules/engine/schema.ts';

// One fixture per released schema version (tests/fixtures/store/v<N>.json, written by
// write-fixture.ts with that version's code). Each is loaded into a database declared with the
// OLD schema, then opened with today's code: every record must come through intact (upgraded
// by the row upgrades of the versions in between).

const dir = new URL('../../fixtures/store/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { version: number; stores: Record<string, string>; tables: Record<string, unknown[]> });

describe('schema history', () => {
  it('has a fixture for every released version', () => {
    expect(fixtures.map((f) => f.version).sort((a, b) => a - b)).toEqual(SCHEMA_HISTORY.map((s) => s.version));
  });

  it('never edits a released schema in place', () => {
    for (const f of fixtures) expect(SCHEMA_HISTORY.find((s) => s.version === f.version)?.stores).toEqual(f.stores);
  });
});

describe.each(fixtures)('a database written by schema v$version', (fixture) => {
  it('opens with the current code with every record intact', async () => {
    const name = `migrate-v${fixture.version}-${Date.now()}`;
    const old = new Dexie(name);
    for (const s of SCHEMA_HISTORY.filter((h) => h.version <= fixture.version)) old.version(s.version).stores(s.stores);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const db = new LivelintDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      let expected = rows;
      for (let v = fixture.version + 1; v <= CURRENT_VERSION; v++) {
        const up = ROW_UPGRADES[v]?.[table];
        if (up) expected = expected.map((r) => up(structuredClone(r)));
      }
      expect({ [table]: await db.table(table).toArray() }).toEqual({ [table]: expected });
    }
    // And the data is usable, not just present: the enabled packs load and still validate.
    const { packs, overrides } = await loadEnabled(db);
    expect(packs.length).toBeGreaterThan(0);
    for (const p of packs) expect(packSchema.safeParse(p).success).toBe(true);
    expect(Object.keys(overrides).length).toBeGreaterThan(0);
    db.close();
    await db.delete();
  });
});
