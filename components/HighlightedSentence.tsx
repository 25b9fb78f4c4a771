// The risky words marked inside their sentence. <mark> is announced by screen readers and styled
// with an underline as well as a colour, so the highlight does not rely on colour alone.

export interface HighlightedSentenceProps {
  sentence: string;
  start: number;
  end: number;
  /** Further spans in the same sentence (another law broken by other words). */
  more?: ReadonlyArray<readonly [number, number]>;
}

/** Clamped, sorted spans with overlaps merged, so every character is marked at most once. */
function spans(length: number, list: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const clamped = list
    .map(([a, b]): [number, number] => {
      const s = Math.max(0, Math.min(a, length));
      return [s, Math.max(s, Math.min(b, length))];
    })
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of clamped) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function HighlightedSentence({ sentence, start, end, more = [] }: HighlightedSentenceProps) {
  const parts = spans(sentence.length, [[start, end], ...more]);
  const children = [];
  let at = 0;
  for (const [a, b] of parts) {
    children.push(sentence.slice(at, a), <mark class="ll-mark">{sentence.slice(a, b)}</mark>);
    at = b;
  }
  children.push(sentence.slice(at));
  return <span class="ll-sentence">{children}</span>;
}
