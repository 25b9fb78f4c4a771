import type { Pack } from '../engine/schema.ts';
import { diffPack, type PackDiff } from '../io/diff.ts';
import type { ImportIssue } from '../io/issues.ts';
import type { LivelintDb } from './db.ts';
import { guarded, StoreError } from './errors.ts';
import { enforceGate, gateBefore, gateTables } from './gate.ts';
import { bumpRev, readPack, writePackRows } from './packs.ts';

// Import = parse (rules/io) -> preview (this file, reads only) -> apply (one transaction).
// Imported packs become custom packs. A pack whose id belongs to a built-in or subscribed pack is
// refused: those are replaced only by an extension upgrade or their subscription.

/** Runs every rule's examples; returns one line per failure (empty = all pass). Injected so the store does not depend on the engine. */
export type PackVerifier = (packs: Pack[]) => string[];

export interface ImportPreview {
  diffs: PackDiff[];
  issues: ImportIssue[];
}

async function clashes(db: LivelintDb, packs: Pack[], file: string): Promise<ImportIssue[]> {
  const issues: ImportIssue[] = [];
  for (const pack of packs) {
    const row = await db.packs.get(pack.id);
    if (row && row.origin !== 'custom') {
      issues.push({
        file,
        path: pack.id,
        reason:
          row.origin === 'builtin'
            ? `“${pack.id}”是内置规则包，不能被导入覆盖；请改用其他编号 / "${pack.id}" is a built-in pack and cannot be replaced by an import; use another id`
            : `“${pack.id}”是订阅的规则包，由订阅地址更新 / "${pack.id}" is a subscribed pack, updated from its URL`,
      });
    }
    // Rule ids are global keys: a rule id owned by another pack would move the user's override with it.
    const owners = await db.rules.bulkGet(pack.rules.map((r) => r.id!));
    owners.forEach((owner, i) => {
      if (owner && owner.packId !== pack.id) {
        issues.push({
          file,
          path: `${pack.id}.rules.${i}.id`,
          reason: `规则编号“${owner.id}”已属于规则包“${owner.packId}” / rule id "${owner.id}" already belongs to pack "${owner.packId}"`,
        });
      }
    });
  }
  return issues;
}

function verifyIssues(packs: Pack[], file: string, verify?: PackVerifier): ImportIssue[] {
  if (!verify) return [];
  return verify(packs).map((reason) => ({ file, reason: `例句未通过 / example failed: ${reason}` }));
}

/** What applying these packs would change. Writes nothing. */
export function previewImport(db: LivelintDb, packs: Pack[], file: string, verify?: PackVerifier): Promise<ImportPreview> {
  return guarded(() =>
    db.transaction('r', db.packs, db.rules, async () => {
      const issues = [...(await clashes(db, packs, file)), ...verifyIssues(packs, file, verify)];
      const diffs: PackDiff[] = [];
      for (const pack of packs) diffs.push(diffPack(pack, await readPack(db, pack.id)));
      return { diffs, issues };
    }),
  );
}

/**
 * Writes every pack or none. The checks of the preview run again inside the write transaction,
 * so a pack added in another tab between preview and apply cannot be overwritten.
 */
export function applyImport(db: LivelintDb, packs: Pack[], file: string, verify?: PackVerifier): Promise<PackDiff[]> {
  return guarded(() =>
    db.transaction('rw', gateTables(db), async () => {
      const before = await gateBefore(db);
      const issues = [...(await clashes(db, packs, file)), ...verifyIssues(packs, file, verify)];
      if (issues.length) {
        throw new StoreError('import-invalid', {
          zh: `导入未执行：${issues.map((i) => i.reason).join('；')}`,
          en: `Nothing imported: ${issues.map((i) => i.reason).join('; ')}`,
        });
      }
      const diffs: PackDiff[] = [];
      for (const pack of packs) {
        diffs.push(diffPack(pack, await readPack(db, pack.id)));
        await writePackRows(db, pack, 'custom');
      }
      await enforceGate(db, before);
      await bumpRev(db);
      return diffs;
    }),
  );
}
