import { existsSync } from 'node:fs';
import { verifyPacks } from '../engine/index.ts';
import { loadBuiltinPacks, readPackArg, builtinPackDirs, readPackDir, readVocabularies, VOCABULARIES_DIR } from './pack-files.ts';

/** `livelint verify [PACK...]`: every rule's must-flag and must-pass examples. */
export function runVerify(args: string[]): number {
  // Verify the YAML sources, not the generated JSON, so a stale build cannot hide a failure; the
  // same goes for the vocabularies (a user pack may name built-in ones too).
  const packs = args.length ? args.flatMap(readPackArg) : builtinPackDirs().map(readPackDir);
  if (!packs.length) packs.push(...loadBuiltinPacks());
  const vocabularies = existsSync(VOCABULARIES_DIR) ? readVocabularies() : undefined;
  const failures = verifyPacks(packs, { vocabularies });
  const rules = packs.reduce((n, p) => n + p.rules.length, 0);
  const examples = packs.reduce((n, p) => n + p.rules.reduce((m, r) => m + r.examples.flag.length + r.examples.pass.length, 0), 0);
  for (const f of failures) process.stdout.write(`FAIL ${f.rule} (${f.kind}) ${f.text}\n     ${f.reason}\n`);
  process.stdout.write(`${packs.length} packs, ${rules} rules, ${examples} examples: ${failures.length} failed\n`);
  return failures.length ? 1 : 0;
}
