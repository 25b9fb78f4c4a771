import { checklist, parseProduct, type ChecklistItem, type Product } from '../../../rules/engine/product/index.ts';
import { normalize } from '../../../rules/engine/normalize.ts';
import type { TextBlock } from '../../../rules/engine/schema.ts';

// The product being presented, for every check: chosen in the panel, or picked up from the
// console's "now presenting" card by name or alias. Also remembers, per tab, which checklist items
// (required disclosures, must-say selling points) the script or captions have already said: once
// said in the session it stays ticked, even after the block that said it scrolled away.

export interface StoredProduct {
  id: number;
  record: Product;
}

/** Reads a store row (products table; the record is kept under facts.record). Bad rows are skipped. */
export function productFromRow(row: { id?: number; facts?: Record<string, unknown> }): StoredProduct | null {
  if (row.id === undefined || !row.facts?.record) return null;
  try {
    return { id: row.id, record: parseProduct(row.facts.record) };
  } catch {
    return null;
  }
}

const fold = (s: string) => normalize(s).text;

/** The product whose name or alias the console's card shows (either contains the other). */
export function matchProduct(products: readonly StoredProduct[], shown: string): StoredProduct | null {
  const s = fold(shown);
  if (!s) return null;
  let best: { p: StoredProduct; len: number } | null = null;
  for (const p of products) {
    for (const name of [p.record.name, ...p.record.aliases]) {
      const n = fold(name);
      if (n.length < 2) continue;
      if ((s.includes(n) || n.includes(s)) && (!best || n.length > best.len)) best = { p, len: n.length };
    }
  }
  return best?.p ?? null;
}

export type SelectionSource = 'panel' | 'console';

export class ProductSelection {
  products: StoredProduct[] = [];
  current: StoredProduct | null = null;
  source: SelectionSource | null = null;
  /** What the console last showed, kept so a product imported later can still be matched. */
  consoleName: string | undefined;
  private said = new Map<number, Set<string>>();
  private listeners = new Set<() => void>();
  /** The host picked "none" after the console picked: don't re-pick until the console's card changes. */
  private declined: string | undefined;

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  record(): Product | null {
    return this.current?.record ?? null;
  }

  /** Extra context for checker.check: the product (its category scopes the category rules too). */
  context(): { product?: Product; productCategory?: Product['category'] } {
    const p = this.current?.record;
    return p ? { product: p, productCategory: p.category } : {};
  }

  /** A new product list from the store; keeps the selection if it still exists. Returns whether the product changed. */
  setProducts(products: StoredProduct[]): boolean {
    this.products = products;
    const before = this.current;
    if (this.current) this.current = products.find((p) => p.id === this.current!.id) ?? null;
    if (!this.current && this.consoleName !== undefined && this.declined !== this.consoleName) this.pickByName(this.consoleName);
    const productChanged = before?.record !== this.current?.record;
    if (productChanged) this.said.clear();
    this.changed();
    return productChanged;
  }

  /** The host's choice in the panel (null: none). Returns whether the product changed. */
  select(id: number | null): boolean {
    const next = id === null ? null : (this.products.find((p) => p.id === id) ?? null);
    if (id === null) this.declined = this.consoleName;
    return this.set(next, next ? 'panel' : null);
  }

  /** The console's "now presenting" card. Returns whether the product changed. */
  fromConsole(name: string): boolean {
    const same = name === this.consoleName;
    this.consoleName = name;
    if (same && (this.source === 'panel' || this.declined === name)) return false;
    if (!same) this.declined = undefined;
    const changed = this.pickByName(name);
    this.changed();
    return changed;
  }

  private pickByName(name: string): boolean {
    const found = matchProduct(this.products, name);
    if (!found) return false;
    return this.set(found, 'console');
  }

  private set(next: StoredProduct | null, source: SelectionSource | null): boolean {
    const changed = next?.id !== this.current?.id || next?.record !== this.current?.record;
    this.current = next;
    this.source = source;
    if (changed) this.said.clear();
    this.changed();
    return changed;
  }

  /** Script and caption text of a content batch: ticks what they say. */
  noteSaid(tabId: number, blocks: readonly TextBlock[]) {
    const p = this.current?.record;
    if (!p) return;
    const texts = blocks.filter((b) => b.source === 'script' || b.source === 'captions').map((b) => b.text);
    if (!texts.length) return;
    let set = this.said.get(tabId);
    const before = set?.size ?? 0;
    for (const item of checklist(p, texts)) {
      if (!item.said) continue;
      if (!set) this.said.set(tabId, (set = new Set()));
      set.add(item.id);
    }
    if ((set?.size ?? 0) !== before) this.changed();
  }

  /** The checklist for a tab: said in the session, or in the text the tab holds now. */
  checklistFor(tabId: number | null, texts: readonly string[] = []): ChecklistItem[] {
    const p = this.current?.record;
    if (!p) return [];
    const set = tabId === null ? undefined : this.said.get(tabId);
    return checklist(p, texts).map((i) => (i.said || set?.has(i.id) ? { ...i, said: true } : i));
  }

  forget(tabId: number) {
    this.said.delete(tabId);
  }
}

export const currentProduct = new ProductSelection();
