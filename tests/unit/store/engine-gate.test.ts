import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import builtin from '../../../rules/packs/builtin.json';
import { compile, type PackInput } from '../../../rules/engine/index.ts';
import type { LivelintDb } from '../../../rules/store/db.ts';
import { verifyWithEngine } from '../../../rules/store/engine-gate.ts';
import { applyImport, previewImport } from '../../../rules/store/import.ts';
import { createPackSource } from '../../../rules/store/pack-source.ts';
import { setOverride, setRuleEnabled } from '../../../rules/store/packs.ts';
import { seedBuiltins } from '../../../rules/store/seed.ts';
import { parseImportFile } from '../../../rules/io/parse-file.ts';
import { dropDb, freshDb } from './helpers.ts';

// The store with the real engine and the real built-in packs: what the background will run.
const enc = (s: string) => new TextEncoder().encode(s);
const packs = builtin as unknown as PackInput[];
let db: LivelintDb;
beforeEach(async () => {
  db = freshDb();
  await seedBuiltins(db, packs);
});
afterEach(() => dropDb(db));

async function checkText(text: string) {
  const { packs: enabled, overrides } = await createPackSource(db).load();
  return compile(enabled, { overrides }).check([{ id: 'b', text }]);
}

describe('store + engine', () => {
  it('seeds every shipped pack and the loaded set compiles and flags', async () => {
    expect(await db.packs.count()).toBe(packs.length);
    expect(await db.rules.count()).toBe(packs.reduce((n, p) => n + p.rules.length, 0));
    const findings = await checkText('今天全网最低价，家人们冲');
    expect(findings.length).toBeGreaterThan(0);
  });

  it('applies a per-rule switch and an allow-listed phrase from the store', async () => {
    const [hit] = await checkText('今天全网最低价');
    await setRuleEnabled(db, hit.rule, false);
    expect((await checkText('今天全网最低价')).filter((f) => f.rule === hit.rule)).toEqual([]);
    await setRuleEnabled(db, hit.rule, true);
    await setOverride(db, hit.rule, { allow: ['今天全网最低价'] });
    expect((await checkText('今天全网最低价')).filter((f) => f.rule === hit.rule)).toEqual([]);
  });

  it('an extra term and a severity change still apply after the built-in pack is upgraded underneath', async () => {
    const [hit] = await checkText('今天全网最低价');
    await setOverride(db, hit.rule, { extraTerms: ['地板价'], severity: 'info' });
    const before = (await checkText('今天地板价')).filter((f) => f.rule === hit.rule);
    expect(before.map((f) => [f.match, f.severity])).toEqual([['地板价', 'info']]);

    // Ship a new version of every built-in pack: a changed message on the very rule the user adjusted.
    const upgraded = structuredClone(packs).map((p) => ({
      ...p,
      version: `${p.version}-next`,
      rules: p.rules.map((r) => (r.id === hit.rule ? { ...r, message: { zh: '新版提示', en: 'new message' } } : r)),
    }));
    const report = await seedBuiltins(db, upgraded);
    expect(report.updated.length).toBe(packs.length);
    const after = (await checkText('今天地板价')).filter((f) => f.rule === hit.rule);
    expect(after.map((f) => [f.match, f.severity, f.message])).toEqual([['地板价', 'info', '新版提示']]);
  });

  it('CSV rules pass their generated examples, and fire after import', async () => {
    const parsed = parseImportFile('shop.csv', enc('词语,类别,级别\n闭眼入,efficacy-guarantee,警告\n'));
    expect(verifyWithEngine(parsed.packs)).toEqual([]);
    const preview = await previewImport(db, parsed.packs, 'shop.csv', verifyWithEngine);
    expect(preview.issues).toEqual([]);
    await applyImport(db, parsed.packs, 'shop.csv', verifyWithEngine);
    const findings = await checkText('这款大家闭眼入');
    expect(findings.some((f) => f.rule.startsWith('custom-shop/') && f.match === '闭眼入')).toBe(true);
  });

  it('refuses a pack whose examples fail, naming the rule and the text', async () => {
    const p = parseImportFile('x.json', enc(JSON.stringify({
      id: 'bad',
      name: { zh: '坏', en: 'bad' },
      rules: [{
        id: 'bad/r', type: 'term', category: 'absolute-term', message: { zh: 'x', en: 'x' }, basis: 'b',
        terms: ['第一'], examples: { flag: ['我们是[[第二]]'], pass: ['第一次'] },
      }],
    })));
    const issues = verifyWithEngine(p.packs);
    expect(issues.join('\n')).toMatch(/bad\/r .*我们是\[\[第二\]\]/);
    await expect(applyImport(db, p.packs, 'x.json', verifyWithEngine)).rejects.toThrow(/example failed/);
    expect(await db.packs.get('bad')).toBeUndefined();
  });
});
