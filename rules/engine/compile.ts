import { packSchema, describeIssue, type Pack, type PackInput, type Rule } from './schema.ts';
import { CATEGORY_DEFAULT_SEVERITY } from './severity.ts';
import { NormalizerTable, normalizeLiteral, type Variants } from './normalize.ts';
import { buildAhoCorasick, type AhoCorasickData } from './matchers/aho-corasick.ts';
import { compilePattern, PatternError, type CompiledPattern, type VocabularyLookup } from './matchers/pattern.ts';
import { CompileError } from './errors.ts';
import { BUILTIN_VOCABULARIES, VocabularyResolver, type VocabularyTable } from './vocabulary.ts';
import { SEVERITIES, type FindingCategory, type ProductCategory, type Severity, type TextSource } from './taxonomy.ts';

export { CompileError };

/** A user's change to one rule, stored apart from the rule so it survives pack upgrades. */
export interface RuleOverride {
  enabled?: boolean;
  severity?: Severity;
  extraTerms?: string[];
  allow?: string[];
}

export interface CompileOptions {
  overrides?: Record<string, RuleOverride>;
  /** User allow-list: lawful phrases for every rule. */
  allow?: string[];
  /**
   * The built-in vocabularies, when not the ones compiled into the engine: `livelint verify` and
   * the pack tests pass the YAML working copy so an edited vocabulary counts before `npm run packs`.
   */
  vocabularies?: VocabularyTable;
}

const HOST_SOURCES: TextSource[] = ['script', 'captions'];

/** Everything about a rule the checker and the UI need, in plain data. */
export interface RuleMeta {
  id: string;
  pack: string;
  /** Position of the pack among the packs compiled together (pack-scoped allow phrases name it). */
  packIndex: number;
  type: Rule['type'];
  category: FindingCategory;
  severity: Severity;
  severityFor: Partial<Record<ProductCategory, Severity>>;
  message: { zh: string; en: string };
  basis: string;
  suggestions: string[];
  products: ProductCategory[] | null;
  exceptProducts: ProductCategory[];
  sources: TextSource[];
  negatable: boolean;
  enabled: boolean;
  /** Largest gap of a proximity rule or frame (the UI shows it); `gaps` has one per pair of slots. */
  within: number;
  ordered: boolean;
  patterns: string[];
  /** Folded words of the vocabularies the patterns name, so the checker compiles them the same way. */
  patternVocab: Record<string, string[]>;
  /** Slots of a frame (a proximity rule is a frame of two); 0 for terms and patterns. */
  slots: number;
  gaps: number[];
  /** What no break may separate: sentence for proximity rules, clause or sentence for frames. */
  scope: 'clause' | 'sentence';
  /** A negation before ANY slot makes a frame lawful; a proximity rule only looks before its first phrase. */
  negateSlots: boolean;
}

// Roles a literal plays for a rule; one literal can serve many rules in many roles.
export const ROLE_TERM = 0;
export const ROLE_PREFILTER = 3;
export const ROLE_EXCEPTION = 4;
export const ROLE_ALLOW = 5;
export const ROLE_QUALIFIER = 6;
export const ROLE_UNLESS = 7;
/** Slot k of a frame (proximity a = slot 0, b = slot 1) is role ROLE_SLOT + k. */
export const ROLE_SLOT = 8;

/** The compiled form: plain data and typed arrays, so it can be structured-cloned or cached. */
export interface CompiledData {
  format: 1;
  variants: Variants;
  rules: RuleMeta[];
  literals: string[];
  /** per literal: flat [rule, role, ...]; allow phrases: rule -1 = every rule, -(2 + k) = the rules of pack k */
  uses: Int32Array[];
  ac: AhoCorasickData;
}

export function parsePacks(packs: readonly (PackInput | Pack)[]): Pack[] {
  return packs.map((p, i) => {
    const r = packSchema.safeParse(p);
    if (!r.success) {
      const id = typeof (p as { id?: unknown })?.id === 'string' ? (p as { id: string }).id : `#${i}`;
      throw new CompileError(describeIssue(r.error), `pack ${id}`);
    }
    return r.data;
  });
}

