// A restricted pattern language for pack authors, matched in linear time.
//
// Packs can be imported from anywhere, so a pack's pattern must never be able to hang the checker
// (catastrophic backtracking in RegExp). Patterns compile to a Thompson NFA simulated Pike-VM style:
// time is O(text x states), whatever the pattern. Syntax (a subset of regular expressions):
//   literal characters, `.`, `[abc]` `[^abc]` `[a-z]`, `(x|y)`, `?` `*` `+` `{n}` `{m,n}` (n <= 20),
//   `\d` digit, `\N` number character (digits and Chinese numerals), `\H` CJK character,
//   `\w` ASCII letter or digit, `@name` (or `@{name}`) any word of a vocabulary, `\` escapes a
//   special character (`\@` a literal @).
// Every pattern must contain a literal that every match includes: it goes into the one
// Aho-Corasick pass as a prefilter, and the NFA only runs in a window around its hits. A vocabulary
// can be that literal: every match of `@disease.{0,6}(好了|消失)` contains one of its words.

export const MAX_MATCH_LENGTH = 60;
const MAX_BOUNDED_REPEAT = 20;
// Vocabularies of hundreds of words become a trie inside the pattern; the bound still keeps one
// pattern's per-character work small.
const MAX_STATES = 20_000;

type CharTest = (c: number) => boolean;

type Node =
  | { t: 'char'; test: CharTest; lit: string | null; chars: string | null }
  | { t: 'cat'; parts: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'vocab'; name: string; words: string[]; node: Node };

/** Looks up a vocabulary's words (unfolded) by name; undefined for an unknown name. */
export type VocabularyLookup = (name: string) => readonly string[] | undefined;

export class PatternError extends Error {}

