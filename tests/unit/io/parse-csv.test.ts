import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../rules/io/parse-file.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('CSV import', () => {
  it('turns each row into a term rule with generated examples', () => {
    const csv = 'term,category,severity,rewrite,basis,note\n全网最低价,absolute-term,error,直播间专属价|本场活动价,,价格类\n加微信,off-platform-deal,,,,\n';
    const r = parseImportFile('shop.csv', enc(csv));
    expect(r.issues).toEqual([]);
    expect(r.format).toBe('csv');
    const [pack] = r.packs;
    expect(pack.id).toBe('custom-shop');
    expect(pack.rules).toHaveLength(2);
    const [first, second] = pack.rules;
    expect(first.type).toBe('term');
    expect(first.type === 'term' && first.terms).toEqual(['全网最低价']);
    expect(first.severity).toBe('error');
    expect(first.suggestions).toEqual(['直播间专属价', '本场活动价']);
    expect(first.basis).toMatch(/广告法/); // empty basis falls back to the category's basis
    expect(first.note).toBe('价格类');
    expect(first.examples.flag).toEqual(['[[全网最低价]]']);
    expect(second.severity).toBeUndefined();
    expect(first.id).toMatch(/^custom-shop\//);
    expect(first.id).not.toBe(second.id);
  });

  it('accepts Chinese headers and Chinese category and severity labels, in a GBK file', () => {
    const csv = '词语,类别,级别,改写,依据,备注\r\n根治,涉及疾病治疗/医疗用语,错误,改善,广告法 第17条,\r\n';
    const r = parseImportFile('店铺词库.csv', new Uint8Array(iconv.encode(csv, 'gbk')));
    expect(r.issues).toEqual([]);
    expect(r.encoding).toBe('gb18030');
    const rule = r.packs[0].rules[0];
    expect(rule.category).toBe('medical-claim');
    expect(rule.severity).toBe('error');
    expect(rule.basis).toBe('广告法 第17条');
    // An all-Chinese file name still gives a valid pack id.
    expect(r.packs[0].id).toMatch(/^custom-[a-z0-9]+$/);
  });

  it('gives stable rule ids, so re-importing the same terms updates instead of duplicating', () => {
    const a = parseImportFile('x.csv', enc('term,category\n最低价,absolute-term\n'));
    const b = parseImportFile('x.csv', enc('term,category,severity\n最低价,absolute-term,info\n'));
    expect(a.packs[0].rules[0].id).toBe(b.packs[0].rules[0].id);
  });

  it('reports every bad row by row number and reason, and returns no pack', () => {
    const csv = 'term,category,severity\n好词,absolute-term,\n,absolute-term,\n坏类别,not-a-category,\n坏级别,absolute-term,urgent\n好词,absolute-term,\n';
    const r = parseImportFile('bad.csv', enc(csv));
    expect(r.packs).toEqual([]);
    expect(r.issues.map((i) => i.row)).toEqual([3, 4, 5, 6]);
    expect(r.issues[0].reason).toMatch(/empty term/);
    expect(r.issues[1].reason).toMatch(/unknown category "not-a-category"/);
    expect(r.issues[2].reason).toMatch(/unknown severity "urgent"/);
    expect(r.issues[3].reason).toMatch(/repeats row 2/);
  });

  it('names the missing column when the header is wrong', () => {
    const r = parseImportFile('x.csv', enc('word,kind\n最低价,absolute-term\n'));
    expect(r.packs).toEqual([]);
    expect(r.issues[0]).toMatchObject({ file: 'x.csv', row: 1 });
    expect(r.issues[0].reason).toMatch(/term/);
  });

  it('reports an over-long term with the row and the field', () => {
    const r = parseImportFile('x.csv', enc(`term,category\n${'长'.repeat(201)},absolute-term\n`));
    expect(r.issues[0]).toMatchObject({ row: 2, path: 'terms.0' });
  });
});
