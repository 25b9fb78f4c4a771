import { compile, productSchema, type Checker, type Finding, type ProductInput } from '../../../rules/engine/index.ts';
import { loadBuiltinPacks } from '../../../rules/cli/pack-files.ts';

// One checker over the built-in packs for every product test: the product checks must work next to
// the real rules (and drop the ones the product's registrations make lawful).
let checker: Checker | undefined;
export function builtin(): Checker {
  checker ??= compile(loadBuiltinPacks());
  return checker;
}

export const product = (p: ProductInput) => productSchema.parse(p);

/** Findings of product rules only, as [rule, matched original text]. */
export function productFindings(p: ProductInput, text: string): Array<[string, string]> {
  return builtin()
    .check([{ id: 't', text }], { product: productSchema.parse(p) })
    .filter((f) => f.rule.startsWith('product/'))
    .map((f) => [f.rule, f.match]);
}

export function all(p: ProductInput, text: string): Finding[] {
  return builtin().check([{ id: 't', text }], { product: productSchema.parse(p) });
}
