import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../rules/io/parse-file.ts';
import { diffPack } from '../../../rules/io/diff.ts';
import { builtinV1, builtinV2, customPack } from '../../fixtures/store/sample-packs.ts';
import { stringify } from 'yaml';

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON and YAML import', () => {
  it('reads one pack, an array of packs, or { packs: [...] }', () => {
    expect(parseImportFile('a.json', enc(JSON.stringify(customPack()))).packs.map((p) => p.id)).toEqual(['my-shop']);
    const two = [customPack('a'), customPack('b')];
    expect(parseImportFile('a.json', enc(JSON.stringify(two))).packs.map((p) => p.id)).toEqual(['a', 'b']);
    expect(parseImportFile('a.json', enc(JSON.stringify({ packs: two }))).packs).toHaveLength(2);
  });

  it('reads YAML packs', () => {
    const r = parseImportFile('p.yaml', enc(stringify(customPack())));
    expect(r.issues).toEqual([]);
    expect(r.format).toBe('yaml');
    expect(r.packs[0].rules[0].id).toBe('my-shop/secret-deal');
  });

  it('reports schema errors by path', () => {
    const bad = customPack() as any;
    bad.rules[0].severity = 'fatal';
    bad.rules[0].examples.pass = [];
    const r = parseImportFile('a.json', enc(JSON.stringify([customPack('ok'), bad])));
    expect(r.packs.map((p) => p.id)).toEqual(['ok']);
    const paths = r.issues.map((i) => i.path);
    expect(paths).toContain('1.rules.0.severity');
    expect(paths).toContain('1.rules.0.examples.pass');
  });

  it('reports syntax errors with the file name', () => {
    const r = parseImportFile('a.json', enc('{"id": '));
    expect(r.issues[0].file).toBe('a.json');
    expect(r.issues[0].reason).toMatch(/invalid JSON/);
    const y = parseImportFile('a.yaml', enc('id: [unclosed\nname: x'));
    expect(y.issues[0].reason).toMatch(/invalid YAML/);
  });

  it('refuses duplicate rule ids inside a pack', () => {
    const p = customPack() as any;
    p.rules.push({ ...p.rules[0] });
    const r = parseImportFile('a.json', enc(JSON.stringify(p)));
    expect(r.packs).toEqual([]);
    expect(r.issues[0]).toMatchObject({ path: 'rules.1.id' });
  });

  it('prefixes rule ids with the pack id, so rule ids stay globally unique', () => {
    const p = customPack() as any;
    p.rules[0].id = 'deal';
    expect(parseImportFile('a.json', enc(JSON.stringify(p))).packs[0].rules[0].id).toBe('my-shop/deal');
  });
});

describe('diffPack', () => {
  it('splits rules into added, changed, unchanged, removed', () => {
    const v1 = parseImportFile('a.json', enc(JSON.stringify(builtinV1()))).packs[0];
    const v2 = parseImportFile('a.json', enc(JSON.stringify(builtinV2()))).packs[0];
    const d = diffPack(v2, v1);
    expect(d).toMatchObject({
      status: 'update',
      metaChanged: true,
      added: ['core/guarantee'],
      changed: ['core/lowest-price', 'core/cure'],
      unchanged: [],
      removed: ['core/original-price'],
    });
    expect(diffPack(v1, v1)).toMatchObject({ metaChanged: false, unchanged: ['core/lowest-price', 'core/cure', 'core/original-price'] });
    expect(diffPack(v1, undefined).status).toBe('new');
  });
});

describe('export round trip', async () => {
  const { packToCsv, packToJson, packToYaml } = await import('../../../rules/io/export.ts');
  const pack = parseImportFile('a.json', enc(JSON.stringify(builtinV1()))).packs[0];

  it('JSON and YAML exports import back to the same pack', () => {
    expect(parseImportFile('a.json', enc(packToJson(pack))).packs[0]).toEqual(pack);
    expect(parseImportFile('a.yaml', enc(packToYaml(pack))).packs[0]).toEqual(pack);
  });

  it('CSV export keeps term rules (with BOM for Excel) and counts the others', () => {
    const { text, skipped } = packToCsv(pack);
    expect(skipped).toBe(1);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const back = parseImportFile('core.csv', enc(text)).packs[0];
    expect(back.rules.map((r) => (r.type === 'term' ? r.terms : []))).toEqual([['全网最低价', '最低价'], ['根治', '治愈']]);
    expect(back.rules.map((r) => r.basis)).toEqual(['广告法 第9条第(三)项', '广告法 第17条']);
  });

  it('CSV export never hands Excel a formula, and the mark is dropped again on import', () => {
    const hostile = structuredClone(pack);
    const rule = hostile.rules.find((r) => r.type === 'term')!;
    rule.note = '=HYPERLINK("http://x.example","点我")';
    rule.basis = '@SUM(1+1)';
    const { text } = packToCsv(hostile);
    const cells = text.split(/\r\n/)[1];
    expect(cells).not.toMatch(/(^|,)"?[=@+-]/);
    expect(cells).toContain(`'@SUM`);
    const back = parseImportFile('core.csv', enc(text)).packs[0];
    const backRule = back.rules.find((r) => r.type === 'term')!;
    expect(backRule.note).toBe(rule.note);
    expect(backRule.basis).toBe(rule.basis);
  });
});
