import { describeIssue } from '../schema.ts';
import { productSchema, type Product, type ProductInput } from './schema.ts';

// JSON import/export of one product record. Errors read `field.path: reason`.

export class ProductJsonError extends Error {}

export function productFromJson(text: string): Product {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ProductJsonError(`not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (Array.isArray(data)) {
    if (data.length !== 1) throw new ProductJsonError(`(root): holds ${data.length} products; give one product per file`);
    data = data[0];
  }
  return parseProduct(data);
}

/** Validates a product object (from JSON, the store or a form). */
export function parseProduct(data: unknown): Product {
  const r = productSchema.safeParse(data);
  if (!r.success) throw new ProductJsonError(describeIssue(r.error));
  return r.data;
}

export function productToJson(product: Product | ProductInput): string {
  return JSON.stringify(productSchema.parse(product), null, 2) + '\n';
}
