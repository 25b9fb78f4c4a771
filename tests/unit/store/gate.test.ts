import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import builtin from '../../../rules/packs/builtin.json';
import { compile, packSchema, type Pack, type PackInput } from '../../../rules/engine/index.ts';
import type { LivelintDb } from '../../../rules/store/db.ts';
import { gateWithEngine } from '../../../rules/store/engine-gate.ts';
import { setWriteGate } from '../../../rules/store/gate.ts';
import { applyImport } from '../../../rules/store/import.ts';
import { loadEnabled, savePack, setOverride, setPackEnabled, setPackGlobal, writePackRows } from '../../../rules/store/packs.ts';
import { seedBuiltins } from '../../../rules/store/seed.ts';
import { dropDb, dumpAll, freshDb } from './helpers.ts';

// The write gate with the real engine over the real built-in packs (what the extension installs).
const builtins = builtin as unknown as PackInput[];
const shop = (over: Partial<PackInput> = {}): Pack =>
  packSchema.parse({
    id: 'shop',
    name: { zh: '我的店铺包', en: 'My shop pack' },
    rules: [
      {
        id: 'shop/gift',
        type: 'term',
        category: 'false-price',
        terms: ['送豪礼'],
        message: { zh: '赠品要写清', en: 'name the gift' },
        basis: '广告法 第8条',
        examples: { flag: ['今天[[送豪礼]]'], pass: ['今天不送礼'] },
      },
    ],
    ...over,
  });

let db: LivelintDb;
beforeEach(async () => {
  db = freshDb();
  await seedBuiltins(db, builtins);
  setWriteGate(db, gateWithEngine);
});
afterEach(() => dropDb(db));

async function flags(text: string): Promise<string[]> {
  const { packs, overrides } = await loadEnabled(db);
  return compile(packs, { overrides, model: false }).check([{ id: 'b', text }]).map((f) => f.category);
}

describe('write gate', () => {
  it('refuses an allow phrase that normalises to nothing, and changes nothing', async () => {
    const rule = (await db.rules.toArray())[0].id;
    const before = await dumpAll(db);
    await expect(setOverride(db, rule, { allow: ['！！！'] })).rejects.toThrow(/未保存，规则没有改动/);
    expect(await dumpAll(db)).toEqual(before);
    expect(await flags('今天全网最低价')).toContain('false-price');
  });

  it('an imported pack saying global is stored as its own; its allow list leaves the built-ins on', async () => {
    await applyImport(db, [shop({ allow: ['全网最低价'], global: true })], 'shop.json');
    expect((await db.packs.get('shop'))!.meta.global).toBeUndefined();
    expect(await flags('今天全网最低价')).toContain('false-price');
  });

  it('marking a pack global is refused when its allow list silences a built-in pack, naming that pack', async () => {
    await applyImport(db, [shop({ allow: ['全网最低价'] })], 'shop.json');
    const before = await dumpAll(db);
    const error = await setPackGlobal(db, 'shop', true).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const names = builtins.map((p) => p.name.zh);
    expect(names.some((n) => (error as Error).message.includes(`规则包“${n}”`))).toBe(true);
    expect(await dumpAll(db)).toEqual(before);
    // A harmless allow list can be global.
    await savePack(db, shop({ allow: ['豪礼清单'] }), 'custom');
    await setPackGlobal(db, 'shop', true);
    expect((await db.packs.get('shop'))!.meta.global).toBe(true);
  });

  it('enabling a pack is gated too', async () => {
    // Written past the gate (as an older version of the extension could have stored it), disabled.
    await db.transaction('rw', [db.packs, db.rules], () =>
      writePackRows(db, { ...shop({ allow: ['全网最低价'] }), global: true }, 'builtin', { enabled: false }),
    );
    await expect(setPackEnabled(db, 'shop', true)).rejects.toThrow(/全网最低价|未保存/);
    expect((await db.packs.get('shop'))!.enabled).toBe(false);
  });

  it('an already-failing state does not block other saves or the repair', async () => {
    const broken = shop({ rules: [{ ...shop().rules[0], examples: { flag: ['今天[[送大礼]]'], pass: ['今天不送礼'] } } as PackInput['rules'][number]] });
    await db.transaction('rw', [db.packs, db.rules], () => writePackRows(db, broken, 'custom'));
    // Unrelated change: saved although the database already had a failing example.
    const rule = (await db.rules.where('packId').notEqual('shop').first())!.id;
    await setOverride(db, rule, { extraTerms: ['地板价格'] });
    // The repair itself is saved.
    await savePack(db, shop(), 'custom');
    expect(await flags('今天送豪礼')).toContain('false-price');
  });

  it('a save that breaks its own pack is refused with the pack named', async () => {
    await savePack(db, shop(), 'custom');
    const bad = shop({ rules: [{ ...shop().rules[0], terms: ['送大礼'] } as PackInput['rules'][number]] });
    await expect(savePack(db, bad, 'custom')).rejects.toThrow(/我的店铺包.*送豪礼.*不再命中/);
    expect((await db.rules.get('shop/gift'))!.rule).toMatchObject({ terms: ['送豪礼'] });
  });
});

