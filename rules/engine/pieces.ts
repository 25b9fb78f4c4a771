// A bound per block (issue 12): some checks cost more than linear time within one block (proximity
// pairs, allow and exception coverage, qualifiers), so a whole script pasted as one block, a 200k
// "check selection" or a 10 MB CLI line took seconds to minutes. Long blocks are checked in pieces
// of at most MAX_PIECE characters, cut at a sentence end (or a line, a clause, a space), so total
// work is linear in the input and a finding never straddles a cut that speech would not.

export const MAX_PIECE = 2_000;
/** A cut is looked for in the last quarter of a piece before falling back to a hard cut. */
const LOOK_BACK = MAX_PIECE / 4;

const SENTENCE = new Set(['。', '！', '？', '!', '?', '\n', '…']);
const CLAUSE = new Set(['，', ',', '；', ';', '、', ' ', '\t']);

/** [start, end) ranges covering text, each at most `max` long. */
export function pieces(text: string, max = MAX_PIECE): Array<[number, number]> {
  if (text.length <= max) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + max);
    if (to < text.length) {
      const floor = to - Math.min(LOOK_BACK, Math.floor(max / 4));
      let cut = -1;
      for (let i = to - 1; i >= floor && cut < 0; i--) if (SENTENCE.has(text[i])) cut = i + 1;
      for (let i = to - 1; i >= floor && cut < 0; i--) if (CLAUSE.has(text[i])) cut = i + 1;
      // Never split a surrogate pair.
      if (cut < 0) cut = /[\uD800-\uDBFF]/.test(text[to - 1]) ? to - 1 : to;
      to = cut;
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}
