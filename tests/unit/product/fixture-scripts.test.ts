import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { productFromCsv, productFromJson, type Product } from '../../../rules/engine/index.ts';
import { builtin } from './helpers.ts';

// Every line of <product>-wrong.txt must get a product finding; no line of <product>-ok.txt may.
// The sample scripts are the regression corpus for product knowledge.
const DIR = new URL('../../fixtures/products/', import.meta.url);
const load = (name: string): Product => {
  const json = readdirSync(DIR).includes(`${name}.json`);
  const text = readFileSync(new URL(json ? `${name}.json` : `${name}.csv`, DIR), 'utf8');
  return json ? productFromJson(text) : productFromCsv(text);
};
const lines = (f: string) => readFileSync(new URL(f, DIR), 'utf8').split('\n').filter((l) => l.trim());
const products = ['tshirt', 'nuts', 'protein', 'serum'];

const productRules = (p: Product, text: string) =>
  builtin()
    .check([{ id: 'l', text }], { product: p })
    .filter((f) => f.rule.startsWith('product/'));

describe.each(products)('sample scripts for %s', (name) => {
  const p = load(name);
  it.each(lines(`${name}-wrong.txt`))('flags: %s', (line) => {
    expect(productRules(p, line).length).toBeGreaterThan(0);
  });
  it.each(lines(`${name}-ok.txt`))('passes: %s', (line) => {
    expect(productRules(p, line).map((f) => `${f.rule} ${f.match}`)).toEqual([]);
  });
});

describe('spans on arbitrary text', () => {
  const alphabet = ['原价', '到手价', '8', '9', '.', '5', '%', '折', '克', '斤', '纯', '棉', '保质期', '年', '产地', '新疆', '不是', ' ', '，', '１', '二', '百', '块', '美白', '淡斑', '降血糖', '省', '元', 'ｇ', '😀', '\n'];
  it('every product finding points at the original text it reports, inside the block', () => {
    const ps = products.map(load);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), fc.integer({ min: 0, max: ps.length - 1 }), (parts, k) => {
        const text = parts.join('');
        for (const f of builtin().check([{ id: 'x', text }], { product: ps[k] })) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.match).toBe(text.slice(f.start, f.end));
        }
      }),
      { numRuns: 300 },
    );
  });
});
