// Hot words of the last few minutes: Intl.Segmenter splits each chat line into words, stop-words
// and noise are dropped, and counts go into one bucket per minute. Buckets are capped so a flood of
// unique junk cannot grow memory; old minutes fall off the window.

const MINUTE = 60_000;
/** Distinct words kept per minute; beyond it new words are not counted (known words still are). */
export const MAX_WORDS_PER_MINUTE = 2000;

// Function words, greetings and filler viewers type all the time: frequent, never informative.
const STOP = new Set(
  (
    '主播 这个 那个 一个 什么 怎么 可以 能不能 是不是 有没有 我们 你们 他们 自己 还是 就是 但是 因为 所以 如果 然后 已经 现在 今天 ' +
    '一下 一点 真的 好的 谢谢 哈哈 哈哈哈 嗯嗯 好吧 这样 那样 这么 那么 多少 为什么 没有 不是 不会 可能 应该 知道 觉得 感觉 时候 ' +
    '大家 家人 家人们 宝宝 姐姐 小姐姐 老师 主播们 谢谢你 你好 大家好 欢迎 来了 我的 你的 他的 她的 一起 还有 这里 那里 吗 呢 啊 吧 ' +
    'the and you for are is it to of a in'
  ).split(/\s+/),
);

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/** The informative words of one chat line (lower-cased, stop-words and single characters removed). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  if (!segmenter) return out;
  for (const s of segmenter.segment(lower)) {
    if (!s.isWordLike) continue;
    const w = s.segment.trim();
    // Single CJK characters (的, 好) and numbers (111, 2) are noise, not topics.
    if (w.length < 2 || /^\d+$/.test(w) || STOP.has(w)) continue;
    out.push(w);
  }
  return out;
}

export class HotWords {
  private buckets = new Map<number, Map<string, number>>();

  constructor(private readonly windowMinutes = 5) {}

  add(text: string, now: number) {
    const minute = Math.floor(now / MINUTE);
    let bucket = this.buckets.get(minute);
    if (!bucket) {
      this.buckets.set(minute, (bucket = new Map()));
      for (const m of this.buckets.keys()) if (m <= minute - this.windowMinutes) this.buckets.delete(m);
    }
    // A word repeated in one line (哈哈 哈哈) counts once: it is one viewer saying it.
    for (const w of new Set(wordsOf(text))) {
      const n = bucket.get(w);
      if (n !== undefined) bucket.set(w, n + 1);
      else if (bucket.size < MAX_WORDS_PER_MINUTE) bucket.set(w, 1);
    }
  }

  /** The `limit` most frequent words of the window ending at `now`. */
  top(now: number, limit = 12): Array<{ word: string; count: number }> {
    const minute = Math.floor(now / MINUTE);
    const sum = new Map<string, number>();
    for (const [m, bucket] of this.buckets) {
      if (m <= minute - this.windowMinutes || m > minute) continue;
      for (const [w, n] of bucket) sum.set(w, (sum.get(w) ?? 0) + n);
    }
    return [...sum]
      .filter(([, n]) => n > 1)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([word, count]) => ({ word, count }));
  }
}

/** Counts per minute over the last `minutes` minutes (oldest first), for the purchase sparkline. */
export class PerMinute {
  private counts = new Map<number, number>();
  total = 0;

  constructor(private readonly minutes = 15) {}

  add(now: number, n = 1) {
    const minute = Math.floor(now / MINUTE);
    this.counts.set(minute, (this.counts.get(minute) ?? 0) + n);
    this.total += n;
    if (this.counts.size > this.minutes + 1) for (const m of this.counts.keys()) if (m <= minute - this.minutes) this.counts.delete(m);
  }

  series(now: number): number[] {
    const minute = Math.floor(now / MINUTE);
    const out: number[] = [];
    for (let m = minute - this.minutes + 1; m <= minute; m++) out.push(this.counts.get(m) ?? 0);
    return out;
  }
}
