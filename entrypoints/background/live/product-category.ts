import { browser } from 'wxt/browser';
import { productCategorySchema } from '../../../rules/engine/schema.ts';
import type { ProductCategory } from '../../../rules/engine/taxonomy.ts';

// The product category being sold scopes rules (the same words are lawful for a registered special
// cosmetic and unlawful for a snack). Kept in storage.local so it survives worker restarts.

const KEY = 'livelint:productCategory';

export async function loadProductCategory(): Promise<ProductCategory | null> {
  const got = await browser.storage.local.get(KEY);
  const parsed = productCategorySchema.safeParse(got[KEY]);
  return parsed.success ? parsed.data : null;
}

export async function saveProductCategory(category: ProductCategory | null) {
  if (category) await browser.storage.local.set({ [KEY]: category });
  else await browser.storage.local.remove(KEY);
}
