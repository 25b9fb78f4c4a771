import { compile, normalize, verifyPacks, type Finding, type Pack, type RuleInput } from '../../rules/engine/index.ts';
import type { ProductCategory } from '../../rules/engine/taxonomy.ts';
import type { RuleOverride } from '../../rules/engine/compile.ts';

// The live test box and the example gate of the rule editor: the engine's own compile + check on
// just the rule being edited (inside its pack's variants and allow-list), so what the editor says
// is what the checker will do.

export type PackContext = Pick<Pack, 'id' | 'name' | 'variants' | 'allow'>;

export interface LabResult {
  findings: Finding[];
  /** Why nothing was flagged; undefined when something was. */
  why?: 'noTerm' | 'suppressed' | 'scope';
  /** The rule could not compile (bad pattern...). */
  error?: string;
}

function single(pack: PackContext, rule: RuleInput) {
  return { ...pack, rules: [{ ...rule, enabled: true }] };
}

function literalsOf(rule: RuleInput, override?: RuleOverride): string[] {
  if (rule.type === 'term') return [...rule.terms, ...(override?.extraTerms ?? [])];
  if (rule.type === 'proximity') return [...rule.a, ...(override?.extraTerms ?? [])];
  return [];
}

export function testRule(pack: PackContext, rule: RuleInput, text: string, product?: ProductCategory, override?: RuleOverride): LabResult {
  if (!text.trim()) return { findings: [] };
  try {
    const id = rule.id ?? `${pack.id}/draft`;
    const checker = compile([single(pack, { ...rule, id })], { overrides: override ? { [id]: { ...override, enabled: true } } : undefined });
    const findings = checker.check([{ id: 'lab', text }], { productCategory: product });
    if (findings.length) return { findings };
    const scoped = (rule.products && product && !rule.products.includes(product)) || (product && rule.exceptProducts?.includes(product));
    if (scoped) return { findings, why: 'scope' };
    const folded = normalize(text, pack.variants as never).text;
    const present = literalsOf(rule, override).some((t) => {
      const n = normalize(t, pack.variants as never).text;
      return n.length > 0 && folded.includes(n);
    });
    // Patterns have no literal list to look for: report them as "not present" unless the engine found them.
    return { findings, why: present ? 'suppressed' : 'noTerm' };
  } catch (error) {
    return { findings: [], error: (error as Error).message };
  }
}

/** Every example failure of the rule, one line each; empty when the rule may be saved. */
export function exampleFailures(pack: PackContext, rule: RuleInput): string[] {
  try {
    return verifyPacks([single(pack, { ...rule, id: rule.id ?? `${pack.id}/draft` })]).map(
      (f) => `${f.kind === 'flag' ? '应命中 / must flag' : '应放行 / must pass'} “${f.text}”: ${f.reason}`,
    );
  } catch (error) {
    return [(error as Error).message];
  }
}
