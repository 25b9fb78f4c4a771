import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { compile } from '../engine/index.ts';
import { builtinPackDirs, readPackDir, BUILTIN_JSON, InputError } from './pack-files.ts';

/**
 * `livelint build [--check]`: folds the YAML pack folders into one JSON the extension bundles and
 * the CLI loads fast. `--check` fails when the committed JSON is stale, so CI catches a forgotten build.
 */
export function runBuild(args: string[]): number {
  const packs = builtinPackDirs().map(readPackDir);
  compile(packs); // refuse to write packs that do not compile
  const json = JSON.stringify(packs, null, 1) + '\n';
  if (args.includes('--check')) {
    const current = existsSync(BUILTIN_JSON) ? readFileSync(BUILTIN_JSON, 'utf8') : '';
    if (current !== json) throw new InputError(`${BUILTIN_JSON}: out of date with rules/packs/*/ (run npm run packs)`);
    process.stdout.write(`builtin.json is up to date (${packs.length} packs)\n`);
    return 0;
  }
  writeFileSync(BUILTIN_JSON, json);
  const rules = packs.reduce((n, p) => n + p.rules.length, 0);
  process.stdout.write(`wrote ${BUILTIN_JSON}: ${packs.length} packs, ${rules} rules\n`);
  return 0;
}
