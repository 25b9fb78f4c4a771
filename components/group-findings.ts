import type { LiveFinding } from '../rules/protocol/panel.ts';

// A host repeating 全网最低价 five times needs one card that says ×5, not five cards pushing the
// other warnings off screen. Groups are per rule, ordered by their newest occurrence.

export interface FindingGroup {
  rule: string;
  /** The newest occurrence: the card shows it. */
  latest: LiveFinding;
  /** Every occurrence, newest first. */
  all: LiveFinding[];
}

export function groupFindings(findings: readonly LiveFinding[]): FindingGroup[] {
  const byRule = new Map<string, FindingGroup>();
  for (const f of findings) {
    const g = byRule.get(f.rule);
    if (!g) byRule.set(f.rule, { rule: f.rule, latest: f, all: [f] });
    else {
      g.all.push(f);
      if (f.seenAt > g.latest.seenAt) g.latest = f;
    }
  }
  const groups = [...byRule.values()];
  for (const g of groups) g.all.sort((a, b) => b.seenAt - a.seenAt);
  return groups.sort((a, b) => b.latest.seenAt - a.latest.seenAt);
}

/** The newest error-severity finding not yet acknowledged: the banner the host can't miss. */
export function criticalFinding(findings: readonly LiveFinding[], dismissed: ReadonlySet<string>): LiveFinding | undefined {
  let best: LiveFinding | undefined;
  for (const f of findings) {
    if (f.severity === 'error' && !dismissed.has(f.key) && (!best || f.seenAt > best.seenAt)) best = f;
  }
  return best;
}
