import type { Finding } from '../../rules/engine/schema.ts';

// Applying a rule's compliant rewrite to the script. A suggestion is "safe" to apply blindly only
// when it is a drop-in phrase: advice such as 说材质和工艺：例如… or a sentence far longer than the
// match would not read as speech, so those are left for the host to apply one by one.

type Span = Pick<Finding, 'start' | 'end' | 'suggestions'>;

const ADVICE = /[:：]|例如|比如|e\.g\.|建议|请先|改为|改成/;
/** XX marks a blank only the host can fill (a price, an hour): not a drop-in. */
const BLANK = /XX|××|xx/;
export const SAFE_MAX_LENGTH = 24;
/** Three clauses or more (这个不是药，不能治病，有不舒服请就医) is a sentence to say, not a phrase to
 * splice in: put in place of 还能治疗湿疹 it leaves 用了这个不是药… */
const CLAUSES = /[，,；;][^，,；;]*[，,；;]/;

export function safeSuggestion(f: Pick<Finding, 'suggestions' | 'match'>): string | undefined {
  const s = f.suggestions[0]?.trim();
  if (!s || ADVICE.test(s) || BLANK.test(s) || CLAUSES.test(s) || s.length > Math.max(SAFE_MAX_LENGTH, f.match.length * 3)) return undefined;
  return s;
}

/** Replaces the finding's span with `suggestion`; throws if the span no longer fits the text. */
export function applySuggestion(text: string, f: Span, suggestion: string): string {
  if (f.start < 0 || f.end > text.length || f.start > f.end) {
    throw new Error(`finding span ${f.start}-${f.end} is outside the text (${text.length} characters): re-check first`);
  }
  return text.slice(0, f.start) + suggestion + text.slice(f.end);
}

type Candidate = Span & Pick<Finding, 'match'>;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * The rewrites "apply all" would make. Overlapping findings: the first (leftmost, then longest)
 * wins. A span that overlaps a finding WITHOUT a safe rewrite is left alone: replacing half of
 * 还能治疗湿疹 would leave a broken sentence the host still has to fix by hand.
 */
export function safeRewrites<F extends Candidate>(findings: readonly F[]): Array<{ finding: F; text: string; start: number; end: number }> {
  const unsafe = findings.filter((f) => !safeSuggestion(f));
  const chosen: Array<{ finding: F; text: string; start: number; end: number }> = [];
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  for (const f of sorted) {
    const s = safeSuggestion(f);
    if (!s || f.start < lastEnd || unsafe.some((u) => overlaps(u, f))) continue;
    // Two neighbouring phrases (加我微信 + 私下转账) often share a rewrite: one replacement covers
    // both spans (and what lies between them), so it is said once, not twice in a row.
    const prev = chosen[chosen.length - 1];
    if (prev && f.start - prev.end <= 1 && (prev.text.includes(s) || s.includes(prev.text))) {
      prev.end = f.end;
      if (s.length > prev.text.length) prev.text = s;
      lastEnd = f.end;
      continue;
    }
    chosen.push({ finding: f, text: s, start: f.start, end: f.end });
    lastEnd = f.end;
  }
  return chosen;
}

/** Every safe rewrite at once, right to left so earlier offsets stay valid. */
export function applyAllSafe(text: string, findings: readonly Candidate[]): { text: string; applied: number } {
  const chosen = safeRewrites(findings);
  let out = text;
  for (const c of [...chosen].reverse()) out = applySuggestion(out, { start: c.start, end: c.end, suggestions: [c.text] }, c.text);
  return { text: out, applied: chosen.length };
}
