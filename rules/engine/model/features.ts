// Features of the second-opinion model: hashed character n-grams of the normalised text (the same
// folding the rules see, so 蕞低 and 最低 are one feature), plus the product category. Hashing keeps
// the feature space fixed without shipping a dictionary; the weights file keeps only buckets the
// training data touched.

/** Longest n-gram. Chinese claims turn on two- and three-character words (治好, 不反弹, 加微信). */
export const MAX_GRAM = 3;
/** A sentence longer than this is scored in windows of this many characters (ASR runs on without stops). */
export const WINDOW = 64;

/** FNV-1a over the code units of text[from, to), salted with the n-gram length. */
export function hash(text: string, from: number, to: number, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function productFeature(productCategory: string | undefined, bits: number): number {
  const key = `pc:${productCategory ?? '-'}`;
  return hash(key, 0, key.length, 97) & ((1 << bits) - 1);
}

/**
 * Distinct feature buckets of text[from, to) (at most WINDOW characters), written into `out`
 * (cleared first). Cost: MAX_GRAM hashes per character; the sort is over at most WINDOW*MAX_GRAM+1 ids.
 */
export function features(text: string, from: number, to: number, productCategory: string | undefined, bits: number, out: number[]): number[] {
  out.length = 0;
  const mask = (1 << bits) - 1;
  out.push(productFeature(productCategory, bits));
  for (let i = from; i < to; i++) {
    for (let n = 1; n <= MAX_GRAM && i + n <= to; n++) out.push(hash(text, i, i + n, n) & mask);
  }
  return sortDistinct(out);
}

/** Sorts bucket ids in place and drops repeats: a feature counts once per window. */
export function sortDistinct(out: number[]): number[] {
  out.sort((a, b) => a - b);
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[k++] = out[i];
  out.length = k;
  return out;
}

/**
 * Windows to score in a stretch [from, to): itself when short, else overlapping windows of WINDOW
 * characters, half a window apart (a claim straddling one window's edge lies whole in the next).
 */
export function windows(from: number, to: number): Array<[number, number]> {
  if (to - from <= WINDOW) return [[from, to]];
  const out: Array<[number, number]> = [];
  const step = WINDOW / 2;
  for (let s = from; s < to; s += step) {
    out.push([s, Math.min(to, s + WINDOW)]);
    if (s + WINDOW >= to) break;
  }
  return out;
}