const NUMBER_CHARS = new Set('0123456789零〇一二两三四五六七八九十百千万亿点.'.split('').map((c) => c.charCodeAt(0)));
const isDigit: CharTest = (c) => c >= 0x30 && c <= 0x39;
const isNumber: CharTest = (c) => NUMBER_CHARS.has(c);
const isHan: CharTest = (c) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isWord: CharTest = (c) => isDigit(c) || (c >= 0x61 && c <= 0x7a);
const ESCAPE_CLASSES: Record<string, { test: CharTest; chars: string | null }> = {
  d: { test: isDigit, chars: null },
  N: { test: isNumber, chars: null },
  H: { test: isHan, chars: null },
  w: { test: isWord, chars: null },
};
const SPECIAL = new Set('.[]()|?*+{}\\@'.split(''));
const VOCAB_NAME = /^(?:\{([a-z0-9]+(?:-[a-z0-9]+)*)\}|([a-z0-9]+(?:-[a-z0-9]+)*))/;

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly fold: (s: string) => string,
    private readonly vocab?: VocabularyLookup,
  ) {}

  parse(): Node {
    const node = this.alt();
    if (this.i < this.src.length) throw new PatternError(`unexpected '${this.src[this.i]}' at ${this.i}`);
    return node;
  }

  private alt(): Node {
    const options = [this.cat()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.cat());
    }
    return options.length === 1 ? options[0] : { t: 'alt', options };
  }

  private cat(): Node {
    const parts: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      parts.push(this.repeat(this.atom()));
    }
    return parts.length === 1 ? parts[0] : { t: 'cat', parts };
  }

  private repeat(node: Node): Node {
    for (;;) {
      const c = this.src[this.i];
      if (c === '?') { this.i++; node = { t: 'rep', node, min: 0, max: 1 }; }
      else if (c === '*') { this.i++; node = { t: 'rep', node, min: 0, max: Infinity }; }
      else if (c === '+') { this.i++; node = { t: 'rep', node, min: 1, max: Infinity }; }
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
        if (!m) throw new PatternError(`bad repeat at ${this.i}`);
        this.i += m[0].length;
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (min > MAX_BOUNDED_REPEAT || (max !== Infinity && max > MAX_BOUNDED_REPEAT) || max < min) {
          throw new PatternError(`repeat {${m[1]}${m[2] ?? ''}} out of range (0..${MAX_BOUNDED_REPEAT})`);
        }
        node = { t: 'rep', node, min, max };
      } else return node;
    }
  }

  private atom(): Node {
    const c = this.src[this.i];
    if (c === '(') {
      this.i++;
      const node = this.alt();
      if (this.src[this.i] !== ')') throw new PatternError(`missing ')' for group`);
      this.i++;
      return node;
    }
    if (c === '[') return this.set();
    if (c === '@') return this.vocabulary();
    if (c === '.') { this.i++; return { t: 'char', test: () => true, lit: null, chars: null }; }
    if (c === '\\') {
      const e = this.src[this.i + 1];
      if (e === undefined) throw new PatternError('pattern ends with \\');
      this.i += 2;
      const cls = ESCAPE_CLASSES[e];
      if (cls) return { t: 'char', test: cls.test, lit: null, chars: cls.chars };
      return this.literal(e);
    }
    if (c === ')' || c === '?' || c === '*' || c === '+' || c === '{' || c === ']' || c === '}') {
      throw new PatternError(`unexpected '${c}' at ${this.i}`);
    }
    // Take one code point, then normalise it like text so authors may write 價 or Ｖ.
    const cp = String.fromCodePoint(this.src.codePointAt(this.i)!);
    this.i += cp.length;
    return this.literal(cp);
  }

  private vocabulary(): Node {
    const m = VOCAB_NAME.exec(this.src.slice(this.i + 1));
    if (!m) throw new PatternError(`'@' at ${this.i} must name a vocabulary (@name or @{name}); write \\@ for a literal @`);
    const name = m[1] ?? m[2];
    const raw = this.vocab?.(name);
    if (!raw) throw new PatternError(`unknown vocabulary @${name}`);
    this.i += 1 + m[0].length;
    const words = [...new Set(raw.map((w) => this.fold(w)).filter((w) => w.length > 0))];
    if (!words.length) throw new PatternError(`vocabulary @${name} has no words`);
    return { t: 'vocab', name, words, node: trie(words) };
  }

  private literal(raw: string): Node {
    const folded = this.fold(raw);
    if (folded.length === 0) return { t: 'cat', parts: [] };
    const parts: Node[] = [...folded].map((ch) => {
      const code = ch.charCodeAt(0);
      return { t: 'char', test: (x: number) => x === code, lit: ch, chars: ch } as Node;
    });
    return parts.length === 1 ? parts[0] : { t: 'cat', parts };
  }

  private set(): Node {
    this.i++; // [
    let negate = false;
    if (this.src[this.i] === '^') { negate = true; this.i++; }
    const singles = new Set<number>();
    const ranges: Array<[number, number]> = [];
    const classes: CharTest[] = [];
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let ch = this.src[this.i];
      if (ch === '\\') {
        const e = this.src[this.i + 1];
        this.i += 2;
        if (e === undefined) throw new PatternError('bad escape in set');
        if (ESCAPE_CLASSES[e]) { classes.push(ESCAPE_CLASSES[e].test); continue; }
        ch = e;
      } else this.i++;
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== undefined && this.src[this.i + 1] !== ']') {
        const hi = this.src[this.i + 1];
        this.i += 2;
        ranges.push([ch.charCodeAt(0), hi.charCodeAt(0)]);
        continue;
      }
      for (const f of this.fold(ch)) singles.add(f.charCodeAt(0));
    }
    if (this.src[this.i] !== ']') throw new PatternError(`missing ']'`);
    this.i++;
    const inSet: CharTest = (x) => singles.has(x) || ranges.some(([lo, hi]) => x >= lo && x <= hi) || classes.some((t) => t(x));
    const chars = !negate && ranges.length === 0 && classes.length === 0 ? String.fromCharCode(...singles) : null;
    return { t: 'char', test: negate ? (x) => !inSet(x) : inSet, lit: null, chars };
  }
}

