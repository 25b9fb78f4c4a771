import { CompileError } from './errors.ts';
import type { Pack, Rule, RuleInput } from './schema.ts';
import { BUILTIN_VOCABULARIES } from './data/vocabularies.ts';

// Vocabularies are word classes defined once and named by rules (`@disease`, `@rival`), so a rule
// says what the law says (a disease word and a relief word in one clause) and coverage grows by
// growing one list every rule shares. Built-in ones come from rules/packs/vocabularies/ (compiled
// into data/vocabularies.ts by `npm run packs`, so every compile, in the worker, the CLI and the
// import gate, has them without reading files); a pack may add its own. A pack's own vocabulary
// shadows a built-in one of the same name for that pack's rules only: an imported pack can never
// change what a built-in rule matches.

export interface VocabularyEntry {
  zh?: string;
  note?: string;
  words: readonly string[];
}
export type VocabularyTable = Readonly<Record<string, VocabularyEntry>>;

export { BUILTIN_VOCABULARIES };

/** `@name` or `@{name}` as a whole phrase-list entry. */
const REF = /^@(?:\{([a-z0-9]+(?:-[a-z0-9]+)*)\}|([a-z0-9]+(?:-[a-z0-9]+)*))$/;

/** The vocabulary a whole phrase-list entry names, or null for a plain phrase. */
export function vocabularyRef(entry: string): string | null {
  const m = REF.exec(entry.trim());
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * Resolves `@name` for one pack: its own vocabularies first, then the built-in ones. Words of a
 * vocabulary may name other vocabularies (@chronic-disease inside @disease); a cycle is an error.
 */
export class VocabularyResolver {
  private readonly table: Record<string, VocabularyEntry> = {};
  private readonly memo = new Map<string, readonly string[]>();
  /** Names this resolver expanded, for the README's usage counts. */
  readonly used = new Set<string>();

  /**
   * `fallback` resolves names the table lacks: a pack's resolver falls back to the built-in one,
   * so a built-in vocabulary's own references resolve among built-ins only.
   */
  constructor(
    private readonly where: string,
    table: Readonly<Record<string, VocabularyEntry | string[]>>,
    private readonly fallback?: VocabularyResolver,
  ) {
    for (const [name, v] of Object.entries(table)) this.table[name] = Array.isArray(v) ? { words: v } : (v as VocabularyEntry);
  }

  static forBuiltins(table: VocabularyTable = BUILTIN_VOCABULARIES): VocabularyResolver {
    return new VocabularyResolver('vocabulary', table);
  }

  static forPack(pack: Pick<Pack, 'id' | 'vocabularies'>, builtins: VocabularyResolver): VocabularyResolver {
    return new VocabularyResolver(`pack ${pack.id}.vocabularies`, (pack.vocabularies ?? {}) as Record<string, VocabularyEntry | string[]>, builtins);
  }

  /** The expanded words of `name`, or undefined when no vocabulary has that name. */
  words(name: string, trail: readonly string[] = []): readonly string[] | undefined {
    const entry = this.table[name];
    if (!entry) {
      const w = this.fallback?.words(name);
      if (w) this.used.add(name);
      return w;
    }
    this.used.add(name);
    const hit = this.memo.get(name);
    if (hit) return hit;
    const path = `${this.where}${this.where === 'vocabulary' ? ' ' : '.'}${name}`;
    if (trail.includes(name)) throw new CompileError(`names itself (${[...trail, name].map((n) => `@${n}`).join(' → ')})`, path);
    const out: string[] = [];
    for (const w of entry.words) {
      const ref = vocabularyRef(w);
      if (ref === null) {
        out.push(unescape(w));
        continue;
      }
      const inner = this.words(ref, [...trail, name]);
      if (!inner) throw new CompileError(`unknown vocabulary @${ref}`, path);
      out.push(...inner);
    }
    const uniq = [...new Set(out)];
    this.memo.set(name, uniq);
    return uniq;
  }

  /** A phrase list with every `@name` entry replaced by its words; `path` names the field for errors. */
  expand(list: readonly string[] | undefined, path: string): string[] {
    if (!list) return [];
    let out: string[] | null = null;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      const ref = vocabularyRef(e);
      if (ref === null) {
        if (e.trimStart().startsWith('@')) throw new CompileError(`"${e}": a phrase starting with @ names a vocabulary (@name); write \\@ for a literal @`, path);
        if (out) out.push(unescape(e));
        else if (e.startsWith('\\@')) out = [...list.slice(0, i), unescape(e)];
        continue;
      }
      const words = this.words(ref);
      if (!words) throw new CompileError(`unknown vocabulary @${ref}`, path);
      out ??= list.slice(0, i);
      out.push(...words);
    }
    return out ?? [...list];
  }
}

function unescape(phrase: string): string {
  return phrase.startsWith('\\@') ? phrase.slice(1) : phrase;
}

const PATTERN_REF = /(\\?)@(?:\{([a-z0-9]+(?:-[a-z0-9]+)*)\}|([a-z0-9]+(?:-[a-z0-9]+)*))/g;

/** The vocabularies a rule names, in its phrase lists and its patterns (for tables and editors). */
export function vocabularyRefs(rule: Rule | RuleInput): string[] {
  const names = new Set<string>();
  const lists: Array<readonly string[] | undefined> = [rule.exceptions, rule.qualifiers, rule.unless];
  if (rule.type === 'term') lists.push(rule.terms);
  else if (rule.type === 'proximity') lists.push(rule.a, rule.b);
  else if (rule.type === 'frame') lists.push(...rule.parts);
  for (const l of lists) for (const e of l ?? []) {
    const ref = vocabularyRef(e);
    if (ref) names.add(ref);
  }
  if (rule.type === 'pattern') {
    for (const p of rule.patterns) for (const m of p.matchAll(PATTERN_REF)) if (!m[1]) names.add(m[2] ?? m[3]);
  }
  return [...names].sort();
}
