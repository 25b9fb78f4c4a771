import type { Rule } from '../../rules/engine/schema.ts';
import type { FindingCategory, Severity } from '../../rules/engine/taxonomy.ts';
import { CATEGORY_INFO } from '../../rules/engine/taxonomy.ts';

// Rule search of the pack manager: by term (any literal of the rule, exceptions included), rule
// id or message, and by category and effective severity. Plain substring search, case-folded:
// shop managers type the word they heard, not a pattern.

export interface RuleView {
  packId: string;
  rule: Rule;
  /** Severity after the user's override, or the rule's own. */
  severity?: Severity;
  enabled: boolean;
  overridden: boolean;
}

export interface RuleQuery {
  text?: string;
  category?: FindingCategory | '';
  severity?: Severity | '';
}

function haystack(rule: Rule): string {
  const parts: string[] = [rule.id ?? '', rule.message.zh, rule.message.en, CATEGORY_INFO[rule.category].zh, ...rule.exceptions];
  if (rule.type === 'term') parts.push(...rule.terms);
  else if (rule.type === 'pattern') parts.push(...rule.patterns);
  else if (rule.type === 'proximity') parts.push(...rule.a, ...rule.b);
  else parts.push(...rule.parts.flat());
  return parts.join('\n').toLowerCase();
}

export function filterRules(rules: RuleView[], query: RuleQuery): RuleView[] {
  const text = query.text?.trim().toLowerCase();
  return rules.filter(
    (r) =>
      (!query.category || r.rule.category === query.category) &&
      (!query.severity || r.severity === query.severity) &&
      (!text || haystack(r.rule).includes(text)),
  );
}
