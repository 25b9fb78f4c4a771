// Frames: a claim as a chain of slots (a disease word … a relief word), consecutive slots at most
// gaps[k] normalised characters apart, no break of the scope's strength between them, no two
// slots overlapping. Linear in the number of hits: hits are sorted once per slot, and each slot
// keeps, over the previous slot's hits that may precede the current one (a window that only moves
// right), the earliest chain start: a sliding-window minimum, no loop over pairs.
//
// For each hit of the last slot the matcher reports ONE span: from the earliest admissible chain
// start to that hit's end. Every other chain ending there lies inside it, and the checker's filters
// (allow and exception coverage, qualifiers) kill a longer span whenever they kill a shorter one,
// so the union of what survives is the same as if every chain were reported.

/** Hits of one slot as parallel arrays. */
export interface SlotHits {
  starts: number[];
  ends: number[];
}

export interface FrameSpec {
  gaps: readonly number[];
  ordered: boolean;
}

/**
 * `lastBreak[i]` is the last position x <= i with a break of the scope's strength before it
 * (-1 when none), so "no break between p.end and h.start" is `lastBreak[h.start] < p.end`.
 */
export function matchFrame(
  /** Per slot, the hits that may START a chain (a negation or a reported question before them rules them out). */
  first: readonly SlotHits[],
  /** Per slot, the hits that may continue a chain. */
  rest: readonly SlotHits[],
  spec: FrameSpec,
  lastBreak: Int32Array,
  emit: (start: number, end: number) => void,
): void {
  const n = first.length;
  for (const s of rest) if (s.starts.length === 0) return;
  if (spec.ordered || n === 1) {
    chain(first[0], rest.slice(1), spec.gaps, lastBreak, emit);
    return;
  }
  // Any order: each permutation of the slots is an ordered chain (n <= 4, at most 24 passes).
  for (const order of permutations(n)) chain(first[order[0]], order.slice(1).map((k) => rest[k]), spec.gaps, lastBreak, emit);
}

function chain(head: SlotHits, slots: readonly SlotHits[], gaps: readonly number[], lastBreak: Int32Array, emit: (start: number, end: number) => void): void {
  if (head.starts.length === 0) return;
  // prev: the previous slot's admissible hits sorted by end, with the earliest chain start of each.
  let prev = byEnd(head.starts, head.ends, head.starts);
  for (let k = 1; k <= slots.length; k++) {
    const cur = slots[k - 1];
    const order = indexOrder(cur.starts, cur.ends, true);
    const gap = gaps[Math.min(k - 1, gaps.length - 1)];
    // Monotone deque of indexes into prev (ends increasing, chain starts increasing).
    const dq = new Int32Array(prev.ends.length);
    let head = 0;
    let tail = 0;
    let next = 0;
    const outStarts: number[] = [];
    const outEnds: number[] = [];
    const outVals: number[] = [];
    for (const j of order) {
      const hs = cur.starts[j];
      const lo = Math.max(hs - gap, (hs < lastBreak.length ? lastBreak[hs] : lastBreak[lastBreak.length - 1]) + 1);
      while (next < prev.ends.length && prev.ends[next] <= hs) {
        const v = prev.vals[next];
        while (tail > head && prev.vals[dq[tail - 1]] >= v) tail--;
        dq[tail++] = next++;
      }
      while (tail > head && prev.ends[dq[head]] < lo) head++;
      if (tail === head) continue;
      outStarts.push(hs);
      outEnds.push(cur.ends[j]);
      outVals.push(prev.vals[dq[head]]);
    }
    if (outStarts.length === 0) return;
    prev = byEnd(outStarts, outEnds, outVals);
  }
  for (let i = 0; i < prev.ends.length; i++) emit(prev.vals[i], prev.ends[i]);
}

function indexOrder(starts: readonly number[], ends: readonly number[], byStart: boolean): number[] {
  const idx = Array.from({ length: starts.length }, (_, i) => i);
  return byStart ? idx.sort((a, b) => starts[a] - starts[b] || ends[a] - ends[b]) : idx.sort((a, b) => ends[a] - ends[b] || starts[a] - starts[b]);
}

function byEnd(starts: readonly number[], ends: readonly number[], vals: readonly number[]) {
  const order = indexOrder(starts, ends, false);
  return { ends: order.map((i) => ends[i]), vals: order.map((i) => vals[i]) };
}

const PERMS = new Map<number, number[][]>();
function permutations(n: number): number[][] {
  let p = PERMS.get(n);
  if (!p) {
    const out: number[][] = [];
    const walk = (cur: number[], rest: number[]) => {
      if (!rest.length) out.push(cur);
      for (let i = 0; i < rest.length; i++) walk([...cur, rest[i]], [...rest.slice(0, i), ...rest.slice(i + 1)]);
    };
    walk([], Array.from({ length: n }, (_, i) => i));
    PERMS.set(n, (p = out));
  }
  return p;
}