describe('work budget at the gate', () => {
  const termRule = (id: string, term: string) => ({
    id,
    type: 'term' as const,
    category: 'false-price' as const,
    terms: [term],
    message: { zh: 'x', en: 'x' },
    basis: '广告法 第8条',
    examples: { flag: [`[[${term}]]`], pass: ['好'] },
  });

  it('refuses a pack so large that checking would stall, before compiling it', async () => {
    const rules = Array.from({ length: 6000 }, (_, i) => termRule(`huge/r${i}`, `词${i}号`));
    const huge = packSchema.parse({ id: 'huge', name: { zh: '巨大包', en: 'Huge' }, rules });
    await expect(savePack(db, huge, 'custom')).rejects.toThrow(/规则过多（共 \d+ 条规则/);
    expect(await db.packs.get('huge')).toBeUndefined();
  });

  it('refuses a pack that fires all over ordinary talk', async () => {
    const noisy = packSchema.parse({ id: 'noisy', name: { zh: '吵闹包', en: 'Noisy' }, rules: [termRule('noisy/de', '的')] });
    await expect(savePack(db, noisy, 'custom')).rejects.toThrow(/普通话术上命中过多/);
  });

  it('refuses a pack that makes checking slow, measured on ordinary talk', async () => {
    // The clock says each check took a second: the decision the gate makes on a slow pack.
    let t = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (t += 500));
    try {
      await expect(savePack(db, shop(), 'custom')).rejects.toThrow(/规则太慢：普通话术每 1000 字要/);
    } finally {
      now.mockRestore();
    }
    await savePack(db, shop(), 'custom');
    expect(await db.packs.get('shop')).toBeDefined();
  });
});

describe('gate property', () => {
  it('whatever the gate lets through, the enabled rules still compile and the built-in examples still hold', async () => {
    const { default: fc } = await import('fast-check');
    // Phrases from characters that break things: punctuation and emoji normalise to nothing, 的 is
    // everywhere, 最低价 is a built-in term.
    const piece = fc.constantFrom('！', '？', '…', '😀', ' ', '的', '最', '低', '价', '全网', '送豪礼', 'a', '1');
    const phrase = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const rule = (await db.rules.toArray())[0].id;
    await fc.assert(
      fc.asyncProperty(fc.array(phrase, { minLength: 1, maxLength: 3 }), phrase, fc.boolean(), async (allow, term, global) => {
        // The schema refuses some (a blank phrase) before the gate sees them: that is a refusal too.
        let candidate: Pack | undefined;
        try {
          candidate = shop({ allow, rules: [{ ...shop().rules[0], terms: [term], examples: { flag: [`今天[[${term}]]`], pass: ['今天不送礼'] } } as PackInput['rules'][number]] });
        } catch {
          candidate = undefined;
        }
        if (candidate) await savePack(db, candidate, 'custom').catch(() => undefined);
        if (global && (await db.packs.get('shop'))) await setPackGlobal(db, 'shop', true).catch(() => undefined);
        await setOverride(db, rule, { allow }).catch(() => undefined);
        const set = await loadEnabled(db);
        expect(() => compile(set.packs, { overrides: set.overrides, model: false })).not.toThrow();
        expect(gateWithEngine(set).filter((p) => p.kind === 'compile')).toEqual([]);
        const builtinFailures = gateWithEngine(set).filter((p) => p.kind === 'example' && p.packId !== 'shop');
        expect(builtinFailures).toEqual([]);
      }),
      { numRuns: 12, seed: 20261206 },
    );
  }, 120_000);
});
