import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LivelintDb } from '../../../rules/store/db.ts';
import { createPackSource } from '../../../rules/store/pack-source.ts';
import { savePack, setOverride, setPackEnabled, setRuleEnabled } from '../../../rules/store/packs.ts';
import { seedBuiltins } from '../../../rules/store/seed.ts';
import { preparePack } from '../../../rules/io/prepare-pack.ts';
import { builtinV1, builtinV2, customPack } from '../../fixtures/store/sample-packs.ts';
import { dropDb, freshDb } from './helpers.ts';

let db: LivelintDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('PackSource over the store', () => {
  it('loads the enabled packs with overrides, in the shape compile() takes', async () => {
    await seedBuiltins(db, [builtinV1()]);
    await savePack(db, preparePack(customPack(), 't').pack!, 'custom');
    await setPackEnabled(db, 'my-shop', false);
    await setOverride(db, 'core/cure', { enabled: false, extraTerms: ['包治'] });
    const loaded = await createPackSource(db).load();
    expect(loaded.packs.map((p) => p.id)).toEqual(['core']);
    expect(loaded.packs[0].rules).toHaveLength(3);
    expect(loaded.overrides).toEqual({ 'core/cure': { enabled: false, extraTerms: ['包治'] } });
    expect(loaded.rev).toBeGreaterThan(0);
  });

  it('signals a change for every kind of write, and not for reads', async () => {
    await seedBuiltins(db, [builtinV1()]);
    const source = createPackSource(db);
    let calls = 0;
    const off = source.subscribe(() => calls++);
    await settle();
    await source.load();
    await settle();
    expect(calls).toBe(0);

    const writes = [
      () => setRuleEnabled(db, 'core/cure', false),
      () => setPackEnabled(db, 'core', false),
      () => savePack(db, preparePack(customPack(), 't').pack!, 'custom'),
      () => seedBuiltins(db, [builtinV2()]),
    ];
    for (const [i, write] of writes.entries()) {
      await write();
      for (let t = 0; t < 40 && calls < i + 1; t++) await settle();
      expect(calls).toBe(i + 1);
    }
    off();
  });

  it('counts a write that lands before the first answer of the watch as a change', async () => {
    const source = createPackSource(db);
    await source.load();
    let calls = 0;
    const off = source.subscribe(() => calls++);
    await seedBuiltins(db, [builtinV1()]); // no settle: races liveQuery's first read
    for (let t = 0; t < 40 && calls === 0; t++) await settle();
    expect(calls).toBe(1);
    off();
  });

  it('stops calling after unsubscribe', async () => {
    const source = createPackSource(db);
    let calls = 0;
    const off = source.subscribe(() => calls++);
    await settle();
    off();
    await seedBuiltins(db, [builtinV1()]);
    await settle();
    expect(calls).toBe(0);
  });
});
