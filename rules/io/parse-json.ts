import type { Pack } from '../engine/schema.ts';
import type { ImportIssue } from './issues.ts';
import { preparePack } from './prepare-pack.ts';

// A JSON file holds one pack, an array of packs (the shape of rules/packs/builtin.json) or a
// pack-manager export `{ packs: [...] }`.

export function packsFromData(data: unknown, file: string): { packs: Pack[]; issues: ImportIssue[] } {
  const wrapped = !Array.isArray(data) && !!data && typeof data === 'object' && Array.isArray((data as { packs?: unknown }).packs);
  const list: unknown[] = Array.isArray(data) ? data : wrapped ? (data as { packs: unknown[] }).packs : [data];
  const prefixOf = (i: number): (string | number)[] => (Array.isArray(data) ? [i] : wrapped ? ['packs', i] : []);
  const packs: Pack[] = [];
  const issues: ImportIssue[] = [];
  if (list.length === 0) issues.push({ file, reason: '文件中没有规则包 / the file holds no pack' });
  list.forEach((item, i) => {
    const result = preparePack(item, file, prefixOf(i));
    if (result.pack) packs.push(result.pack);
    issues.push(...result.issues);
  });
  const ids = new Set<string>();
  packs.forEach((p) => {
    if (ids.has(p.id)) issues.push({ file, path: p.id, reason: `规则包编号重复 / duplicate pack id "${p.id}"` });
    ids.add(p.id);
  });
  return { packs, issues };
}

export function parseJsonPacks(text: string, file: string): { packs: Pack[]; issues: ImportIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      packs: [],
      issues: [{ file, reason: `JSON 格式错误 / invalid JSON: ${(error as Error).message}` }],
    };
  }
  return packsFromData(data, file);
}
