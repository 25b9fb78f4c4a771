import { encodeBase64, encodeBuckets } from '../engine/model/model.ts';

// Both learned layers ship their weights the same way: int8 with one scale, rows of `width` per
// hashed bucket, and only buckets the training data touched (|q| < prune counts as untouched).

export function quantise(w: Float32Array, width: number, bits: number, prune: number): { scale: number; buckets: string; weights: string } {
  let max = 0;
  for (const x of w) if (Math.abs(x) > max) max = Math.abs(x);
  const scale = max / 127 || 1;
  const buckets: number[] = [];
  const bytes: number[] = [];
  const row: number[] = [];
  for (let b = 0; b < 1 << bits; b++) {
    row.length = 0;
    let any = false;
    for (let c = 0; c < width; c++) {
      let q = Math.round(w[b * width + c] / scale);
      if (Math.abs(q) < prune) q = 0;
      row.push(q);
      if (q !== 0) any = true;
    }
    if (!any) continue;
    buckets.push(b);
    for (const q of row) bytes.push(q & 0xff);
  }
  return { scale, buckets: encodeBuckets(buckets), weights: encodeBase64(Uint8Array.from(bytes)) };
}
