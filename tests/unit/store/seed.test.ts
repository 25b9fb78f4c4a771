import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LivelintDb } from '../../../rules/store/db.ts';
import { seedBuiltins } from '../../../rules/store/seed.ts';
import { loadEnabled, readPack, setOverride, setPackEnabled, setRuleEnabled } from '../../../rules/store/packs.ts';
import { builtinV1, builtinV2 } from '../../fixtures/store/sample-packs.ts';
import { dropDb, freshDb } from './helpers.ts';

let db: LivelintDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

describe('seeding built-in packs', () => {
  it('writes the shipped pack on install, in order, enabled', async () => {
    const report = await seedBuiltins(db, [builtinV1()]);
    expect(report.added).toEqual(['core']);
    const pack = await readPack(db, 'core');
    expect(pack?.rules.map((r) => r.id)).toEqual(['core/lowest-price', 'core/cure', 'core/original-price']);
    expect((await db.packs.get('core'))?.enabled).toBe(true);
    expect((await db.packs.get('core'))?.ruleCount).toBe(3);
  });

  it('does nothing on a restart when nothing shipped changed', async () => {
    await seedBuiltins(db, [builtinV1()]);
    const before = await db.packs.get('core');
    const report = await seedBuiltins(db, [builtinV1()]);
    expect(report.unchanged).toEqual(['core']);
    expect((await db.packs.get('core'))?.updatedAt).toBe(before?.updatedAt);
  });

  it('keeps user overrides and the pack switch across a built-in upgrade', async () => {
    await seedBuiltins(db, [builtinV1()]);
    await setRuleEnabled(db, 'core/cure', false);
    await setOverride(db, 'core/lowest-price', { severity: 'info', extraTerms: ['地板价'], allow: ['最低价格保障'] });
    await setPackEnabled(db, 'core', false);

    const report = await seedBuiltins(db, [builtinV2()]);
    expect(report.updated).toEqual(['core']);

    const pack = await readPack(db, 'core');
    // The pack underneath really changed...
    expect(pack?.version).toBe('2026.11.25');
    expect(pack?.rules.map((r) => r.id)).toEqual(['core/lowest-price', 'core/cure', 'core/guarantee']);
    expect(pack?.rules[0].type === 'term' && pack.rules[0].terms).toContain('史上最低价');
    // ...and what the user changed is still there.
    expect((await db.packs.get('core'))?.enabled).toBe(false);
    await setPackEnabled(db, 'core', true);
    const { overrides, packs } = await loadEnabled(db);
    expect(packs.map((p) => p.id)).toEqual(['core']);
    expect(overrides['core/cure']).toEqual({ enabled: false });
    expect(overrides['core/lowest-price']).toEqual({ severity: 'info', extraTerms: ['地板价'], allow: ['最低价格保障'] });
  });

  it('drops a rule the new version no longer ships', async () => {
    await seedBuiltins(db, [builtinV1()]);
    await seedBuiltins(db, [builtinV2()]);
    expect(await db.rules.get('core/original-price')).toBeUndefined();
  });

  it('refuses an invalid built-in pack and writes nothing', async () => {
    const bad = builtinV1();
    (bad.rules[0] as { category: string }).category = 'nope';
    await expect(seedBuiltins(db, [bad])).rejects.toThrow(/rules\.0\.category/);
    expect(await db.packs.count()).toBe(0);
  });
});
