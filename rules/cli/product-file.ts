import { readFileSync, existsSync, statSync } from 'node:fs';
import { decodeText } from '../io/decode.ts';
import { productFromCsv, productFromJson, type Product } from '../engine/product/index.ts';
import { InputError } from './pack-files.ts';

// `--product FILE`: one product record as JSON, or as the spreadsheet CSV layout (UTF-8, UTF-8 with
// BOM, UTF-16 or GBK as Excel/WPS save it). Every error names the file, then the field or row.

export function readProductFile(file: string): Product {
  if (!existsSync(file)) throw new InputError(`${file}: no such file`);
  if (statSync(file).isDirectory()) throw new InputError(`${file}: is a folder, not a product file`);
  const decoded = decodeText(new Uint8Array(readFileSync(file)), file);
  if (decoded.text === undefined) throw new InputError(`${file}: ${decoded.issues[0]?.reason ?? 'cannot decode the file'}`);
  const csv = /\.(csv|txt)$/i.test(file) || (!/\.json$/i.test(file) && /^\s*(kind|类型)\s*,/i.test(decoded.text));
  try {
    return csv ? productFromCsv(decoded.text) : productFromJson(decoded.text);
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  }
}
