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

// --- editing ----------------------------------------------------------------------------------
// The panel reads the stored record itself (the product state message carries only names); saving
// writes the store and tells the background to reload, which re-checks the Live feed with the new facts.

export interface Editing {
  id: number;
  record: Product;
}
export const editing = signal<Editing | null>(null);
export const editError = signal<string | null>(null);

async function store() {
  const [{ getDb }, records, { productSchema }] = await Promise.all([
    import('../../rules/store/db.ts'),
    import('../../rules/store/records.ts'),
    import('../../rules/engine/product/schema.ts'),
  ]);
  return { db: getDb(), ...records, productSchema };
}

export async function editProduct(id: number): Promise<void> {
  editError.value = null;
  try {
    const { db, productSchema } = await store();
    const row = await db.products.get(id);
    if (!row?.facts?.record) throw new Error(`product ${id} has no stored record`);
    editing.value = { id, record: productSchema.parse(row.facts.record) };
  } catch (e) {
    editError.value = e instanceof Error ? e.message : String(e);
  }
}

export async function saveEditedProduct(record: Product): Promise<void> {
  const cur = editing.value;
  if (!cur) return;
  editError.value = null;
  try {
    const { db, saveProduct } = await store();
    await saveProduct(db, { id: cur.id, name: record.name, category: record.category, facts: { record } });
    editing.value = null;
    sendInsights({ type: 'products-changed' });
  } catch (e) {
    editError.value = e instanceof Error ? e.message : String(e);
  }
}

export async function deleteEditedProduct(): Promise<void> {
  const cur = editing.value;
  if (!cur) return;
  editError.value = null;
  try {
    const { db, deleteProduct } = await store();
    await deleteProduct(db, cur.id);
    editing.value = null;
    sendInsights({ type: 'products-changed' });
  } catch (e) {
    editError.value = e instanceof Error ? e.message : String(e);
  }
}

export const cancelEdit = () => {
  editing.value = null;
  editError.value = null;
};
