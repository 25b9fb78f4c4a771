import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../rules/io/decode.ts';

const text = '词语,类别\n全网最低价,绝对化用语\n';

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    const d = decodeText(new TextEncoder().encode(text), 'a.csv');
    expect(d).toMatchObject({ text, encoding: 'utf-8' });
  });

  it('strips the BOM Excel writes with "CSV UTF-8"', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const d = decodeText(bytes, 'a.csv');
    expect(d.encoding).toBe('utf-8-bom');
    expect(d.text).toBe(text);
    expect(d.text!.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads GBK files saved by Excel/WPS on Chinese Windows', () => {
    const d = decodeText(new Uint8Array(iconv.encode(text, 'gbk')), 'a.csv');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(text);
  });

  it('reads UTF-16 "Unicode text"', () => {
    const d = decodeText(new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true })), 'a.csv');
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(text);
  });

  it('refuses binary data with a bilingual message', () => {
    const d = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]), 'book.xlsx');
    expect(d.text).toBeUndefined();
    expect(d.issues[0].file).toBe('book.xlsx');
    expect(d.issues[0].reason).toMatch(/无法识别文件编码.*Unrecognised encoding/);
  });
});
