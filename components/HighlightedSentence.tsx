// The risky words marked inside their sentence. <mark> is announced by screen readers and styled
// with an underline as well as a colour, so the highlight does not rely on colour alone.

export interface HighlightedSentenceProps {
  sentence: string;
  start: number;
  end: number;
}

export function HighlightedSentence({ sentence, start, end }: HighlightedSentenceProps) {
  const s = Math.max(0, Math.min(start, sentence.length));
  const e = Math.max(s, Math.min(end, sentence.length));
  return (
    <span class="ll-sentence">
      {sentence.slice(0, s)}
      <mark class="ll-mark">{sentence.slice(s, e)}</mark>
      {sentence.slice(e)}
    </span>
  );
}
