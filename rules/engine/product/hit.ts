import { CATEGORY_INFO } from '../taxonomy.ts';
import type { Finding } from '../schema.ts';
import type { Severity } from '../taxonomy.ts';
import type { Text } from './context.ts';

// A product check reports spans in NORMALISED text (where it matched); toFinding maps them back to
// the original text through the normaliser's offset map, so the panel highlights what was said.

export interface ProductHit {
  rule: string;
  category: 'product-mismatch' | 'missing-disclosure';
  severity?: Severity;
  /** Normalised offsets. */
  start: number;
  end: number;
  zh: string;
  en: string;
  suggestions?: string[];
}

// Both languages of each product finding, kept beside the finding rather than in it: the Finding
// contract has one `message` (in the check's locale), but the side panel stores {zh, en} and switches
// language without re-checking. Pack rules get their pair from the compiled rule by id; a product
// message carries the recorded values, so it can only come from the hit itself.
const LOCALIZED = new WeakMap<Finding, { zh: string; en: string }>();

/** Both languages of a product finding made by this checker run (undefined for any other finding). */
export function localizedMessage(f: Finding): { zh: string; en: string } | undefined {
  return LOCALIZED.get(f);
}

export function toFinding(h: ProductHit, t: Text, original: string, block: string, locale: 'zh' | 'en' | undefined): Finding {
  const start = t.start[h.start];
  const end = t.end[h.end - 1];
  const finding: Finding = {
    rule: h.rule,
    category: h.category,
    severity: h.severity ?? (h.category === 'missing-disclosure' ? 'info' : 'error'),
    message: locale === 'en' ? h.en : h.zh,
    start,
    end,
    match: original.slice(start, end),
    basis: CATEGORY_INFO[h.category].basis,
    suggestions: h.suggestions ?? [],
    block,
  };
  LOCALIZED.set(finding, { zh: h.zh, en: h.en });
  return finding;
}

/** The said text as the host said it, for messages: original slice of a normalised span. */
export function said(t: Text, original: string, start: number, end: number): string {
  return original.slice(t.start[start], t.end[end - 1]);
}
