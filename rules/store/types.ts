import type { Pack, Rule } from '../engine/schema.ts';
import type { FindingCategory, ProductCategory, Severity } from '../engine/taxonomy.ts';

// Row shapes of the `livelint` IndexedDB database. Rows hold plain JSON only, so a backup file
// round-trips them and a structured clone to the background costs nothing surprising.

export type PackOrigin = 'builtin' | 'custom' | 'subscribed';

/** Everything of a pack except its rules, which live one per row in `rules`. */
export type PackMeta = Omit<Pack, 'rules'>;

export interface SubscriptionState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Last time a fetch was attempted (ms since epoch). */
  checkedAt?: number;
  /** Last time a valid version was stored. */
  okAt?: number;
  /** Why the last attempt failed; cleared on the next good fetch. The last good version stays. */
  error?: { at: number; zh: string; en: string };
}

export interface PackRow {
  id: string;
  origin: PackOrigin;
  /** User state: never changed by a built-in upgrade or a subscription refresh. */
  enabled: boolean;
  meta: PackMeta;
  ruleCount: number;
  /** Content hash of the pack as installed: a built-in upgrade only rewrites rows when it differs. */
  hash: string;
  createdAt: number;
  updatedAt: number;
  subscription?: SubscriptionState;
}

export interface RuleRow {
  id: string;
  packId: string;
  /** Position inside the pack, so export and compile keep the author's order. */
  order: number;
  category: FindingCategory;
  severity?: Severity;
  rule: Rule;
}

/** What a user changed about a rule. Kept apart from the rule so a built-in upgrade never loses it. */
export interface OverrideRow {
  ruleId: string;
  enabled?: boolean;
  severity?: Severity;
  extraTerms?: string[];
  allow?: string[];
  updatedAt: number;
}

export interface ProductRow {
  id?: number;
  name: string;
  category: ProductCategory;
  /** Free-form facts (price, registration number, claims allowed) used by product-aware rules. */
  facts?: Record<string, unknown>;
  updatedAt: number;
}

export interface SessionRow {
  id?: number;
  startedAt: number;
  endedAt?: number;
  site?: string;
  url?: string;
  productId?: number;
  /** Chat questions and complaints counted per topic during the session (background recorder). */
  chat?: { questions: Record<string, number>; complaints: Record<string, number> };
  /** What the session did not keep, so the report can say so: chat skipped in a flood, findings not written. */
  losses?: SessionLosses;
}

export interface SessionLosses {
  /** Chat messages the page sent faster than they could be checked (skipped, counted). */
  skippedChat: number;
  /** Findings that could not be written after retries (storage full, database closed). */
  unsaved: number;
}

export interface FindingRow {
  id?: number;
  sessionId: number;
  at: number;
  rule: string;
  category: FindingCategory;
  severity: Severity;
  match: string;
  source?: string;
  text?: string;
}

export interface DraftRow {
  id: string;
  text: string;
  productId?: number;
  updatedAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SitePickRow {
  origin: string;
  /** What the user picked on this site (script box, chat list...), in the element picker's own shape. */
  picks: Record<string, unknown>;
  updatedAt: number;
}
