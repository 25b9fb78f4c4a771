import { describe, expect, it } from 'vitest';
import { decodeText, parseProductFile } from '../../../entrypoints/sidepanel/product-model.ts';

describe('product file decoding', () => {
  it('reads UTF-8 with and without BOM, UTF-16 LE and GBK', () => {
    const text = 'name,,冰感棉T恤';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      u16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      u16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(u16)).toBe(text);
    // 冰感 in GBK
    expect(decodeText(new Uint8Array([0xb1, 0xf9, 0xb8, 0xd0]))).toBe('冰感');
  });

  it('parses CSV and JSON by name or content, with the engine error for a bad row', async () => {
    const csv = 'kind,attribute,value\nname,,坚果\ncategory,,普通食品\n';
    expect((await parseProductFile('a.csv', csv)).category).toBe('food');
    expect((await parseProductFile('a.txt', '{"name":"T恤","category":"apparel"}')).name).toBe('T恤');
    await expect(parseProductFile('b.csv', 'kind,attribute,value\nname,,x\ncategory,,不存在\n')).rejects.toThrow(/row 3/);
  });
});
