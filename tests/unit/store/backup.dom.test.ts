import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Runs in happy-dom (the `.dom.test.ts` suffix): dexie-export-import needs the page globals
// `self` and FileReader, which the extension pages have and Node does not.
import type { LivelintDb } from '../../../rules/store/db.ts';
import { exportBackup, restoreBackup } from '../../../rules/store/backup.ts';
import { savePack, setOverride } from '../../../rules/store/packs.ts';
import { seedBuiltins } from '../../../rules/store/seed.ts';
import { StoreError } from '../../../rules/store/errors.ts';
import { preparePack } from '../../../rules/io/prepare-pack.ts';
import { builtinV1, customPack } from '../../fixtures/store/sample-packs.ts';
import { gateWithEngine } from '../../../rules/store/engine-gate.ts';
import { setWriteGate } from '../../../rules/store/gate.ts';
import { dropDb, dumpAll, freshDb } from './helpers.ts';

let db: LivelintDb;
let other: LivelintDb;
beforeEach(async () => {
  db = freshDb();
  other = freshDb();
  await seedBuiltins(db, [builtinV1()]);
  await savePack(db, preparePack(customPack(), 't').pack!, 'custom');
  await setOverride(db, 'core/cure', { enabled: false, allow: ['根治不了'] });
  await db.products.add({ name: '玻尿酸面霜', category: 'cosmetics', updatedAt: 1 });
  await db.drafts.put({ id: 'd1', text: '今天给大家带来', updatedAt: 2 });
});
afterEach(async () => {
  await dropDb(db);
  await dropDb(other);
});

const blobOf = (text: string) => new Blob([text], { type: 'application/json' });

describe('backup and restore', () => {
  it('round-trips every table into another database', async () => {
    const blob = await exportBackup(db);
    await seedBuiltins(other, [builtinV1()]);
    await other.drafts.put({ id: 'stale', text: 'gone after restore', updatedAt: 0 });
    await restoreBackup(other, blob, [builtinV1()]);
    const a = await dumpAll(db);
    const b = await dumpAll(other);
    for (const name of Object.keys(a)) {
      if (name === 'settings') continue; // the revision is bumped on restore on purpose
      expect({ [name]: b[name] }).toEqual({ [name]: a[name] });
    }
    expect(b.drafts).toHaveLength(1);
  });

  it('refuses a file that is not a backup and leaves the data untouched', async () => {
    const before = await dumpAll(db);
    for (const text of ['not json', '{"formatName":"other"}', JSON.stringify({ packs: [] })]) {
      const error = await restoreBackup(db, blobOf(text)).catch((e) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error.zh).toMatch(/恢复未执行/);
    }
    expect(await dumpAll(db)).toEqual(before);
  });

  it('refuses a backup with a damaged rule and writes nothing', async () => {
    const json = JSON.parse(await (await exportBackup(db)).text());
    const rules = json.data.data.find((t: { tableName: string }) => t.tableName === 'rules');
    rules.rows[1].rule.category = 'not-a-category';
    await other.drafts.put({ id: 'keep', text: 'x', updatedAt: 0 });
    const before = await dumpAll(other);
    await expect(restoreBackup(other, blobOf(JSON.stringify(json)), [builtinV1()])).rejects.toThrow(/rules row 2 is damaged/);
    expect(await dumpAll(other)).toEqual(before);
  });

  it('a settings-only backup still leaves the built-in packs in place', async () => {
    const json = JSON.parse(await (await exportBackup(db)).text());
    for (const t of json.data.data) if (t.tableName !== 'settings') t.rows = [];
    await restoreBackup(other, blobOf(JSON.stringify(json)), [builtinV1()]);
    expect((await other.packs.toArray()).map((p) => p.id)).toEqual(['core']);
    expect(await other.rules.count()).toBe(builtinV1().rules.length);
  });

  it('refuses an override with a severity the checker does not know', async () => {
    const json = JSON.parse(await (await exportBackup(db)).text());
    const overrides = json.data.data.find((t: { tableName: string }) => t.tableName === 'overrides');
    overrides.rows[0].severity = 'fatal';
    await expect(restoreBackup(other, blobOf(JSON.stringify(json)), [builtinV1()])).rejects.toThrow(/overrides row 1 is damaged/);
    expect(await other.packs.count()).toBe(0);
  });

  it('with the engine gate installed, refuses a backup whose rules would not compile', async () => {
    setWriteGate(other, gateWithEngine);
    const json = JSON.parse(await (await exportBackup(db)).text());
    const overrides = json.data.data.find((t: { tableName: string }) => t.tableName === 'overrides');
    overrides.rows[0].allow = ['！！！'];
    await other.drafts.put({ id: 'keep', text: 'x', updatedAt: 0 });
    const before = await dumpAll(other);
    await expect(restoreBackup(other, blobOf(JSON.stringify(json)), [builtinV1()])).rejects.toThrow(/未保存，规则没有改动|do not compile/);
    expect(await dumpAll(other)).toEqual(before);
  });

  it('refuses a backup from a newer schema', async () => {
    const json = JSON.parse(await (await exportBackup(db)).text());
    json.data.databaseVersion = 99;
    await expect(restoreBackup(other, blobOf(JSON.stringify(json)), [builtinV1()])).rejects.toThrow(/newer extension/);
  });

  it('rolls back the whole restore when a write fails half-way', async () => {
    const blob = await exportBackup(db);
    await other.drafts.put({ id: 'keep', text: 'x', updatedAt: 0 });
    const before = await dumpAll(other);
    const fail = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    other.overrides.hook('creating', fail);
    const error = await restoreBackup(other, blob, [builtinV1()]).catch((e) => e);
    other.overrides.hook('creating').unsubscribe(fail);
    expect(error.code).toBe('quota');
    expect(await dumpAll(other)).toEqual(before);
  });
});

describe('restore fuzzing', () => {
  it('a damaged backup file never throws anything but a StoreError and never half-restores', async () => {
    const good = JSON.parse(await (await exportBackup(db)).text());
    // Mutations of a real backup: a value replaced anywhere in its tree, or the text cut short.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(good, []);
    const mutated = fc.oneof(
      fc.tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue()).map(([path, value]) => {
        const copy = structuredClone(good);
        let at = copy;
        for (const k of path.slice(0, -1)) at = at[k];
        at[path[path.length - 1]] = value;
        return JSON.stringify(copy);
      }),
      fc.integer({ min: 0, max: 4000 }).map((n) => JSON.stringify(good).slice(0, n)),
    );
    await other.drafts.put({ id: 'keep', text: 'x', updatedAt: 0 });
    const before = await dumpAll(other);
    let restored = 0;
    await fc.assert(
      fc.asyncProperty(mutated, async (text) => {
        try {
          await restoreBackup(other, blobOf(text), [builtinV1()]);
          restored++;
          // A mutation the checks accepted (a harmless value) restored completely: reset for the next run.
          await other.transaction('rw', other.tables, async () => {
            for (const t of other.tables) await t.clear();
            for (const [name, rows] of Object.entries(before)) await other.table(name).bulkAdd(rows as never[]);
          });
        } catch (error) {
          expect(error).toBeInstanceOf(StoreError);
          expect(await dumpAll(other)).toEqual(before);
        }
      }),
      { numRuns: 40 },
    );
    expect(restored).toBeLessThan(40);
  });
});
