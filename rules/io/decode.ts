import type { ImportIssue } from './issues.ts';

// Shop managers save CSV from Excel or WPS: UTF-8 with a BOM, UTF-16 ("Unicode text") or the
// Windows Chinese code page (GBK/GB18030). Strict UTF-8 is tried first because GBK bytes of real
// Chinese text are almost never valid UTF-8, so a failure is a reliable signal to try GB18030.

export interface Decoded {
  text?: string;
  encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
  issues: ImportIssue[];
}

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    if (text !== undefined) return { text, encoding: 'utf-8-bom', issues: [] };
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict('utf-16le', bytes.subarray(2));
    if (text !== undefined) return { text, encoding: 'utf-16le', issues: [] };
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict('utf-16be', bytes.subarray(2));
    if (text !== undefined) return { text, encoding: 'utf-16be', issues: [] };
  } else if (!bytes.includes(0)) {
    const utf8 = strict('utf-8', bytes);
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', issues: [] };
    const gbk = strict('gb18030', bytes);
    if (gbk !== undefined) return { text: gbk, encoding: 'gb18030', issues: [] };
  }
  return {
    issues: [
      {
        file,
        reason:
          '无法识别文件编码（不是文本文件，或编码不是 UTF-8/GBK）。请在 Excel 中“另存为 CSV UTF-8”后重试。 / ' +
          'Unrecognised encoding (not a text file, or neither UTF-8 nor GBK). Save as "CSV UTF-8" in Excel and try again.',
      },
    ],
  };
}
