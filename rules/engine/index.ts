// The engine's public surface. Pure: imports only zod and files of this folder, so the same code
// runs in the background worker, in tests and in the CLI.
import { compileData, type CompileOptions, type CompiledData } from './compile.ts';
import { Checker } from './check.ts';
import type { Pack, PackInput } from './schema.ts';
import { builtinModel } from './model/second-opinion.ts';

export { Checker, type CheckContext } from './check.ts';
export { CompileError, type CompileOptions, type CompiledData, type RuleMeta, type RuleOverride } from './compile.ts';
export { verifyPacks, parseMarks, type ExampleFailure } from './examples.ts';
export { normalize, type Normalized, type Variants } from './normalize.ts';
export { BUILTIN_VOCABULARIES, VocabularyResolver, vocabularyRef, vocabularyRefs, type VocabularyTable, type VocabularyEntry } from './vocabulary.ts';
export * from './schema.ts';
export { SecondOpinion, modelDataSchema, type ModelData, type Opinion } from './model/model.ts';
export { builtinModel, modelRuleId, modelMessage, isModelFinding } from './model/second-opinion.ts';
export * from './taxonomy.ts';

export interface ModelOption {
  /** Attach the shipped second-opinion model (the product's shells do; rule tests do not). */
  model?: boolean;
}

/** Compiles packs once; the returned checker never compiles again. Throws CompileError on bad packs. */
export function compile(packs: readonly (PackInput | Pack)[], options?: CompileOptions & ModelOption): Checker {
  const checker = new Checker(compileData(packs, options));
  return options?.model ? checker.setModel(builtinModel()) : checker;
}

/** Rebuilds a checker from `checker.serialize()` output without rebuilding the automaton. */
export function loadCompiled(data: CompiledData, options?: ModelOption): Checker {
  if (data?.format !== 1) throw new Error('unknown compiled checker format');
  const checker = new Checker(data);
  return options?.model ? checker.setModel(builtinModel()) : checker;
}
// Product knowledge (facts, registrations, checklist, FAQ, talking points, JSON/CSV).
export * from './product/index.ts';
