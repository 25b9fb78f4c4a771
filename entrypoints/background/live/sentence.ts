// The panel shows a finding inside its sentence, not the whole script block: a host glancing
// mid-stream needs the few words around the risky phrase, nothing more.

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '…']);

export interface SentenceSpan {
  sentence: string;
  /** The match's span inside `sentence` (UTF-16 offsets). */
  hlStart: number;
  hlEnd: number;
}

/**
 * The sentence of `text` containing [start, end), clipped to `maxSide` characters either side of
 * the match (marked with …). Offsets are clamped, so a stale finding never throws.
 */
export function sentenceAround(text: string, start: number, end: number, maxSide = 40): SentenceSpan {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = s;
  while (from > 0 && s - from < maxSide && !SENTENCE_END.has(text[from - 1]!)) from--;
  let to = e;
  while (to < text.length && to - e < maxSide && !SENTENCE_END.has(text[to]!)) to++;
  // Keep the sentence's own closing mark (。！？) so it reads as a sentence.
  if (to < text.length && text[to] !== '\n' && SENTENCE_END.has(text[to]!)) to++;
  // Clipped = stopped by maxSide rather than by a sentence boundary or the text's edge.
  const clippedLeft = from > 0 && !SENTENCE_END.has(text[from - 1]!);
  const clippedRight = to < text.length && !SENTENCE_END.has(text[to]!) && !SENTENCE_END.has(text[to - 1]!);
  // Leading spaces are noise; count them off the highlight offsets too.
  while (from < s && /\s/.test(text[from]!)) from++;
  const prefix = clippedLeft ? '…' : '';
  const sentence = prefix + text.slice(from, to).replace(/\s+$/, '') + (clippedRight ? '…' : '');
  return { sentence, hlStart: prefix.length + (s - from), hlEnd: prefix.length + (e - from) };
}
