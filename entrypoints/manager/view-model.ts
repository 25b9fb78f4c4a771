import { CATEGORY_DEFAULT_SEVERITY } from '../../rules/engine/severity.ts';
import type { PackContext } from '../../components/packs/rule-lab.ts';
import type { RuleView } from '../../components/packs/rule-filter.ts';
import type { OverrideView, PackSummary } from '../../components/packs/types.ts';
import type { ManagerSnapshot } from '../../rules/store/snapshot.ts';

// Store rows -> the view shapes the pack manager components take. Pure, so it is tested alone.

export interface ManagerView {
  packs: PackSummary[];
  rules: RuleView[];
  contexts: Record<string, PackContext>;
  overrides: Record<string, OverrideView>;
}

const ORDER = { builtin: 0, subscribed: 1, custom: 2 } as const;

export function toView(snapshot: ManagerSnapshot): ManagerView {
  const overrides: Record<string, OverrideView> = {};
  for (const o of snapshot.overrides) {
    const { ruleId, updatedAt: _u, ...rest } = o;
    overrides[ruleId] = rest;
  }
  const packs = [...snapshot.packs].sort((a, b) => ORDER[a.origin] - ORDER[b.origin] || a.id.localeCompare(b.id));
  const rank = new Map(packs.map((p, i) => [p.id, i]));
  const rules = [...snapshot.rules]
    .sort((a, b) => (rank.get(a.packId) ?? 0) - (rank.get(b.packId) ?? 0) || a.order - b.order)
    .map((row): RuleView => {
      const o = overrides[row.id];
      return {
        packId: row.packId,
        rule: row.rule,
        severity: o?.severity ?? row.rule.severity ?? CATEGORY_DEFAULT_SEVERITY[row.rule.category],
        // Rule-level state only: the pack switch is shown on the pack, so a rule's box keeps meaning "this rule".
        enabled: o?.enabled !== false && row.rule.enabled !== false,
        overridden: !!o,
      };
    });
  return {
    packs: packs.map((p) => ({
      id: p.id,
      origin: p.origin,
      enabled: p.enabled,
      name: p.meta.name,
      version: p.meta.version,
      ruleCount: p.ruleCount,
      allowCount: p.meta.allow.length,
      global: p.meta.global === true,
      subscription: p.subscription,
    })),
    rules,
    contexts: Object.fromEntries(packs.map((p) => [p.id, { id: p.id, name: p.meta.name, variants: p.meta.variants, allow: p.meta.allow }])),
    overrides,
  };
}
