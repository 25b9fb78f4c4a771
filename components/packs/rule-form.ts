import { ruleSchema, type Rule, type RuleInput } from '../../rules/engine/schema.ts';
import type { FindingCategory, ProductCategory, Severity } from '../../rules/engine/taxonomy.ts';

// The rule editor's form state (plain strings, one list item per line) and its conversion to a
// rule the schema validates. Kept out of the component so it can be tested without a DOM.

export interface RuleForm {
  id: string;
  type: Rule['type'];
  category: FindingCategory;
  severity: Severity | '';
  messageZh: string;
  messageEn: string;
  basis: string;
  terms: string;
  patterns: string;
  a: string;
  b: string;
  within: string;
  exceptions: string;
  suggestions: string;
  products: ProductCategory[];
  flag: string;
  pass: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const join = (xs: readonly unknown[] | undefined) => (xs ?? []).map((x) => (typeof x === 'string' ? x : (x as { text: string }).text)).join('\n');

export function formFromRule(rule: Rule | undefined, packId: string, n: number): RuleForm {
  return {
    id: rule?.id ?? `${packId}/rule-${n}`,
    type: rule?.type ?? 'term',
    category: rule?.category ?? 'absolute-term',
    severity: rule?.severity ?? '',
    messageZh: rule?.message.zh ?? '',
    messageEn: rule?.message.en ?? '',
    basis: rule?.basis ?? '',
    terms: rule?.type === 'term' ? join(rule.terms) : '',
    patterns: rule?.type === 'pattern' ? join(rule.patterns) : '',
    a: rule?.type === 'proximity' ? join(rule.a) : '',
    b: rule?.type === 'proximity' ? join(rule.b) : '',
    within: rule?.type === 'proximity' ? String(rule.within) : '6',
    exceptions: join(rule?.exceptions),
    suggestions: join(rule?.suggestions),
    products: rule?.products ?? [],
    flag: join(rule?.examples.flag),
    pass: join(rule?.examples.pass),
  };
}

/**
 * The rule the form describes, keeping fields the form does not show (notes, sources, per-product
 * severity, object-form examples when their text is unchanged) from the original rule.
 */
export function ruleFromForm(form: RuleForm, original?: Rule): RuleInput {
  const keepExamples = (texts: string[], old: readonly unknown[] | undefined) =>
    texts.map((t) => (old ?? []).find((o) => typeof o === 'object' && (o as { text: string }).text === t) ?? t) as RuleInput['examples']['flag'];
  const { terms: _t, patterns: _p, a: _a, b: _b, within: _w, ...rest } = (original ?? {}) as Record<string, unknown>;
  const common = {
    ...rest,
    id: form.id.trim(),
    category: form.category,
    ...(form.severity ? { severity: form.severity } : { severity: undefined }),
    message: { zh: form.messageZh, en: form.messageEn },
    basis: form.basis,
    suggestions: lines(form.suggestions),
    exceptions: lines(form.exceptions),
    products: form.products.length ? form.products : undefined,
    examples: { flag: keepExamples(lines(form.flag), original?.examples.flag), pass: keepExamples(lines(form.pass), original?.examples.pass) },
  };
  // The form has no fields for a frame's slots: they are kept from the rule as written in its pack.
  if (form.type === 'frame' && original?.type === 'frame') return { ...common, type: 'frame', parts: original.parts, within: original.within } as RuleInput;
  if (form.type === 'pattern') return { ...common, type: 'pattern', patterns: lines(form.patterns) } as RuleInput;
  if (form.type === 'proximity') {
    return { ...common, type: 'proximity', a: lines(form.a), b: lines(form.b), within: Number(form.within) } as RuleInput;
  }
  return { ...common, type: 'term', terms: lines(form.terms) } as RuleInput;
}

/** `path: reason` for every schema problem of the rule (empty when valid). */
export function formIssues(rule: RuleInput): string[] {
  const r = ruleSchema.safeParse(rule);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(rule)'}: ${i.message}`);
}
