import { T2S_FROM, T2S_TO } from './data/t2s.ts';

// Normalisation turns what a host types or says into one canonical spelling so a single literal
// matches every evasion of it (全 网 最 低 價, 蕞低价, quan网zui低价, ＮＯ．１), while keeping a map from
// each normalised character back to the original UTF-16 span, so findings highlight the ORIGINAL
// stretch. It runs on every keystroke and chat message, so it is a table lookup per code unit.

/** Fold table codes below this are control values, never output characters. */
const UNKNOWN = 0;
const DROP = 1; // separator inside a phrase: space, emoji, most punctuation
const DROP_COMMA = 2; // clause break: ，、：
const DROP_STOP = 3; // sentence break: 。！？； newline
const SLOW = 4; // needs the slow path (expands under NFKC, surrogate, letter for pinyin)
const FIRST_CHAR = 5;

export const BREAK_NONE = 0;
export const BREAK_CLAUSE = 1;
export const BREAK_SENTENCE = 2;

export interface Variants {
  [canonical: string]: { homophones?: string[]; pinyin?: string[] };
}

export interface Normalized {
  /** The normalised text matched against. */
  text: string;
  /** Original UTF-16 start of each normalised code unit. */
  start: Int32Array;
  /** Original UTF-16 end (exclusive) of each normalised code unit. */
  end: Int32Array;
  /** Strongest break removed just before each normalised code unit (BREAK_*). */
  brk: Uint8Array;
}

const STOP_PUNCT = new Set('。！？；!?;…\n\r\u2028\u2029'.split(''));
const COMMA_PUNCT = new Set('，、：,:'.split(''));
// Kept because they carry meaning in claims: +V (contact), 50%, ¥99, 9.9.
const KEPT_SYMBOLS = new Set('+%¥$#'.split(''));
const DROPPED_CLASS = /[\p{White_Space}\p{P}\p{S}\p{Cf}\p{Mn}\p{Me}\p{Cc}]/u;

const t2s = new Map<number, number>();
for (let i = 0; i < T2S_FROM.length; i++) t2s.set(T2S_FROM.charCodeAt(i), T2S_TO.charCodeAt(i));

/** Shared base fold: NFKC, width, case and traditional->simplified, computed lazily per code unit. */
const baseFold = new Uint16Array(65536);
/** The a-z letter a code unit stands for (A, ａ, ī...), 0 for none; filled with baseFold. */
const latinOf = new Uint16Array(65536);

function computeBase(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return SLOW;
  const ch = String.fromCharCode(code);
  if (STOP_PUNCT.has(ch)) return DROP_STOP;
  if (COMMA_PUNCT.has(ch)) return DROP_COMMA;
  let n = ch.normalize('NFKC').toLowerCase();
  if (n.length !== 1) {
    // 。 and ！ are already handled; NFKC of full-width ？ etc. is a single char. Longer results
    // (㎏ -> kg, ① -> 1 handled below) go through the slow path.
    return n.length === 0 ? DROP : SLOW;
  }
  const c = n.charCodeAt(0);
  if (STOP_PUNCT.has(n)) return DROP_STOP;
  if (COMMA_PUNCT.has(n)) return DROP_COMMA;
  if (!KEPT_SYMBOLS.has(n) && DROPPED_CLASS.test(n)) return DROP;
  if (c >= 0x61 && c <= 0x7a) {
    latinOf[code] = c;
    return SLOW; // letters may form pinyin runs
  }
  // Pinyin with tone marks (dī, zuì, ǚ): the base letter, so 全网最dī价 reads as quan-wang-zui-di.
  const bare = n.normalize('NFD').replace(/\p{M}/gu, '');
  if (bare.length === 1 && bare >= 'a' && bare <= 'z') {
    latinOf[code] = bare.charCodeAt(0);
    return SLOW;
  }
  const simp = t2s.get(c) ?? c;
  return simp < FIRST_CHAR ? DROP : simp;
}

function base(code: number): number {
  let v = baseFold[code];
  if (v === UNKNOWN) {
    v = computeBase(code);
    baseFold[code] = v;
  }
  return v;
}

/** Decides code units that depend on a pack's variants; built once per compiled checker. */
export class NormalizerTable {
  private readonly homophones = new Map<number, number>();
  private readonly syllables = new Map<string, string>();
  private readonly maxSyllable: number;

  constructor(variants: Variants = {}) {
    let max = 0;
    for (const [canonical, v] of Object.entries(variants)) {
      const target = this.foldPlain(canonical);
      for (const h of v.homophones ?? []) this.homophones.set(h.charCodeAt(0), target.charCodeAt(0));
      for (const p of v.pinyin ?? []) {
        // First declaration wins so a pack cannot silently re-point a syllable another pack set.
        if (!this.syllables.has(p)) this.syllables.set(p, target);
        max = Math.max(max, p.length);
      }
    }
    this.maxSyllable = max;
    // Literals folded above were cached before every homophone was known.
    this.cache.fill(UNKNOWN);
  }

