import { packSchema, type Pack } from '../engine/schema.ts';
import { hashJson } from './hash.ts';
import { zodIssues, type ImportIssue } from './issues.ts';

// Turns untrusted parsed data into a valid Pack with a unique `<pack>/<name>` id on every rule.
// Rule ids are the keys user overrides hang on, so they must be stable across re-imports:
// a rule without an id gets one derived from its content, not from its position.

const RULE_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

function contentKey(rule: Record<string, unknown>): unknown {
  return rule.terms ?? rule.patterns ?? [rule.a, rule.b];
}

export function prepareRuleIds(pack: Pack, file: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  pack.rules.forEach((rule, index) => {
    let id = rule.id ?? `r-${hashJson(contentKey(rule as Record<string, unknown>))}`;
    if (!id.startsWith(`${pack.id}/`)) id = `${pack.id}/${id}`;
    if (!RULE_ID.test(id)) {
      issues.push({ file, path: `rules.${index}.id`, reason: `规则编号无效 / invalid rule id "${id}"` });
      return;
    }
    if (!rule.id) {
      // Two generated ids collide only when two rules have identical terms: number the later ones.
      let n = 2;
      const base = id;
      while (seen.has(id)) id = `${base}-${n++}`;
    } else if (seen.has(id)) {
      issues.push({
        file,
        path: `rules.${index}.id`,
        reason: `规则编号重复（与第 ${seen.get(id)! + 1} 条相同）/ duplicate rule id "${id}" (same as rule ${seen.get(id)! + 1})`,
      });
      return;
    }
    seen.set(id, index);
    rule.id = id;
  });
  return issues;
}

export function preparePack(data: unknown, file: string, pathPrefix: (string | number)[] = []): { pack?: Pack; issues: ImportIssue[] } {
  const parsed = packSchema.safeParse(data);
  if (!parsed.success) return { issues: zodIssues(file, parsed.error, pathPrefix) };
  const pack = structuredClone(parsed.data);
  const issues = prepareRuleIds(pack, file).map((i) => ({ ...i, path: [...pathPrefix, i.path].join('.') }));
  return issues.length ? { issues } : { pack, issues };
}
