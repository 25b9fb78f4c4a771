import { signal } from '@preact/signals';
import type { Product } from '../../rules/engine/product/index.ts';
import { sendInsights } from './chat-model.ts';

// Product actions of the panel: import a CSV/JSON record into the store, pick the product being
// presented. The background owns the selection (it passes the product to every check). The parser
// and the store load on first import, so the Live tab's first paint stays small.

export const importError = signal<string | null>(null);
export const importedName = signal<string | null>(null);

/** Spreadsheet exports arrive as UTF-8 (with or without BOM), UTF-16 or GBK: try them in that order. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** Parses a product file (.json or CSV); throws the engine's `row N, column: reason` errors. */
export async function parseProductFile(name: string, text: string): Promise<Product> {
  const { productFromCsv, productFromJson } = await import('../../rules/engine/product/index.ts');
  return /\.json$/i.test(name) || text.trimStart().startsWith('{') ? productFromJson(text) : productFromCsv(text);
}

export async function importProduct(file: File): Promise<void> {
  importError.value = null;
  importedName.value = null;
  try {
    const record = await parseProductFile(file.name, decodeText(new Uint8Array(await file.arrayBuffer())));
    const [{ getDb }, { saveProduct }] = await Promise.all([import('../../rules/store/db.ts'), import('../../rules/store/records.ts')]);
    const id = await saveProduct(getDb(), { name: record.name, category: record.category, facts: { record } });
    importedName.value = record.name;
    sendInsights({ type: 'products-changed', select: id });
  } catch (e) {
    importError.value = e instanceof Error ? e.message : String(e);
  }
}

export const selectProduct = (id: number | null) => sendInsights({ type: 'select-product', id });