  private foldPlain(s: string): string {
    return normalizeLiteral(this, s);
  }

  /**
   * Per-checker fold cache: base fold plus this checker's homophones, filled lazily. One typed-array
   * read per code unit on the hot path instead of two Map lookups (measured: 6 -> 40+ M chars/s).
   */
  readonly cache = new Uint16Array(65536);

  /** Folds one BMP code unit, or returns a control value (< FIRST_CHAR). */
  fold(code: number): number {
    const c = this.cache[code];
    if (c !== UNKNOWN) return c;
    return (this.cache[code] = this.computeFold(code));
  }

  private computeFold(code: number): number {
    const h = this.homophones.get(code);
    if (h !== undefined) return h;
    const v = base(code);
    if (v >= FIRST_CHAR) {
      const h2 = this.homophones.get(v);
      return h2 ?? v;
    }
    return v;
  }

  /** Splits a lower-case letter run into declared pinyin syllables; null when it does not split fully. */
  segmentPinyin(run: string): string[] | null {
    if (this.maxSyllable === 0 || run.length < 2) return null;
    const n = run.length;
    // best[i] = syllable lengths of a full split of run[i..]; shortest split count wins.
    const next = new Int32Array(n + 1).fill(-1);
    const count = new Int32Array(n + 1).fill(1 << 30);
    count[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      for (let len = Math.min(this.maxSyllable, n - i); len >= 1; len--) {
        if (count[i + len] + 1 < count[i] && this.syllables.has(run.slice(i, i + len))) {
          count[i] = count[i + len] + 1;
          next[i] = len;
        }
      }
    }
    if (next[0] < 0) return null;
    const parts: string[] = [];
    for (let i = 0; i < n; i += next[i]) parts.push(run.slice(i, i + next[i]));
    return parts;
  }

  syllable(s: string): string | undefined {
    return this.syllables.get(s);
  }
}

const plainTable = new NormalizerTable();

/** Normalises `text`; `table` carries the loaded packs' homophones and pinyin. */
export function normalize(text: string, variants?: Variants): Normalized {
  return normalizeWith(variants ? new NormalizerTable(variants) : plainTable, text);
}

/**
 * Output buffers of a normalisation; the slow paths write through `emit`. A checker keeps one and
 * passes it to normalizeWith, so checking a chat message allocates no buffers.
 */
export class Out {
  out: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  brk: Uint8Array;
  n = 0;
  /** strongest break seen since the last output char */
  pending = 0;
  /** fold of the previous output char, for the digit rules */
  prevKept = -1;
  /** original offset of a separator dropped since the last output char, or -1 */
  dropped = -1;

  constructor(public cap: number) {
    this.out = new Uint16Array(cap);
    this.start = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.brk = new Uint8Array(cap);
  }

  reset(len: number): this {
    this.n = 0;
    this.pending = 0;
    this.prevKept = -1;
    this.dropped = -1;
    this.grow(len + 16);
    return this;
  }

  grow(extra: number): void {
    if (this.n + extra <= this.cap) return;
    const cap = Math.max(this.cap * 2, this.n + extra + 16);
    const o = new Uint16Array(cap); o.set(this.out); this.out = o;
    const s = new Int32Array(cap); s.set(this.start); this.start = s;
    const e = new Int32Array(cap); e.set(this.end); this.end = e;
    const b = new Uint8Array(cap); b.set(this.brk); this.brk = b;
    this.cap = cap;
  }

  emit(code: number, from: number, to: number): void {
    // Two numbers separated only by spaces stay two numbers (1 299 is not 1299): a space barrier
    // that no literal contains keeps them apart.
    if (this.dropped >= 0 && isDigit(this.prevKept) && isDigit(code)) {
      const at = this.dropped;
      this.dropped = -1;
      this.emit(0x20, at, at + 1);
    }
    this.dropped = -1;
    this.grow(1);
    const n = this.n;
    this.out[n] = code;
    this.start[n] = from;
    this.end[n] = to;
    this.brk[n] = this.pending;
    this.pending = 0;
    this.prevKept = code;
    this.n = n + 1;
  }
}

/**
 * Normalises `text`. With `scratch`, the returned arrays are views into it, valid until the next
 * call with the same scratch; without, they are fresh.
 */
