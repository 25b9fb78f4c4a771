// `node rules/bin/run-ts.mjs tests/regression/compare-packs.ts [REF]`: what the built-in packs of
// git REF (default main) and of the working tree find on every corpus, through the current engine.
// For a refactor of the packs (naming vocabularies instead of repeating lists) it must print
// "0 differences"; for a tuning change it lists the texts (by id, never by content) that moved.
import { execFileSync } from 'node:child_process';
import { compile, type PackInput } from '../../rules/engine/index.ts';
import { builtinPackDirs, readPackDir, readVocabularies } from '../../rules/cli/pack-files.ts';
import { collect } from './findings.ts';

const ref = process.argv[2] ?? 'main';
const before = JSON.parse(execFileSync('git', ['show', `${ref}:rules/packs/builtin.json`], { encoding: 'utf8', maxBuffer: 1 << 28 })) as PackInput[];
const after = builtinPackDirs().map(readPackDir);
const vocabularies = readVocabularies();
let total = 0;
for (const mode of ['rules', 'host'] as const) {
  const a = collect(compile(before, { vocabularies }), mode, before);
  const b = collect(compile(after, { vocabularies }), mode, before);
  for (const corpus of Object.keys(a)) {
    const moved = [...new Set([...Object.keys(a[corpus]), ...Object.keys(b[corpus] ?? {})])].filter((k) => (a[corpus][k] ?? '') !== (b[corpus]?.[k] ?? ''));
    total += moved.length;
    if (moved.length) console.log(`${mode} ${corpus}: ${moved.length} texts differ, e.g. ${moved.slice(0, 8).join(', ')}`);
  }
}
console.log(`${ref} vs working tree: ${total} differences`);
process.exitCode = total ? 1 : 0;
