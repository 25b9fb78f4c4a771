import type { Finding, PackInput, TextBlockInput } from '../../../rules/engine/schema.ts';
import type { ProductCategory, Severity } from '../../../rules/engine/taxonomy.ts';

// The slice of the engine's API (rules/engine/index.ts) the background relies on, written down so
// the checker host can be unit-tested with a stand-in compile and stays honest about what it uses.

export interface RuleOverride {
  enabled?: boolean;
  severity?: Severity;
  extraTerms?: string[];
  allow?: string[];
}

export interface CheckContext {
  productCategory?: ProductCategory;
  locale?: 'zh' | 'en';
  disabledRules?: string[];
  allow?: string[];
}

export interface CheckerLike {
  check(blocks: TextBlockInput[], context?: CheckContext): Finding[];
  /** Rule metadata; the panel shows each rule's message in the language the user picked. */
  readonly rules: readonly { id: string; message: Localized }[];
}

export interface Localized {
  zh: string;
  en: string;
}

export type CompileFn = (
  packs: PackInput[],
  options?: { overrides?: Record<string, RuleOverride>; allow?: string[]; model?: boolean },
) => CheckerLike;