export function normalizeWith(table: NormalizerTable, text: string, scratch?: Out): Normalized {
  const len = text.length;
  const o = scratch ? scratch.reset(len) : new Out(len + 16);
  const cache = table.cache;
  let i = 0;
  while (i < len) {
    // Hot loop: plain characters with a cached fold, written with locals only (no closures, no
    // property writes per char). Anything else drops to the slow path below for one step.
    if (o.dropped < 0) {
      const out = o.out;
      const start = o.start;
      const end = o.end;
      const brk = o.brk;
      const cap = o.cap;
      const n0 = o.n;
      let n = n0;
      let pending = o.pending;
      while (i < len && n < cap) {
        const f = cache[text.charCodeAt(i)];
        if (f < FIRST_CHAR) break;
        out[n] = f;
        start[n] = i;
        end[n] = i + 1;
        brk[n] = pending;
        pending = 0;
        n++;
        i++;
      }
      if (n > n0) o.prevKept = out[n - 1];
      o.n = n;
      o.pending = pending;
      if (i >= len) break;
    }
    i = slowStep(table, text, i, o);
  }
  return {
    text: decode(o.out, o.n),
    start: o.start.subarray(0, o.n),
    end: o.end.subarray(0, o.n),
    brk: o.brk.subarray(0, o.n),
  };
}

/** Handles the character at `i` that the hot loop could not; returns the next index. */
function slowStep(table: NormalizerTable, text: string, i: number, o: Out): number {
  const len = text.length;
  const code = text.charCodeAt(i);
  const f = table.fold(code);
  if (f >= FIRST_CHAR) {
    o.emit(f, i, i + 1);
    return i + 1;
  }
  if (f === DROP) {
    // A '.' between digits is part of a number (9.9元), not a separator.
    if ((code === 0x2e || code === 0xff0e) && isDigit(o.prevKept) && i + 1 < len && isDigit(table.fold(text.charCodeAt(i + 1)))) {
      o.emit(0x2e, i, i + 1);
    } else o.dropped = i;
    return i + 1;
  }
  if (f === DROP_COMMA || f === DROP_STOP) {
    if (code === 0x2c && isDigit(o.prevKept) && i + 1 < len && isDigit(table.fold(text.charCodeAt(i + 1)))) {
      return i + 1; // thousands separator: 1,299 -> 1299
    }
    o.pending = Math.max(o.pending, f === DROP_STOP ? BREAK_SENTENCE : BREAK_CLAUSE);
    return i + 1;
  }
  // Letters (pinyin runs), surrogate pairs, NFKC expansions.
  if (isLetterFold(table, code)) {
    let j = i;
    let run = '';
    while (j < len && isLetterFold(table, text.charCodeAt(j))) {
      run += String.fromCharCode(letterOf(text.charCodeAt(j)));
      j++;
    }
    const parts = table.segmentPinyin(run);
    if (parts) {
      let k = i;
      for (const p of parts) {
        o.emit(table.syllable(p)!.charCodeAt(0), k, k + p.length);
        k += p.length;
      }
    } else {
      for (let k = i; k < j; k++) o.emit(run.charCodeAt(k - i), k, k + 1);
    }
    return j;
  }
  const cp = text.codePointAt(i)!;
  const width = cp > 0xffff ? 2 : 1;
  const piece = String.fromCodePoint(cp);
  const nf = piece.normalize('NFKC').toLowerCase();
  if (nf.length === 0 || /\p{Extended_Pictographic}/u.test(piece)) return i + width;
  // Expansions (㎏ -> kg) keep their letters and digits; astral CJK (Ext. B+) stays as is.
  for (let k = 0; k < nf.length; k++) {
    const c = nf.charCodeAt(k);
    const g = table.fold(c);
    if (g >= FIRST_CHAR) o.emit(g, i, i + width);
    else if (g === SLOW) o.emit(c, i, i + width);
  }
  return i + width;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** True for code units that fold to a Latin letter (a-z after NFKC and case folding). */
function isLetterFold(table: NormalizerTable, code: number): boolean {
  return table.fold(code) === SLOW && letterOf(code) !== 0;
}

function letterOf(code: number): number {
  base(code); // fills latinOf for this code unit
  return latinOf[code];
}

// TextDecoder exists in every place the engine runs (Node, workers, pages) but is typed by the DOM
// lib, which the engine's tsconfig leaves out on purpose; declare just what is used.
declare const TextDecoder: { new (label: string): { decode(input: Uint16Array): string } };
const utf16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;

function decode(buf: Uint16Array, n: number): string {
  // One memcpy-like decode instead of String.fromCharCode over chunks (measured 5-10x faster on
  // 200k chars). A lone surrogate decodes to U+FFFD, one unit for one unit: offsets stay right and
  // no literal contains U+FFFD; the length check guards the assumption.
  const view = buf.subarray(0, n);
  if (utf16 && n > 64) {
    const s = utf16.decode(view);
    if (s.length === n) return s;
  }
  let s = '';
  for (let i = 0; i < n; i += 8192) {
    s += String.fromCharCode.apply(null, view.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  }
  return s;
}

/** Normalises a rule literal (term, exception, allow phrase) the same way texts are normalised. */
export function normalizeLiteral(table: NormalizerTable, literal: string): string {
  // Compiling folds every term and every pattern character: one shared scratch buffer instead of
  // four typed arrays per literal (the allocations dominated compile time).
  return normalizeWith(table, literal, (literalScratch ??= new Out(64))).text;
}
let literalScratch: Out | undefined;
