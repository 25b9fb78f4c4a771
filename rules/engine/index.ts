// The engine's public surface. Pure: imports only zod and files of this folder, so the same code
// runs in the background worker, in tests and in the CLI.
import { compileData, type CompileOptions, type CompiledData } from './compile.ts';
import { Checker } from './check.ts';
import type { Pack, PackInput } from './schema.ts';

export { Checker, type CheckContext } from './check.ts';
export { CompileError, type CompileOptions, type CompiledData, type RuleMeta, type RuleOverride } from './compile.ts';
export { verifyPacks, parseMarks, type ExampleFailure } from './examples.ts';
export { normalize, type Normalized, type Variants } from './normalize.ts';
export { BUILTIN_VOCABULARIES, VocabularyResolver, vocabularyRef, vocabularyRefs, type VocabularyTable, type VocabularyEntry } from './vocabulary.ts';
export * from './schema.ts';
export * from './taxonomy.ts';

/** Compiles packs once; the returned checker never compiles again. Throws CompileError on bad packs. */
export function compile(packs: readonly (PackInput | Pack)[], options?: CompileOptions): Checker {
  return new Checker(compileData(packs, options));
}

/** Rebuilds a checker from `checker.serialize()` output without rebuilding the automaton. */
export function loadCompiled(data: CompiledData): Checker {
  if (data?.format !== 1) throw new Error('unknown compiled checker format');
  return new Checker(data);
}
// Product knowledge (facts, registrations, checklist, FAQ, talking points, JSON/CSV).
export * from './product/index.ts';