export function mergeVariants(packs: readonly Pack[]): Variants {
  const merged: Variants = {};
  for (const p of packs) {
    for (const [k, v] of Object.entries(p.variants)) {
      const cur = (merged[k] ??= { homophones: [], pinyin: [] });
      cur.homophones = [...new Set([...(cur.homophones ?? []), ...(v.homophones ?? [])])];
      cur.pinyin = [...new Set([...(cur.pinyin ?? []), ...(v.pinyin ?? [])])];
    }
  }
  return merged;
}

/** How a frame-like rule (proximity or frame) is matched. */
function frameShape(rule: Rule): Pick<RuleMeta, 'slots' | 'gaps' | 'scope' | 'negateSlots' | 'within' | 'ordered'> {
  if (rule.type === 'proximity') {
    return { slots: 2, gaps: [rule.within], scope: 'sentence', negateSlots: false, within: rule.within, ordered: rule.ordered };
  }
  if (rule.type === 'frame') {
    const n = rule.parts.length;
    const gaps = Array.isArray(rule.within) ? [...rule.within] : Array.from({ length: n - 1 }, () => rule.within as number);
    return { slots: n, gaps, scope: rule.scope, negateSlots: true, within: Math.max(...gaps), ordered: rule.ordered };
  }
  return { slots: 0, gaps: [], scope: 'sentence', negateSlots: false, within: 0, ordered: false };
}

