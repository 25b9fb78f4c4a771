import type { LiveFinding } from '../rules/protocol/panel.ts';
import { SEVERITIES } from '../rules/engine/taxonomy.ts';

// Two rules on one sentence (能治疗湿疹 is a cure claim and a cosmetics claim) are one thing the
// host said, so they are one card that lists each law it breaks; a host repeating 全网最低价 five
// times needs one card that says ×5, not five cards pushing the other warnings off screen. So
// findings are first merged per sentence, then sentences are grouped by their leading rule,
// ordered by their newest occurrence.

export interface FindingGroup {
  /** The leading rule of every sentence in the group. */
  rule: string;
  /** The newest occurrence of the leading rule: the card shows it. */
  latest: LiveFinding;
  /** The other findings in the same sentence as `latest`, one per further category. */
  also: LiveFinding[];
  /** Every occurrence of the leading rule, newest first. */
  all: LiveFinding[];
  /** Every finding in the sentence of `latest` (忽略一次 ignores that sentence, all its laws). */
  keys: string[];
  /** Spans of every other finding in that sentence, same category or not (all marked in the quote). */
  spans: Array<readonly [number, number]>;
}

const rank = (f: LiveFinding) => SEVERITIES.indexOf(f.severity) * 2 + (f.rule.startsWith('model.') ? 1 : 0);

/** A rule's finding leads over the model's, an error over a warning, then the earlier match. */
function leader(fs: readonly LiveFinding[]): LiveFinding {
  let best = fs[0]!;
  for (const f of fs) if (rank(f) < rank(best) || (rank(f) === rank(best) && f.hlStart < best.hlStart)) best = f;
  return best;
}

export function groupFindings(findings: readonly LiveFinding[]): FindingGroup[] {
  const bySentence = new Map<string, LiveFinding[]>();
  for (const f of findings) {
    const k = `${f.block}\u0000${f.sentence}`;
    const list = bySentence.get(k);
    if (list) list.push(f);
    else bySentence.set(k, [f]);
  }
  const byRule = new Map<string, Omit<FindingGroup, 'also' | 'keys' | 'spans'> & { others: Map<LiveFinding, LiveFinding[]> }>();
  for (const fs of bySentence.values()) {
    const lead = leader(fs);
    const rest = fs.filter((f) => f !== lead);
    const g = byRule.get(lead.rule);
    if (!g) byRule.set(lead.rule, { rule: lead.rule, latest: lead, all: [lead], others: new Map([[lead, rest]]) });
    else {
      g.all.push(lead);
      g.others.set(lead, rest);
      if (lead.seenAt > g.latest.seenAt) g.latest = lead;
    }
  }
  const groups: FindingGroup[] = [];
  for (const { others, ...g } of byRule.values()) {
    const seen = new Set([g.latest.category]);
    const also: LiveFinding[] = [];
    const rest = others.get(g.latest) ?? [];
    for (const f of [...rest].sort((a, b) => rank(a) - rank(b))) {
      if (seen.has(f.category)) continue;
      seen.add(f.category);
      also.push(f);
    }
    g.all.sort((a, b) => b.seenAt - a.seenAt);
    groups.push({ ...g, also, keys: [g.latest.key, ...rest.map((f) => f.key)], spans: rest.map((f) => [f.hlStart, f.hlEnd] as const) });
  }
  return groups.sort((a, b) => b.latest.seenAt - a.latest.seenAt);
}

/**
 * The newest error-severity finding in what the host said, not yet acknowledged: the banner the
 * host can't miss. A viewer's lure in chat is not the host's violation (the Chat tab shows it).
 */
export function criticalFinding(findings: readonly LiveFinding[], dismissed: ReadonlySet<string>): LiveFinding | undefined {
  let best: LiveFinding | undefined;
  for (const f of findings) {
    if (f.source !== 'chat' && f.severity === 'error' && !dismissed.has(f.key) && (!best || f.seenAt > best.seenAt)) best = f;
  }
  return best;
}
