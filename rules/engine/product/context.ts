import { BREAK_CLAUSE, type Normalized } from '../normalize.ts';
import { isNegated } from '../negation.ts';

// Shared helpers for reading a claim's surroundings in normalised text: the cue before a number
// (原价, 保质期, 净含量) must sit in the same clause, and a negation (不是100%纯棉) makes it lawful.

/** Normalised text of one block plus its offset map; product checks read only this. */
export type Text = Normalized;

/** True when a break (comma or sentence end) lies before any char of [from, to). */
export function crossesClause(brk: Uint8Array, from: number, to: number): boolean {
  for (let i = Math.max(0, from + 1); i < to && i < brk.length; i++) if (brk[i] >= BREAK_CLAUSE) return true;
  return false;
}

/**
 * The cue that ends at most `maxGap` chars before `at`, in the same clause; returns its start or -1.
 * The gap may hold filler such as 是, 要, 都.
 */
export function cueBefore(t: Text, at: number, cues: readonly string[], maxGap: number): number {
  let best = -1;
  // Search a window only: lastIndexOf over the whole text made long scripts quadratic.
  let longest = 0;
  for (const cue of cues) longest = Math.max(longest, cue.length);
  const base = Math.max(0, at - maxGap - longest);
  const window = t.text.slice(base, at);
  for (const cue of cues) {
    const from = Math.max(0, at - maxGap - cue.length);
    const rel = window.lastIndexOf(cue, at - cue.length - base);
    const idx = rel < 0 ? -1 : rel + base;
    if (idx < 0 || idx < from) continue;
    if (crossesClause(t.brk, idx + cue.length - 1, at + 1)) continue;
    if (idx > best) best = idx;
  }
  return best;
}

export function negated(t: Text, start: number): boolean {
  return isNegated(t.text, t.brk, start);
}

/** Every occurrence of `needle` in the normalised text. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

/** A number the ASR split with a space (多一点 四斤, 三十 两饼): the original span holds whitespace. */
export function spokenApart(t: Text, original: string, start: number, end: number): boolean {
  const from = t.start[start];
  const to = t.end[end - 1];
  return from !== undefined && to !== undefined && /\s/.test(original.slice(from, to));
}

