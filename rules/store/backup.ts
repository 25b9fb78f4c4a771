import { Dexie } from 'dexie';
import { exportDB, importDB } from 'dexie-export-import';
import builtin from '../packs/builtin.json';
import type { PackInput } from '../engine/schema.ts';
import type { LivelintDb } from './db.ts';
import { guarded, StoreError, toStoreError } from './errors.ts';
import { enforceGate } from './gate.ts';
import { REV_KEY } from './packs.ts';
import { firstBadRow } from './row-schemas.ts';
import { BUILTIN_HASH_KEY, seedBuiltins } from './seed.ts';
import { CURRENT_VERSION } from './schema-history.ts';
import { ROW_UPGRADES } from './migrations.ts';

// Backup = the whole database as one dexie-export-import JSON file. Restore is all or nothing:
// the library decodes the file into a scratch database (it knows its own type encoding), the rows
// are checked there, and only then every live table is cleared and refilled inside ONE transaction.
// (The library's importInto clears tables before its own transaction starts, so a failure half-way
// would lose data: that is why the final write is ours.)

export async function exportBackup(db: LivelintDb): Promise<Blob> {
  return guarded(() => exportDB(db, { prettyJson: false }));
}

export function backupFileName(now = new Date()): string {
  const d = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `livelint-backup-${d}.json`;
}

function refuse(zh: string, en: string): never {
  throw new StoreError('restore-invalid', { zh: `恢复未执行，现有数据未改动：${zh}`, en: `Nothing restored, current data untouched: ${en}` });
}

/** Checks the file and returns its rows per table, upgraded to the current schema. Writes nothing. */
export async function readBackup(db: LivelintDb, file: Blob): Promise<Record<string, unknown[]>> {
  // Read as text and checked here rather than with the library's peakImportFile, which needs
  // FileReader and clears tables outside its transaction on import.
  let parsed: { formatName?: unknown; formatVersion?: unknown; data?: { databaseVersion?: unknown } };
  try {
    parsed = JSON.parse(await file.text());
  } catch (error) {
    refuse(`不是 LiveLint 备份文件（${(error as Error).message}）`, `not a LiveLint backup (${(error as Error).message})`);
  }
  if (parsed?.formatName !== 'dexie' || parsed.formatVersion !== 1 || typeof parsed.data?.databaseVersion !== 'number') {
    refuse('不是 LiveLint 备份文件', 'not a LiveLint backup file');
  }
  const version = parsed.data.databaseVersion;
  if (version > CURRENT_VERSION) {
    refuse(`备份来自更新版本的扩展（数据库版本 ${version}），请先更新扩展`, `the backup comes from a newer extension (database version ${version}); update first`);
  }
  const scratch = `livelint-restore-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const decoded: Record<string, unknown[]> = {};
  let temp: Dexie | undefined;
  try {
    temp = await importDB(file, { name: scratch });
    for (const t of temp.tables) decoded[t.name] = await t.toArray();
  } catch (error) {
    const e = toStoreError(error);
    if (e.code === 'quota') throw e;
    refuse(`文件损坏：${(error as Error).message}`, `damaged file: ${(error as Error).message}`);
  } finally {
    // When importDB fails half-way its own connection is never handed back; Dexie closes it for
    // the delete below (logging "Another connection wants to delete database").
    temp?.close();
    await Dexie.delete(scratch).catch(() => undefined);
  }
  const known = new Set(db.tables.map((t) => t.name));
  const out: Record<string, unknown[]> = {};
  for (const [name, original] of Object.entries(decoded)) {
    if (!known.has(name)) refuse(`未知的数据表“${name}”`, `unknown table "${name}"`);
    let rows = original;
    for (let v = version + 1; v <= CURRENT_VERSION; v++) {
      const up = ROW_UPGRADES[v]?.[name];
      if (up) rows = rows.map(up);
    }
    out[name] = rows;
  }
  // Every table is checked before anything is written: a row that only looks right (an override
  // with a severity nobody knows) used to be restored and stop the Live view updating.
  for (const [name, rows] of Object.entries(out)) {
    const bad = firstBadRow(name, rows);
    if (bad) refuse(bad.zh, bad.en);
  }
  return out;
}

/**
 * Replaces the whole database with the backup's rows, in one transaction. The built-in packs are
 * written again when the backup lacks them (a backup of settings alone used to leave no rules at
 * all), and the result must compile, or nothing is restored.
 */
export async function restoreBackup(db: LivelintDb, file: Blob, builtins: PackInput[] = builtin as unknown as PackInput[]): Promise<{ rows: number }> {
  const tables = await readBackup(db, file);
  return guarded(() =>
    db.transaction('rw', db.tables, async () => {
      // Watchers compare revisions: make the restored one new even if the backup's equals today's.
      const current = ((await db.settings.get(REV_KEY))?.value as number | undefined) ?? 0;
      let rows = 0;
      for (const table of db.tables) {
        await table.clear();
        const data = tables[table.name] ?? [];
        await table.bulkAdd(data as never[]);
        rows += data.length;
      }
      // The backup's seed marker says nothing about the rows it holds: seed against what is there.
      await db.settings.delete(BUILTIN_HASH_KEY);
      await seedBuiltins(db, builtins);
      // Examples a backup's own packs already failed are the user's state, not a reason to refuse
      // the restore; a state that does not compile at all is.
      await enforceGate(db, undefined, { compileOnly: true });
      const restored = ((await db.settings.get(REV_KEY))?.value as number | undefined) ?? 0;
      await db.settings.put({ key: REV_KEY, value: Math.max(current, restored) + 1 });
      return { rows };
    }),
  );
}
