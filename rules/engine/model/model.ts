// The second opinion: a linear model (one logistic unit per category) over hashed character n-grams,
// trained by rules/scripts/train-model.ts on the tuning writers only. It speaks only where the rules
// said nothing about a category in a sentence, as a warning naming the category and its law.
import { z } from 'zod';
import { FINDING_CATEGORIES, type FindingCategory } from '../taxonomy.ts';
import { features, windows } from './features.ts';

export const modelDataSchema = z.object({
  format: z.literal(1),
  bits: z.number().int().min(8).max(24),
  maxGram: z.number().int().min(1).max(6),
  categories: z.array(z.enum(FINDING_CATEGORIES)).min(1),
  bias: z.array(z.number()),
  /** Probability at or above which a category is raised; above 1 means never. */
  thresholds: z.array(z.number()),
  /** Weight = stored int8 × scale. */
  scale: z.number().positive(),
  /** Sorted bucket ids, delta-coded as base-128 varints, base64. */
  buckets: z.string(),
  /** int8 weights, one row of `categories.length` per bucket, base64. */
  weights: z.string(),
  /**
   * Where it may speak: 'category' = a sentence where no rule found this category; 'sentence' = a
   * sentence no rule flagged at all. The training script picks the one that scored better.
   */
  gate: z.enum(['category', 'sentence']).default('category'),
  /**
   * A rule finding whose category the model puts below this probability in its sentence is shown
   * as a note (severity info) instead of a warning: the lawful look-alikes (最好冷藏, 不加微信) the
   * rules cannot tell apart. 0 = never.
   */
  veto: z.number().min(0).max(1).default(0),
  /** What it was trained on and how it scored (the data card in numbers). */
  card: z.record(z.string(), z.unknown()).optional(),
});
export type ModelData = z.input<typeof modelDataSchema>;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Base64 without atob: the engine type-checks with ES libs only and runs where atob may not exist. */
export function decodeBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0, bits = 0, k = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) throw new Error(`model: bad base64 at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, k);
}

export function encodeBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return s;
}

export function encodeBuckets(sorted: readonly number[]): string {
  const bytes: number[] = [];
  let prev = 0;
  for (const b of sorted) {
    let d = b - prev;
    prev = b;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    bytes.push(d);
  }
  return encodeBase64(Uint8Array.from(bytes));
}

export function decodeBuckets(s: string): Int32Array {
  const bytes = decodeBase64(s);
  const out: number[] = [];
  let prev = 0, d = 0, shift = 0;
  for (const byte of bytes) {
    d |= (byte & 0x7f) << shift;
    if (byte & 0x80) shift += 7;
    else {
      prev += d;
      out.push(prev);
      d = 0;
      shift = 0;
    }
  }
  return Int32Array.from(out);
}

export interface Opinion {
  category: FindingCategory;
  p: number;
}

/** A loaded model. Pure and deterministic; cost is linear in the text scored. */
export class SecondOpinion {
  readonly categories: readonly FindingCategory[];
  readonly thresholds: readonly number[];
  private readonly rowOf = new Map<number, number>();
  private readonly weights: Int8Array;
  private readonly feats: number[] = [];
  private readonly logits: Float64Array;

  readonly data: z.output<typeof modelDataSchema>;

  constructor(input: ModelData) {
    const d = (this.data = modelDataSchema.parse(input));
    const k = d.categories.length;
    if (d.bias.length !== k || d.thresholds.length !== k) throw new Error('model: bias and thresholds need one value per category');
    this.categories = d.categories;
    this.thresholds = d.thresholds;
    const buckets = decodeBuckets(d.buckets);
    const bytes = decodeBase64(d.weights);
    if (bytes.length !== buckets.length * k) throw new Error(`model: ${bytes.length} weights for ${buckets.length} buckets × ${k} categories`);
    this.weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    buckets.forEach((b, i) => this.rowOf.set(b, i * k));
    this.logits = new Float64Array(k);
  }

  /** Probability per category (in `categories` order) for text[from, to), scored in windows; the highest window wins. */
  score(text: string, from: number, to: number, productCategory?: string): Float64Array {
    const k = this.categories.length;
    const best = new Float64Array(k);
    for (const [s, e] of windows(from, to)) {
      const logits = this.logits;
      for (let c = 0; c < k; c++) logits[c] = this.data.bias[c];
      const fs = features(text, s, e, productCategory, this.data.bits, this.feats);
      // Each feature counts 1/sqrt(n): a long sentence does not pile up evidence just by being long,
      // and a short one does not fall back on the bias.
      const v = this.data.scale / Math.sqrt(fs.length);
      for (const f of fs) {
        const row = this.rowOf.get(f);
        if (row === undefined) continue;
        for (let c = 0; c < k; c++) logits[c] += this.weights[row + c] * v;
      }
      for (let c = 0; c < k; c++) {
        const p = 1 / (1 + Math.exp(-logits[c]));
        if (p > best[c]) best[c] = p;
      }
    }
    return best;
  }

  /** Categories at or over their threshold for text[from, to). */
  opinions(text: string, from: number, to: number, productCategory?: string): Opinion[] {
    return this.opinionsFrom(this.score(text, from, to, productCategory));
  }

  /** Categories at or over their threshold, given `score`'s probabilities. */
  opinionsFrom(p: Float64Array): Opinion[] {
    const out: Opinion[] = [];
    for (let c = 0; c < p.length; c++) if (p[c] >= this.thresholds[c]) out.push({ category: this.categories[c], p: p[c] });
    return out;
  }
}