export function compileData(input: readonly (PackInput | Pack)[], options: CompileOptions = {}): CompiledData {
  const packs = parsePacks(input);
  const variants = mergeVariants(packs);
  const table = new NormalizerTable(variants);
  const fold = (s: string) => normalizeLiteral(table, s);
  const overrides = options.overrides ?? {};
  const builtins = VocabularyResolver.forBuiltins(options.vocabularies ?? BUILTIN_VOCABULARIES);

  const literalIds = new Map<string, number>();
  const literals: string[] = [];
  const uses: number[][] = [];
  const addLiteral = (raw: string, rule: number, role: number, path: string) => {
    const lit = fold(raw);
    if (lit.length === 0) throw new CompileError(`"${raw}" is empty after normalisation`, path);
    let id = literalIds.get(lit);
    if (id === undefined) {
      id = literals.length;
      literalIds.set(lit, id);
      literals.push(lit);
      uses.push([]);
    }
    const u = uses[id];
    for (let k = 0; k < u.length; k += 2) if (u[k] === rule && u[k + 1] === role) return;
    u.push(rule, role);
  };

  const rules: RuleMeta[] = [];
  const seen = new Set<string>();
  for (const pack of packs) {
    const vocab = VocabularyResolver.forPack(pack, builtins);
    const phrases = (list: readonly string[] | undefined, path: string) => vocab.expand(list, path);
    // A global pack's allow phrases cover every rule (rule -1); any other pack's only its own rules.
    // Encoded as rule -(2 + pack index), so one literal use serves the whole pack whatever its size.
    const packIndex = packs.indexOf(pack);
    const allowOwner = pack.global ? -1 : -2 - packIndex;
    for (const phrase of phrases(pack.allow, `pack ${pack.id}.allow`)) addLiteral(phrase, allowOwner, ROLE_ALLOW, `pack ${pack.id}.allow`);
    pack.rules.forEach((rule, i) => {
      const id = rule.id ?? `${pack.id}/${i + 1}`;
      const path = `rule ${id}`;
      if (seen.has(id)) throw new CompileError('duplicate rule id', path);
      seen.add(id);
      const o = usableOverride(overrides[id]);
      const index = rules.length;
      const patternVocab: Record<string, string[]> = {};
      const meta: RuleMeta = {
        id,
        pack: pack.id,
        packIndex,
        type: rule.type,
        category: rule.category,
        severity: o.severity ?? rule.severity ?? CATEGORY_DEFAULT_SEVERITY[rule.category],
        severityFor: o.severity ? {} : { ...(rule.severityFor ?? {}) },
        message: rule.message,
        basis: rule.basis,
        suggestions: rule.suggestions,
        products: rule.products ?? null,
        exceptProducts: rule.exceptProducts ?? [],
        // Rules speak about what the HOST says. Viewers' chat is read by the classifier; a rule reads
        // chat only when it says so (off-platform solicitations, planted testimonials).
        sources: rule.sources ?? HOST_SOURCES,
        negatable: rule.negatable,
        enabled: o.enabled ?? rule.enabled,
        patterns: rule.type === 'pattern' ? rule.patterns : [],
        patternVocab,
        ...frameShape(rule),
      };
      rules.push(meta);
      const extra = phrases(o.extraTerms, `${path}.extraTerms`);
      if (rule.type === 'term') {
        for (const t of [...phrases(rule.terms, `${path}.terms`), ...extra]) addLiteral(t, index, ROLE_TERM, `${path}.terms`);
      } else if (rule.type === 'proximity') {
        for (const t of phrases(rule.a, `${path}.a`)) addLiteral(t, index, ROLE_SLOT, `${path}.a`);
        for (const t of phrases(rule.b, `${path}.b`)) addLiteral(t, index, ROLE_SLOT + 1, `${path}.b`);
        for (const t of extra) addLiteral(t, index, ROLE_SLOT, `${path}.extraTerms`);
      } else if (rule.type === 'frame') {
        rule.parts.forEach((part, k) => {
          for (const t of phrases(part, `${path}.parts.${k}`)) addLiteral(t, index, ROLE_SLOT + k, `${path}.parts.${k}`);
        });
        // Extra terms widen the first slot, as they widen side A of a proximity rule.
        for (const t of extra) addLiteral(t, index, ROLE_SLOT, `${path}.extraTerms`);
      } else {
        const lookup: VocabularyLookup = (name) => {
          const words = vocab.words(name);
          if (words) patternVocab[name] = [...new Set(words.map(fold).filter((w) => w.length > 0))];
          return words;
        };
        rule.patterns.forEach((src, k) => {
          const compiled = compileRulePattern(src, fold, `${path}.patterns.${k}`, lookup);
          for (const lit of compiled.prefilter) addLiteral(lit, index, ROLE_PREFILTER, `${path}.patterns.${k}`);
        });
        // Extra terms on a pattern rule are plain literals of the same rule.
        for (const t of extra) addLiteral(t, index, ROLE_TERM, `${path}.extraTerms`);
      }
      for (const x of phrases(rule.exceptions, `${path}.exceptions`)) addLiteral(x, index, ROLE_EXCEPTION, `${path}.exceptions`);
      for (const x of phrases(rule.qualifiers, `${path}.qualifiers`)) addLiteral(x, index, ROLE_QUALIFIER, `${path}.qualifiers`);
      for (const x of phrases(rule.unless, `${path}.unless`)) addLiteral(x, index, ROLE_UNLESS, `${path}.unless`);
      for (const x of phrases(o.allow, `${path}.allow`)) addLiteral(x, index, ROLE_EXCEPTION, `${path}.allow`);
    });
  }
  for (const phrase of options.allow ?? []) addLiteral(phrase, -1, ROLE_ALLOW, 'allow');

  return {
    format: 1,
    variants,
    rules,
    literals,
    uses: uses.map((u) => Int32Array.from(u)),
    ac: buildAhoCorasick(literals),
  };
}

/**
 * Overrides come from storage, not from a schema-checked pack: a severity this version does not
 * know (an old backup, a hand-edited row) is ignored rather than passed on to every finding, where
 * the panel's message check would refuse the whole snapshot.
 */
function usableOverride(o: RuleOverride | undefined): RuleOverride {
  if (!o) return {};
  if (o.severity === undefined || (SEVERITIES as readonly string[]).includes(o.severity)) return o;
  const { severity: _ignored, ...rest } = o;
  return rest;
}

export function compileRulePattern(src: string, fold: (s: string) => string, path: string, vocab?: VocabularyLookup): CompiledPattern {
  try {
    return compilePattern(src, fold, vocab);
  } catch (e) {
    if (e instanceof PatternError) throw new CompileError(`pattern "${src}": ${e.message}`, path);
    throw e;
  }
}
