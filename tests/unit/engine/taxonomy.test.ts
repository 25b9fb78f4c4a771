import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDING_CATEGORIES, PRODUCT_CATEGORIES, SEVERITIES, CATEGORY_INFO } from '../../../rules/engine/index.ts';
import { CATEGORY_DEFAULT_SEVERITY } from '../../../rules/engine/severity.ts';

// The engine carries a copy of the shared taxonomy (it may not read files). The shared file sits
// beside the repository on developer and CI machines; this keeps the copy from drifting.
const shared = new URL('../../../../shared/taxonomy.json', import.meta.url);

describe.skipIf(!existsSync(shared))('taxonomy copy', () => {
  // Read lazily: a skipped describe still runs its body to collect tests.
  const taxonomy = existsSync(shared) ? JSON.parse(readFileSync(shared, 'utf8')) : { categories: [], productCategories: [], severities: [] };
  it('has exactly the shared category ids, severities and product categories', () => {
    expect([...FINDING_CATEGORIES]).toEqual(taxonomy.categories.map((c: { id: string }) => c.id));
    expect([...PRODUCT_CATEGORIES]).toEqual(taxonomy.productCategories.map((c: { id: string }) => c.id));
    expect([...SEVERITIES]).toEqual(taxonomy.severities);
  });
  it('uses the shared default severity and Chinese label per category', () => {
    for (const c of taxonomy.categories) {
      expect(CATEGORY_DEFAULT_SEVERITY[c.id as keyof typeof CATEGORY_DEFAULT_SEVERITY]).toBe(c.severity);
      expect(CATEGORY_INFO[c.id as keyof typeof CATEGORY_INFO].zh.length).toBeGreaterThan(0);
    }
  });
});
