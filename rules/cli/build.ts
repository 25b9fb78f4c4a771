import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { compile } from '../engine/index.ts';
import { builtinPackDirs, readPackDir, readVocabularies, vocabulariesSource, BUILTIN_JSON, VOCABULARIES_TS, InputError } from './pack-files.ts';
import { packsReadme, README } from './readme-tables.ts';

/**
 * `livelint build [--check]`: folds the YAML pack folders into one JSON the extension bundles and
 * the CLI loads fast, the vocabulary files into the engine's data, and the vocabulary and frame
 * tables into rules/packs/README.md. `--check` fails when any of them is stale, so CI catches a
 * forgotten build.
 */
export function runBuild(args: string[]): number {
  const packs = builtinPackDirs().map(readPackDir);
  const vocabularies = readVocabularies();
  compile(packs, { vocabularies }); // refuse to write packs that do not compile
  const outputs: Array<[string, string]> = [
    [BUILTIN_JSON, JSON.stringify(packs, null, 1) + '\n'],
    [VOCABULARIES_TS, vocabulariesSource(vocabularies)],
  ];
  if (existsSync(README)) outputs.push([README, packsReadme(readFileSync(README, 'utf8'), packs, vocabularies)]);
  if (args.includes('--check')) {
    for (const [file, text] of outputs) {
      const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (current !== text) throw new InputError(`${file}: out of date with rules/packs/ (run npm run packs)`);
    }
    process.stdout.write(`builtin.json, vocabularies and README tables are up to date (${packs.length} packs, ${Object.keys(vocabularies).length} vocabularies)\n`);
    return 0;
  }
  for (const [file, text] of outputs) {
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current !== text) writeFileSync(file, text);
  }
  const rules = packs.reduce((n, p) => n + p.rules.length, 0);
  process.stdout.write(`wrote ${BUILTIN_JSON}: ${packs.length} packs, ${rules} rules; ${Object.keys(vocabularies).length} vocabularies\n`);
  return 0;
}
