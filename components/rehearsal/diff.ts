// A small diff between two versions of a script, by clause: hosts rewrite clause by clause,
// and an LCS over clauses stays cheap (a long script has a few hundred) where one over
// characters would not.

export type DiffOp = { kind: 'same' | 'added' | 'removed'; text: string };

/** Splits after clause and sentence ends and line breaks, keeping the punctuation with its clause. */
export function sentences(text: string): string[] {
  return text.match(/[^。！？!?；;，,\n]*(?:[。！？!?；;，,]+|\n|$)/g)?.filter((s) => s.length > 0) ?? [];
}

export function diffSentences(before: string, after: string): DiffOp[] {
  const a = sentences(before);
  const b = sentences(after);
  const n = a.length;
  const m = b.length;
  // Past ~4M cells the table costs too much memory for a side panel: show a whole replacement.
  if (n * m > 4_000_000) return [...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])];
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: DiffOp[] = [];
  const push = (kind: DiffOp['kind'], text: string) => {
    const last = ops[ops.length - 1];
    if (last?.kind === kind) last.text += text;
    else ops.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) push('same', a[i++]!), j++;
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return ops;
}
