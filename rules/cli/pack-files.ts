import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { basename, extname, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { packSchema, ruleSchema, describeIssue, type Pack } from '../engine/index.ts';

// File I/O for packs lives here, outside the pure engine: a pack is either one JSON/YAML file
// (a pack object or an array of packs) or a folder (pack.yaml + one rule per file, id = path).

export class InputError extends Error {}

export const PACKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'packs');
export const BUILTIN_JSON = join(PACKS_DIR, 'builtin.json');

function parseFile(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(raw) : JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`);
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
