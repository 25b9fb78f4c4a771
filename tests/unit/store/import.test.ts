import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LivelintDb } from '../../../rules/store/db.ts';
import { applyImport, previewImport } from '../../../rules/store/import.ts';
import { readPack, setRuleEnabled } from '../../../rules/store/packs.ts';
import { seedBuiltins } from '../../../rules/store/seed.ts';
import { parseImportFile } from '../../../rules/io/parse-file.ts';
import { StoreError } from '../../../rules/store/errors.ts';
import { builtinV1, customPack } from '../../fixtures/store/sample-packs.ts';
import { dropDb, dumpAll, freshDb } from './helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
let db: LivelintDb;
beforeEach(async () => {
  db = freshDb();
  await seedBuiltins(db, [builtinV1()]);
});
afterEach(() => dropDb(db));

/** The whole import flow as the manager runs it: parse, preview, apply when clean. */
async function importFile(name: string, bytes: Uint8Array): Promise<'applied' | 'refused'> {
  const parsed = parseImportFile(name, bytes);
  if (parsed.issues.length || parsed.packs.length === 0) return 'refused';
  const preview = await previewImport(db, parsed.packs, name);
  if (preview.issues.length) return 'refused';
  await applyImport(db, parsed.packs, name);
  return 'applied';
}

describe('import into the store', () => {
  it('previews new, changed and unchanged rules without writing, then applies', async () => {
    const first = parseImportFile('s.csv', enc('term,category\n最低价,absolute-term\n加微信,off-platform-deal\n'));
    const before = await dumpAll(db);
    const preview = await previewImport(db, first.packs, 's.csv');
    expect(await dumpAll(db)).toEqual(before);
    expect(preview.diffs[0]).toMatchObject({ status: 'new', added: expect.any(Array) });
    expect(preview.diffs[0].added).toHaveLength(2);
    await applyImport(db, first.packs, 's.csv');
    expect((await db.packs.get('custom-s'))?.origin).toBe('custom');

    const second = parseImportFile('s.csv', enc('term,category,severity\n最低价,absolute-term,info\n加微信,off-platform-deal,\n私聊,off-platform-deal,\n'));
    const p2 = await previewImport(db, second.packs, 's.csv');
    expect(p2.diffs[0]).toMatchObject({ status: 'update' });
    expect([p2.diffs[0].added.length, p2.diffs[0].changed.length, p2.diffs[0].unchanged.length]).toEqual([1, 1, 1]);
  });

  it('keeps overrides of a custom pack when it is re-imported', async () => {
    await importFile('s.csv', enc('term,category\n最低价,absolute-term\n'));
    const id = (await readPack(db, 'custom-s'))!.rules[0].id!;
    await setRuleEnabled(db, id, false);
    await importFile('s.csv', enc('term,category,severity\n最低价,absolute-term,info\n'));
    expect(await db.overrides.get(id)).toMatchObject({ enabled: false });
  });

  it('refuses to replace a built-in pack', async () => {
    const p = parseImportFile('core.json', enc(JSON.stringify({ ...customPack('core') })));
    const preview = await previewImport(db, p.packs, 'core.json');
    expect(preview.issues[0].reason).toMatch(/built-in/);
    await expect(applyImport(db, p.packs, 'core.json')).rejects.toBeInstanceOf(StoreError);
    expect((await readPack(db, 'core'))?.rules).toHaveLength(3);
  });

  it('writes nothing when one row of a CSV is bad', async () => {
    const before = await dumpAll(db);
    const result = await importFile('s.csv', enc('term,category\n最低价,absolute-term\n坏,bad-category\n'));
    expect(result).toBe('refused');
    expect(await dumpAll(db)).toEqual(before);
  });

  it('rolls back every pack when a write fails half-way', async () => {
    await importFile('a.json', enc(JSON.stringify(customPack('a'))));
    const before = await dumpAll(db);
    const packs = parseImportFile('x.json', enc(JSON.stringify([customPack('a2'), customPack('b')]))).packs;
    (packs[0].rules[0] as { terms: string[] }).terms = ['改过的'];
    // Fail on the second pack's rule, after the first pack's rows were already put.
    const fail = (_key: unknown, row: { packId: string }) => {
      if (row.packId === 'b') throw new DOMException('disk full', 'QuotaExceededError');
    };
    db.rules.hook('creating', fail);
    const error = await applyImport(db, packs, 'x.json').catch((e) => e);
    db.rules.hook('creating').unsubscribe(fail);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe('quota');
    expect(error.zh).toMatch(/存储空间已满/);
    expect(error.en).toMatch(/Storage is full/);
    expect(await dumpAll(db)).toEqual(before);
  });
});

describe('import fuzzing', () => {
  const header = fc.constantFrom('term,category,severity,rewrite,basis,note', '词语,类别,级别,改写,依据,备注', 'term,category', 'x,y', '');
  const cell = fc.oneof(
    fc.constantFrom('最低价', 'absolute-term', 'error', '警告', '', '"', '""', ',', '\n', '绝对化用语', '|'),
    fc.string({ maxLength: 12 }),
  );
  const csvText = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 6 }))
    .map(([h, rows]) => [h, ...rows.map((r) => r.join(','))].join('\n'));
  // Mostly-valid spreadsheets: right header, real categories, a few broken cells mixed in.
  const goodRow = fc
    .tuple(
      fc.constantFrom('最低价', '根治', '加微信', '秒杀', '第一'),
      fc.constantFrom('absolute-term', '绝对化用语', 'medical-claim', 'off-platform-deal', 'bogus'),
      fc.constantFrom('', 'error', '警告', 'info', 'loud'),
    )
    .map((r) => r.join(','));
  const nearlyValidCsv = fc.uniqueArray(goodRow, { minLength: 1, maxLength: 4, selector: (r) => r.split(',')[0] }).map((rows) =>
    ['term,category,severity', ...rows].join('\n'),
  );
  const jsonText = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.constant(customPack()).chain((p) =>
      fc.record({ path: fc.constantFrom('id', 'name', 'rules', 'version', 'allow'), value: fc.jsonValue() }).map(({ path, value }) =>
        JSON.stringify({ ...p, [path]: value }),
      ),
    ),
    fc.string().map((s) => `{"id":"x","rules":[${s}`),
  );
  const bytes = fc.oneof(
    csvText.map((t) => ({ name: 'f.csv', data: enc(t) })),
    nearlyValidCsv.map((t) => ({ name: 'f.csv', data: enc(t) })),
    jsonText.map((t) => ({ name: 'f.json', data: enc(t) })),
    fc.string().map((t) => ({ name: 'f.yaml', data: enc(t) })),
    fc.uint8Array({ maxLength: 64 }).map((data) => ({ name: 'f.csv', data })),
  );

  it('never throws and never leaves a partial write', async () => {
    const seen = { applied: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(bytes, async ({ name, data }) => {
        const before = await dumpAll(db);
        let outcome: 'applied' | 'refused';
        try {
          outcome = await importFile(name, data);
        } catch (error) {
          // A refusal by the store is a clear StoreError; anything else is a bug.
          expect(error).toBeInstanceOf(StoreError);
          outcome = 'refused';
        }
        seen[outcome]++;
        if (outcome === 'refused') expect(await dumpAll(db)).toEqual(before);
        else {
          const parsed = parseImportFile(name, data).packs;
          for (const pack of parsed) expect((await readPack(db, pack.id))?.rules.length).toBe(pack.rules.length);
        }
      }),
      { numRuns: 150 },
    );
    // Both paths were exercised, or the property proved little.
    expect(seen.applied).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});
