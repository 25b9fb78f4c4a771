import { parse, YAMLError } from 'yaml';
import type { Pack } from '../engine/schema.ts';
import type { ImportIssue } from './issues.ts';
import { packsFromData } from './parse-json.ts';

// YAML packs are the same shape as JSON ones (a pack with its rules inline). Aliases are capped so a
// hostile file cannot expand into gigabytes (the "billion laughs" shape).

export function parseYamlPacks(text: string, file: string): { packs: Pack[]; issues: ImportIssue[] } {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 50, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    const line = error instanceof YAMLError && error.linePos ? error.linePos[0].line : undefined;
    const reason = (error as Error).message.split('\n')[0];
    return { packs: [], issues: [{ file, row: line, reason: `YAML 格式错误 / invalid YAML: ${reason}` }] };
  }
  return packsFromData(data, file);
}
