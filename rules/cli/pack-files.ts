import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { basename, extname, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { decodeText } from '../io/decode.ts';
import { packSchema, ruleSchema, vocabularyFileSchema, vocabularyNameSchema, describeIssue, type Pack, type VocabularyFile } from '../engine/index.ts';

// File I/O for packs lives here, outside the pure engine: a pack is either one JSON/YAML file
// (a pack object or an array of packs) or a folder (pack.yaml + one rule per file, id = path).

export class InputError extends Error {}

export const PACKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'packs');
export const BUILTIN_JSON = join(PACKS_DIR, 'builtin.json');
export const VOCABULARIES_DIR = join(PACKS_DIR, 'vocabularies');
/** The built-in vocabularies compiled into the engine (it may not read files). */
export const VOCABULARIES_TS = join(PACKS_DIR, '..', 'engine', 'data', 'vocabularies.ts');

function parseFile(file: string): unknown {
  let raw: string;
  try {
    // GBK YAML and UTF-16 JSON from Windows editors are packs too (the extension's import reads them).
    const d = decodeText(new Uint8Array(readFileSync(file)), file);
    if (d.text === undefined) throw new InputError(`${file}: ${d.issues[0]?.reason}`);
    raw = d.text;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(raw) : JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    const first = (e as Error).message.split('\n')[0];
    // YAML reserves @ at the start of a plain value: `[@disease]` must be written `["@disease"]`.
    const hint = /reserved character @/.test(first) ? ' (quote vocabulary names in YAML: "@name")' : '';
    throw new InputError(`${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${first}${hint}`);
  }
}

/** Reads a pack folder; every error names the file and the field. */
export function readPackDir(dir: string): Pack {
  const head = parseFile(join(dir, 'pack.yaml')) as Record<string, unknown>;
  if (!head || typeof head !== 'object') throw new InputError(`${join(dir, 'pack.yaml')}: expected a mapping`);
  const id = String(head.id ?? basename(dir));
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'pack.yaml')
    .sort();
  const rules = files.map((f) => {
    const file = join(dir, f);
    const data = parseFile(file) as Record<string, unknown>;
    const rid = `${id}/${basename(f, extname(f))}`;
    const r = ruleSchema.safeParse({ ...(data ?? {}), id: rid });
    if (!r.success) throw new InputError(`${file}: ${describeIssue(r.error)}`);
    return r.data;
  });
  const p = packSchema.safeParse({ ...head, id, rules });
  if (!p.success) throw new InputError(`${join(dir, 'pack.yaml')}: ${describeIssue(p.error)}`);
  return p.data;
}

/** Reads a pack file or folder given on the command line. */
export function readPackArg(path: string): Pack[] {
  if (!existsSync(path)) throw new InputError(`${path}: no such file or folder`);
  if (statSync(path).isDirectory()) return [readPackDir(path)];
  const data = parseFile(path);
  const list = Array.isArray(data) ? data : [data];
  return list.map((item, i) => {
    const r = packSchema.safeParse(item);
    if (!r.success) throw new InputError(`${path}${Array.isArray(data) ? ` [${i}]` : ''}: ${describeIssue(r.error)}`);
    return r.data;
  });
}

/** The built-in pack folders under rules/packs/. */
export function builtinPackDirs(): string[] {
  if (!existsSync(PACKS_DIR)) return [];
  return readdirSync(PACKS_DIR)
    .map((d) => join(PACKS_DIR, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'pack.yaml')))
    .sort();
}

/** Built-in packs: the generated JSON when present (fast), else the YAML folders. */
export function loadBuiltinPacks(): Pack[] {
  if (existsSync(BUILTIN_JSON)) return readPackArg(BUILTIN_JSON);
  return builtinPackDirs().map(readPackDir);
}

/** The built-in vocabularies, rules/packs/vocabularies/<name>.yaml, by name (sorted). */
export function readVocabularies(dir: string = VOCABULARIES_DIR): Record<string, VocabularyFile> {
  const out: Record<string, VocabularyFile> = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => /\.ya?ml$/.test(x)).sort()) {
    const file = join(dir, f);
    const name = basename(f, extname(f));
    const n = vocabularyNameSchema.safeParse(name);
    if (!n.success) throw new InputError(`${file}: the file name is the vocabulary's name (@${name}): ${n.error.issues[0].message}`);
    const v = vocabularyFileSchema.safeParse(parseFile(file));
    if (!v.success) throw new InputError(`${file}: ${describeIssue(v.error)}`);
    out[name] = v.data;
  }
  return out;
}

/** The generated engine data file for `vocabularies` (what `npm run packs` writes). */
export function vocabulariesSource(vocabularies: Record<string, VocabularyFile>): string {
  return [
    '// Generated by `npm run packs` from rules/packs/vocabularies/*.yaml; do not edit by hand.',
    "import type { VocabularyTable } from '../vocabulary.ts';",
    '',
    `export const BUILTIN_VOCABULARIES: VocabularyTable = ${JSON.stringify(vocabularies, null, 1)};`,
    '',
  ].join('\n');
}
