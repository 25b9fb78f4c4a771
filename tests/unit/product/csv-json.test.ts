import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { productFromCsv, productFromJson, productToCsv, productToJson, ProductCsvError, ProductJsonError } from '../../../rules/engine/index.ts';
import { parseCsvText, writeCsvText } from '../../../rules/engine/product/csv-text.ts';

const fixture = (f: string) => readFileSync(new URL(`../../fixtures/products/${f}`, import.meta.url), 'utf8');

describe('product CSV', () => {
  it('reads the spreadsheet layout with Chinese kind and type words', () => {
    const p = productFromCsv(fixture('nuts.csv'));
    expect(p).toMatchObject({
      name: '每日坚果礼盒',
      category: 'food',
      aliases: ['坚果礼盒'],
      price: { live: 99, reference: { amount: 199, from: '2026-10-01', to: '2026-10-31' } },
    });
    expect(p.facts).toContainEqual({ attribute: '净含量', value: '450g（25g×18袋）', unit: undefined });
    expect(p.sellingPoints[0]).toEqual({ text: '每天一小袋，7种坚果果干', priority: 1, says: ['7种', '七种'] });
    expect(p.disclosures[0]).toMatchObject({ kind: 'presale', says: ['7天内发货', '七天内发货'] });
    expect(p.forbiddenClaims[0]).toEqual({ text: '零添加', reason: '配料含白砂糖, 不能说零添加' });
    expect(p.faq).toHaveLength(2);
  });

  it('round-trips JSON -> CSV -> product unchanged', () => {
    const p = productFromJson(fixture('tshirt.json'));
    const csv = productToCsv(p);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(productFromCsv(csv)).toEqual(p);
    expect(productFromJson(productToJson(p))).toEqual(p);
  });

  it('accepts Chinese headers', () => {
    const p = productFromCsv('类型,属性,值,单位\n名称,,测试,\n类目,,服装鞋包,\n参数,面料,100%棉,\n');
    expect(p).toMatchObject({ name: '测试', category: 'apparel', facts: [{ attribute: '面料', value: '100%棉' }] });
  });

  it('names the spreadsheet row and column of each error', () => {
    expect(() => productFromCsv(fixture('bad-row.csv'))).toThrow(/row 5, kind: unknown kind "hello"/);
    expect(() => productFromCsv('kind,attribute,value,unit,priority\nname,,x,,\ncategory,,apparel,,\npoint,,卖点,,9\n')).toThrow(/row 4, priority: 1 \(must say\) to 5/);
    expect(() => productFromCsv('kind,attribute,value,from,to\nname,,x,,\ncategory,,apparel,,\nprice,划线价,399,2026-10-31,2026-10-01\n')).toThrow(/row 4, to: "from" must not be after "to"/);
    expect(() => productFromCsv('kind,value\nname,x\n')).toThrow(/category/);
    expect(() => productFromCsv('attribute,value\n')).toThrow(/row 1: missing column "kind"/);
    expect(() => productFromCsv('kind,value\nname,"x\n')).toThrow(ProductCsvError);
  });

  it('CSV cells survive commas, quotes and newlines (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '棉', ',', '"', '\n', ' ', '；', '1') , maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const back = parseCsvText(writeCsvText(rows));
        expect(back).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});

describe('product JSON', () => {
  it('reports field paths', () => {
    expect(() => productFromJson(fixture('bad-category.json'))).toThrow(/category: Invalid option.*price\.live: must be a number/);
    expect(() => productFromJson('{')).toThrow(ProductJsonError);
    expect(() => productFromJson('[{}, {}]')).toThrow(/holds 2 products/);
  });
  it('fills defaults and coerces CSV-style strings', () => {
    const p = productFromJson('{"name":"x","category":"daily","price":{"live":"¥9.9"},"sellingPoints":["好用"],"registrations":{"medicalDevice":{"number":"n","class":"三类"}}}');
    expect(p.price.live).toBe(9.9);
    expect(p.sellingPoints).toEqual([{ text: '好用', priority: 3, says: [] }]);
    expect(p.registrations.medicalDevice?.class).toBe('III');
  });
});

describe('CSV formula guard', () => {
  it('prefixes cells Excel would run as formulas and reads them back unchanged', () => {
    const rows = [['=1+1', '+86 138', '-5', '@A1', '\tx', '普通', "'=already"]];
    const text = writeCsvText(rows);
    const written = text.replace(/^\uFEFF/, '').split('\r\n')[0].split(',');
    for (const cell of written.slice(0, 5)) expect(cell.replace(/^"/, '')).toMatch(/^'/);
    expect(written[5]).toBe('普通');
    expect(parseCsvText(text)).toEqual(rows);
  });
});

