// Inline suppression for rehearsal scripts, in the style of eslint-disable comments, so a host can
// keep a lawful-but-flagged line (a quoted enforcement example in training material) without
// turning the rule off everywhere:
//   ...text...  livelint-ignore                 (this line, every rule)
//   ...text...  livelint-ignore: pack/rule, ... (this line, those rules)
//   livelint-ignore-next-line[: pack/rule]      (the following line)

const MARKER = /livelint-ignore(-next-line)?(?:\s*[:：]\s*([a-z0-9/,\s-]+))?/g;

/** Returns a predicate (original offset, rule id) -> suppressed. */
export function ignoredLines(text: string): (offset: number, rule: string) => boolean {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const byLine = new Map<number, Set<string> | 'all'>();
  for (const m of text.matchAll(MARKER)) {
    const line = lineOf(m.index ?? 0) + (m[1] ? 1 : 0);
    const ids = m[2]?.split(/[,\s]+/).filter(Boolean);
    const prev = byLine.get(line);
    if (!ids || ids.length === 0 || prev === 'all') byLine.set(line, 'all');
    else byLine.set(line, new Set([...(prev ?? []), ...ids]));
  }
  return (offset, rule) => {
    const entry = byLine.get(lineOf(offset));
    return entry === 'all' || (entry !== undefined && entry.has(rule));
  };
}
