// The learned reading of a viewer message: two softmax heads (kind, topic) over hashed character
// n-grams of the folded message plus the hand-written cues (classify-rules.ts), trained by
// rules/scripts/train-chat-model.ts on the tune chat writers only. Words the rules never listed
// (a new slang for 已拍, a dialect complaint) are read from their characters; the cues carry what
// the rules know. Pure and linear in the message.
import { z } from 'zod';
import { hash, sortDistinct } from '../model/features.ts';
import { decodeBase64, decodeBuckets } from '../model/model.ts';
import type { FoldedChat } from './fold.ts';
import { CHAT_KINDS, CHAT_TOPICS, chatKindSchema, chatTopicSchema, type ChatClass, type ChatKind, type ChatTopic } from './kinds.ts';

/** A message longer than this is read from its start: chat is short, floods are not. */
export const CHAT_WINDOW = 96;
const CUE_SALT = 53;

export const chatModelSchema = z.object({
  format: z.literal(1),
  bits: z.number().int().min(8).max(24),
  kinds: z.array(chatKindSchema).length(CHAT_KINDS.length),
  topics: z.array(chatTopicSchema).length(CHAT_TOPICS.length),
  /** Bias per kind then per topic. */
  bias: z.array(z.number()),
  /** Added to a kind's logit before the argmax: what cross-validation tuned for the kinds a host must not miss. */
  offsets: z.array(z.number()),
  scale: z.number().positive(),
  buckets: z.string(),
  /** int8 rows of kinds.length + topics.length per bucket, base64. */
  weights: z.string(),
  card: z.record(z.string(), z.unknown()).optional(),
});
export type ChatModelData = z.input<typeof chatModelSchema>;

/** Distinct feature buckets of a folded message and its cues (written into `out`, cleared first). */
export function chatFeatures(f: FoldedChat, cues: readonly string[], bits: number, out: number[]): number[] {
  out.length = 0;
  const mask = (1 << bits) - 1;
  const text = f.text;
  const end = Math.min(text.length, CHAT_WINDOW);
  for (let i = 0; i < end; i++) {
    for (let n = 1; n <= 3 && i + n <= end; n++) out.push(hash(text, i, i + n, n) & mask);
  }
  for (const cue of cues) out.push(hash(cue, 0, cue.length, CUE_SALT) & mask);
  return sortDistinct(out);
}

export class ChatModel {
  readonly data: z.output<typeof chatModelSchema>;
  private readonly rowOf = new Map<number, number>();
  private readonly weights: Int8Array;
  private readonly width: number;
  private readonly feats: number[] = [];
  private readonly logits: Float64Array;

  constructor(input: ChatModelData) {
    const d = (this.data = chatModelSchema.parse(input));
    this.width = d.kinds.length + d.topics.length;
    if (d.bias.length !== this.width || d.offsets.length !== d.kinds.length) throw new Error('chat model: bias needs one value per kind and topic, offsets one per kind');
    const buckets = decodeBuckets(d.buckets);
    const bytes = decodeBase64(d.weights);
    if (bytes.length !== buckets.length * this.width) throw new Error(`chat model: ${bytes.length} weights for ${buckets.length} buckets × ${this.width}`);
    this.weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    buckets.forEach((b, i) => this.rowOf.set(b, i * this.width));
    this.logits = new Float64Array(this.width);
  }

  /** Raw logits, kinds then topics (for training diagnostics and tests). */
  logitsOf(f: FoldedChat, cues: readonly string[]): Float64Array {
    const { bias, bits, scale } = this.data;
    const logits = this.logits;
    for (let c = 0; c < this.width; c++) logits[c] = bias[c];
    const fs = chatFeatures(f, cues, bits, this.feats);
    const v = scale / Math.sqrt(fs.length || 1);
    for (const b of fs) {
      const row = this.rowOf.get(b);
      if (row === undefined) continue;
      for (let c = 0; c < this.width; c++) logits[c] += this.weights[row + c] * v;
    }
    return logits;
  }

  classify(f: FoldedChat, cues: readonly string[]): ChatClass {
    const logits = this.logitsOf(f, cues);
    const { kinds, topics, offsets } = this.data;
    let kind: ChatKind = kinds[0];
    let best = -Infinity;
    for (let c = 0; c < kinds.length; c++) {
      const x = logits[c] + offsets[c];
      if (x > best) [best, kind] = [x, kinds[c]];
    }
    let topic: ChatTopic = '';
    // Purchases, spam and small talk carry no topic in the panel's grouping.
    if (kind !== 'purchase' && kind !== 'spam' && kind !== 'other') {
      best = -Infinity;
      for (let c = 0; c < topics.length; c++) {
        const x = logits[kinds.length + c];
        if (x > best) [best, topic] = [x, topics[c]];
      }
    }
    return { kind, topic };
  }
}
