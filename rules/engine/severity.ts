import type { FindingCategory, Severity } from './taxonomy.ts';

/** Default severity per category, as ../shared/taxonomy.json sets it (a test keeps them equal). */
export const CATEGORY_DEFAULT_SEVERITY: Record<FindingCategory, Severity> = {
  'absolute-term': 'error',
  'false-price': 'error',
  'medical-claim': 'error',
  'health-food-claim': 'error',
  'cosmetic-claim': 'error',
  'efficacy-guarantee': 'error',
  'false-endorsement': 'error',
  'unverified-qualification': 'warning',
  superstition: 'error',
  'fake-data': 'warning',
  'pressure-tactic': 'warning',
  'emotional-coercion': 'warning',
  'off-platform-deal': 'error',
  disparagement: 'error',
  'restricted-product': 'error',
  'public-order': 'warning',
  'product-mismatch': 'error',
  'missing-disclosure': 'info',
};