/**
 * The words as a prefix tree of nodes, so the NFA shares common prefixes (高血压, 高血脂, 高血糖)
 * and a thread starting at a position touches one branch per distinct first character.
 */
function trie(words: readonly string[]): Node {
  const groups = new Map<number, string[]>();
  let optional = false;
  for (const w of words) {
    if (w.length === 0) { optional = true; continue; }
    const code = w.charCodeAt(0);
    const g = groups.get(code);
    if (g) g.push(w.slice(1));
    else groups.set(code, [w.slice(1)]);
  }
  const options: Node[] = [];
  for (const [code, rests] of groups) {
    const ch = String.fromCharCode(code);
    const head: Node = { t: 'char', test: (x: number) => x === code, lit: ch, chars: ch };
    options.push(rests.every((r) => r.length === 0) ? head : { t: 'cat', parts: [head, trie(rests)] });
  }
  const node: Node = options.length === 1 ? options[0] : { t: 'alt', options };
  return optional ? { t: 'rep', node, min: 0, max: 1 } : node;
}

// ---- required literals (prefilter) -------------------------------------------------------------

const EXACT_LIMIT = 24;

/** The finite set of strings a node matches, when small; null otherwise. */
function exact(node: Node): string[] | null {
  switch (node.t) {
    case 'char':
      return node.chars !== null && node.chars.length <= 8 ? [...node.chars] : null;
    case 'cat': {
      let acc = [''];
      for (const p of node.parts) {
        const e = exact(p);
        if (!e) return null;
        acc = cross(acc, e);
        if (!acc.length) return null;
      }
      return acc;
    }
    case 'alt': {
      const all: string[] = [];
      for (const o of node.options) {
        const e = exact(o);
        if (!e) return null;
        all.push(...e);
      }
      return all.length <= EXACT_LIMIT ? [...new Set(all)] : null;
    }
    case 'vocab':
      return node.words.length <= EXACT_LIMIT ? node.words : null;
    case 'rep': {
      if (node.max === Infinity || node.max > 4) return null;
      const e = exact(node.node);
      if (!e) return null;
      let acc = node.min === 0 ? [''] : [];
      let cur = [''];
      for (let k = 1; k <= node.max; k++) {
        cur = cross(cur, e);
        if (!cur.length) return null;
        if (k >= node.min) acc.push(...cur);
      }
      acc = [...new Set(acc)];
      return acc.length <= EXACT_LIMIT ? acc : null;
    }
  }
}

