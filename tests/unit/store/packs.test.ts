import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LivelintDb } from '../../../rules/store/db.ts';
import {
  deleteCustomRule,
  deletePack,
  readPack,
  saveCustomRule,
  savePack,
  setOverride,
  setRuleEnabled,
  modelEnabled,
  setModelEnabled,
} from '../../../rules/store/packs.ts';
import { seedBuiltins } from '../../../rules/store/seed.ts';
import { preparePack } from '../../../rules/io/prepare-pack.ts';
import { StoreError } from '../../../rules/store/errors.ts';
import { builtinV1, customPack } from '../../fixtures/store/sample-packs.ts';
import { dropDb, dumpAll, freshDb } from './helpers.ts';

let db: LivelintDb;
const shop = () => preparePack(customPack(), 't').pack!;
beforeEach(async () => {
  db = freshDb();
  await seedBuiltins(db, [builtinV1()]);
  await savePack(db, shop(), 'custom');
});
afterEach(() => dropDb(db));

describe('custom rules and packs', () => {
  it('adds and replaces a rule of a custom pack, keeping order', async () => {
    const base = shop().rules[0];
    await saveCustomRule(db, 'my-shop', { ...base, id: 'my-shop/second', terms: ['私聊'] } as typeof base);
    await saveCustomRule(db, 'my-shop', { ...base, message: { zh: '改过', en: 'changed' } });
    const pack = await readPack(db, 'my-shop');
    expect(pack?.rules.map((r) => r.id)).toEqual(['my-shop/secret-deal', 'my-shop/second']);
    expect(pack?.rules[0].message.zh).toBe('改过');
    expect((await db.packs.get('my-shop'))?.ruleCount).toBe(2);
  });

  it('refuses to edit a built-in rule directly', async () => {
    const rule = (await readPack(db, 'core'))!.rules[0];
    await expect(saveCustomRule(db, 'core', rule)).rejects.toBeInstanceOf(StoreError);
  });

  it('deleting a rule removes its override too', async () => {
    await setRuleEnabled(db, 'my-shop/secret-deal', false);
    await deleteCustomRule(db, 'my-shop', 'my-shop/secret-deal');
    expect(await db.rules.get('my-shop/secret-deal')).toBeUndefined();
    expect(await db.overrides.get('my-shop/secret-deal')).toBeUndefined();
  });

  it('deletes custom packs with rules and overrides, never built-in ones', async () => {
    await setOverride(db, 'my-shop/secret-deal', { severity: 'info' });
    await deletePack(db, 'my-shop');
    expect(await db.packs.get('my-shop')).toBeUndefined();
    expect(await db.rules.where('packId').equals('my-shop').count()).toBe(0);
    expect(await db.overrides.count()).toBe(0);
    const error = await deletePack(db, 'core').catch((e) => e);
    expect(error.en).toMatch(/cannot be deleted, only disabled/);
    expect(await db.packs.get('core')).toBeDefined();
  });

  it('refuses an override for a rule that does not exist', async () => {
    await expect(setOverride(db, 'nope/rule', { enabled: false })).rejects.toThrow(/no rule "nope\/rule"/);
  });

  it('refuses a pack that would take over another pack’s rule id, writing nothing', async () => {
    const before = await dumpAll(db);
    const thief = preparePack({ ...customPack('thief'), rules: [{ ...customPack().rules[0], id: 'my-shop/secret-deal' }] }, 't').pack!;
    // prepare keeps an id that already has a pack prefix; the store must still refuse the clash.
    expect(thief.rules[0].id).toBe('thief/my-shop/secret-deal');
    const clash = { ...thief, rules: [{ ...thief.rules[0], id: 'my-shop/secret-deal' }] };
    await expect(savePack(db, clash, 'custom')).rejects.toThrow(/already belongs to pack "my-shop"/);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('clears an override that no longer changes anything', async () => {
    await setOverride(db, 'core/cure', { severity: 'info' });
    await setOverride(db, 'core/cure', { severity: undefined });
    expect(await db.overrides.get('core/cure')).toBeUndefined();
  });
});

describe('the second-opinion switch', () => {
  it('is on in a fresh database and stays off once the manager switches it off', async () => {
    expect(await modelEnabled(db)).toBe(true);
    await setModelEnabled(db, false);
    expect(await modelEnabled(db)).toBe(false);
    await setModelEnabled(db, true);
    expect(await modelEnabled(db)).toBe(true);
  });
});
