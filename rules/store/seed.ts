import type { PackInput } from '../engine/schema.ts';
import { hashJson } from '../io/hash.ts';
import { preparePack } from '../io/prepare-pack.ts';
import { formatIssue } from '../io/issues.ts';
import type { LivelintDb } from './db.ts';
import { guarded, StoreError } from './errors.ts';
import { bumpRev, writePackRows } from './packs.ts';

// Built-in packs ship inside the extension (rules/packs/builtin.json). On install and on every
// start they are written into the database when their content changed. User changes never live in
// the pack rows: they are overrides keyed by rule id, plus the pack's `enabled` flag, and both are
// left untouched here, so they still apply after the pack underneath was upgraded.

export interface SeedReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
}

export const BUILTIN_HASH_KEY = 'builtin-hash';

export function seedBuiltins(db: LivelintDb, builtins: PackInput[]): Promise<SeedReport> {
  return guarded(async () => {
    const packs = builtins.map((input, i) => {
      const { pack, issues } = preparePack(input, 'builtin.json', [i]);
      if (!pack) {
        throw new StoreError('builtin-invalid', {
          zh: `内置规则包无效：${issues.map(formatIssue).join('; ')}`,
          en: `Invalid built-in pack: ${issues.map(formatIssue).join('; ')}`,
        });
      }
      return pack;
    });
    const allHash = hashJson(packs);
    const report: SeedReport = { added: [], updated: [], unchanged: [], removed: [] };
    // Fast path for every worker start: nothing shipped changed since the last seed.
    const seeded = await db.settings.get(BUILTIN_HASH_KEY);
    if (seeded?.value === allHash) {
      report.unchanged = packs.map((p) => p.id);
      return report;
    }
    await db.transaction('rw', [db.packs, db.rules, db.settings], async () => {
      const shipped = new Set(packs.map((p) => p.id));
      for (const pack of packs) {
        const row = await db.packs.get(pack.id);
        if (row && row.origin !== 'builtin') {
          throw new StoreError('builtin-clash', {
            zh: `自定义规则包“${pack.id}”与内置规则包同名，请先改名或删除`,
            en: `Custom pack "${pack.id}" has the id of a built-in pack; rename or delete it first`,
          });
        }
        if (row?.hash === hashJson(pack)) {
          report.unchanged.push(pack.id);
          continue;
        }
        await writePackRows(db, pack, 'builtin');
        (row ? report.updated : report.added).push(pack.id);
      }
      for (const row of await db.packs.where('origin').equals('builtin').toArray()) {
        if (shipped.has(row.id)) continue;
        // Overrides of a withdrawn pack's rules are kept: they apply again if the pack returns.
        await db.rules.where('packId').equals(row.id).delete();
        await db.packs.delete(row.id);
        report.removed.push(row.id);
      }
      await db.settings.put({ key: BUILTIN_HASH_KEY, value: allHash });
      if (report.added.length || report.updated.length || report.removed.length) await bumpRev(db);
    });
    return report;
  });
}