function cross(a: string[], b: string[]): string[] {
  if (a.length * b.length > EXACT_LIMIT) return [];
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

/** Longer shortest literal first, then fewer literals (a vocabulary of hundreds still beats none). */
function score(set: string[] | null): number {
  if (!set || set.length === 0) return -1;
  let min = Infinity;
  for (const s of set) if (s.length < min) min = s.length;
  if (min === 0) return -1;
  return min * 100_000 - Math.min(set.length, 99_999);
}

/** A set of literals such that every match contains one of them; null when none exists. */
function required(node: Node): string[] | null {
  const e = exact(node);
  if (score(e) >= 0) return e;
  switch (node.t) {
    case 'char':
      return null;
    case 'vocab':
      return node.words;
    case 'alt': {
      const all: string[] = [];
      for (const o of node.options) {
        const r = required(o);
        if (!r) return null;
        all.push(...r);
      }
      return [...new Set(all)];
    }
    case 'rep':
      return node.min >= 1 ? required(node.node) : null;
    case 'cat': {
      let best: string[] | null = null;
      // Runs of exact parts concatenate into longer literals; other parts offer their own.
      let run: string[] | null = [''];
      const consider = (set: string[] | null) => {
        if (score(set) > score(best)) best = set;
      };
      for (const p of node.parts) {
        const pe = exact(p);
        if (pe && run) {
          const next = cross(run, pe);
          if (next.length) { run = next; continue; }
        }
        consider(run);
        run = pe ? pe : [''];
        if (!pe) { consider(required(p)); run = ['']; }
      }
      consider(run);
      return best;
    }
  }
}

// ---- NFA ---------------------------------------------------------------------------------------

const SPLIT = -1;
const MATCH = -2;

interface Nfa {
  /** per state: CharTest for char states, SPLIT or MATCH markers in kind */
  kind: Int32Array; // >= 0: index into tests; SPLIT; MATCH
  out1: Int32Array;
  out2: Int32Array;
  tests: CharTest[];
  start: number;
  /** Characters a match can begin with; null when a class like \N or . can begin it. */
  first: Set<number> | null;
}

class NfaBuilder {
  kind: number[] = [];
  out1: number[] = [];
  out2: number[] = [];
  tests: CharTest[] = [];
  chars: Array<string | null> = [];

  state(kind: number, o1 = -1, o2 = -1): number {
    if (this.kind.length >= MAX_STATES) throw new PatternError(`pattern too large (over ${MAX_STATES} states)`);
    this.kind.push(kind);
    this.out1.push(o1);
    this.out2.push(o2);
    return this.kind.length - 1;
  }

  /** Compiles `node` so that it continues to `next`; returns its entry state. */
  emit(node: Node, next: number): number {
    switch (node.t) {
      case 'char':
        this.tests.push(node.test);
        this.chars.push(node.chars);
        return this.state(this.tests.length - 1, next);
      case 'cat': {
        let s = next;
        for (let k = node.parts.length - 1; k >= 0; k--) s = this.emit(node.parts[k], s);
        return s;
      }
      case 'alt': {
        let s = this.emit(node.options[node.options.length - 1], next);
        for (let k = node.options.length - 2; k >= 0; k--) s = this.state(SPLIT, this.emit(node.options[k], next), s);
        return s;
      }
      case 'vocab':
        return this.emit(node.node, next);
      case 'rep': {
        let s = next;
        if (node.max === Infinity) {
          const loop = this.state(SPLIT, -1, next);
          const body = this.emit(node.node, loop);
          this.out1[loop] = body;
          s = loop;
        } else {
          // x{m,n} = m copies, then n-m nested optional copies, each of which may exit to `next`.
          for (let k = node.max; k > node.min; k--) s = this.state(SPLIT, this.emit(node.node, s), next);
        }
        for (let k = 0; k < node.min; k++) s = this.emit(node.node, s);
        return s;
      }
    }
  }
}

export interface CompiledPattern {
  source: string;
  nfa: Nfa;
  prefilter: string[];
  /** Reused per call: the checker is synchronous, so one set of buffers per pattern suffices. */
  scratch?: Scratch;
}

interface Scratch {
  cur: Int32Array;
  curStart: Int32Array;
  nxt: Int32Array;
  nxtStart: Int32Array;
  mark: Int32Array;
  stack: Int32Array;
  gen: number;
}

/** The characters that can begin a match: the char states in the start state's closure. */
function firstChars(b: NfaBuilder, start: number): Set<number> | null {
  const seen = new Set<number>();
  const todo = [start];
  const first = new Set<number>();
  while (todo.length) {
    const s = todo.pop()!;
    if (s < 0 || seen.has(s)) continue;
    seen.add(s);
    const k = b.kind[s];
    if (k === SPLIT) { todo.push(b.out1[s], b.out2[s]); continue; }
    if (k === MATCH) return null;
    const chars = b.chars[k];
    if (chars === null) return null;
    for (let i = 0; i < chars.length; i++) first.add(chars.charCodeAt(i));
  }
  return first;
}

export function compilePattern(source: string, fold: (s: string) => string, vocab?: VocabularyLookup): CompiledPattern {
  const ast = new Parser(source, fold, vocab).parse();
  const pre = required(ast);
  if (!pre || pre.length === 0 || pre.some((s) => s.length === 0)) {
    throw new PatternError('needs a literal that every match contains (e.g. 原价\\N+, not \\N+.*)');
  }
  const b = new NfaBuilder();
  const match = b.state(MATCH);
  const start = b.emit(ast, match);
  return {
    source,
    prefilter: pre,
    nfa: {
      kind: Int32Array.from(b.kind),
      out1: Int32Array.from(b.out1),
      out2: Int32Array.from(b.out2),
      tests: b.tests,
      start,
      first: firstChars(b, start),
    },
  };
}

/** Adds state s0 and its epsilon closure to `list` (once per generation); returns the new length. */
function addThread(
  nfa: Nfa, mark: Int32Array, stack: Int32Array, gen: number,
  list: Int32Array, starts: Int32Array, len: number, s0: number, st: number,
): number {
  const { kind, out1, out2 } = nfa;
  let sp = 0;
  stack[sp++] = s0;
  while (sp > 0) {
    const s = stack[--sp];
    if (s < 0 || mark[s] === gen) continue;
    mark[s] = gen;
    if (kind[s] === SPLIT) {
      stack[sp++] = out2[s];
      stack[sp++] = out1[s];
      continue;
    }
    list[len] = s;
    starts[len] = st;
    len++;
  }
  return len;
}

/**
 * Leftmost-longest, non-overlapping matches of `p` in text[from, to). Linear: each position
 * advances a set of at most |states| threads, each keeping the earliest start that reached it.
 */
export function matchPattern(p: CompiledPattern, text: string, from: number, to: number, out: Array<[number, number]>): void {
  const { kind, out1, tests, start, first } = p.nfa;
  const n = kind.length;
  let sc = p.scratch;
  if (!sc) {
    sc = p.scratch = {
      cur: new Int32Array(n), curStart: new Int32Array(n), nxt: new Int32Array(n), nxtStart: new Int32Array(n),
      mark: new Int32Array(n).fill(-1), stack: new Int32Array(n * 2 + 4), gen: 0,
    };
  }
  if (sc.gen > 1 << 30) { sc.mark.fill(-1); sc.gen = 0; }
  let { cur, curStart, nxt, nxtStart } = sc;
  const { mark, stack } = sc;
  let gen = sc.gen;
  let curLen = 0;
  let nxtLen = 0;
  const found: Array<[number, number]> = [];

  const nfa = p.nfa;
  gen++;
  for (let pos = from; ; pos++) {
    // A new thread may start here (unanchored search), with the lowest priority; positions whose
    // character cannot begin a match are skipped without touching the NFA.
    if (pos < to && (first === null || first.has(text.charCodeAt(pos)))) curLen = addThread(nfa, mark, stack, gen, cur, curStart, curLen, start, pos);
    for (let k = 0; k < curLen; k++) if (kind[cur[k]] === MATCH && pos > curStart[k]) found.push([curStart[k], pos]);
    if (pos >= to) break;
    gen++;
    if (curLen === 0) continue;
    const c = text.charCodeAt(pos);
    nxtLen = 0;
    for (let k = 0; k < curLen; k++) {
      const s = cur[k];
      const kd = kind[s];
      if (kd >= 0 && pos + 1 - curStart[k] <= MAX_MATCH_LENGTH && tests[kd](c)) {
        nxtLen = addThread(nfa, mark, stack, gen, nxt, nxtStart, nxtLen, out1[s], curStart[k]);
      }
    }
    const t1 = cur; cur = nxt; nxt = t1;
    const t2 = curStart; curStart = nxtStart; nxtStart = t2;
    curLen = nxtLen;
  }
  sc.gen = gen;
  sc.cur = cur; sc.curStart = curStart; sc.nxt = nxt; sc.nxtStart = nxtStart;
  if (!found.length) return;
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let lastEnd = -1;
  for (const m of found) {
    if (m[0] >= lastEnd) {
      out.push(m);
      lastEnd = m[1];
    }
  }
}
