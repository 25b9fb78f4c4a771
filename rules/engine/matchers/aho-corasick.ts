// One pass over the normalised text finds every literal of every loaded rule (terms, proximity
// phrases, pattern prefilters, exceptions, allow phrases). Built once per compile; matching
// allocates nothing but the hit buffer.
//
// Layout, chosen for speed on CJK text with tens of thousands of terms:
// - a code-unit -> class table (Uint16Array(65536)); class 0 means "in no literal", which resets
//   to the root without any lookup (most characters of ordinary speech);
// - root transitions in a flat array indexed by class (the hottest lookups);
// - all other transitions in one open-addressing hash keyed by (state, class);
// - failure links plus a "dictionary link" to the next accepting state, so reporting visits only
//   accepting states.

export interface AhoCorasickData {
  classOf: Uint16Array;
  rootNext: Int32Array;
  hKey: Int32Array;
  hCls: Uint16Array;
  hVal: Int32Array;
  fail: Int32Array;
  /** pattern id + 1 for accepting states, else 0 */
  accept: Int32Array;
  /** next accepting state on the failure chain, 0 for none */
  dict: Int32Array;
  /** length of each pattern, by id */
  lengths: Int32Array;
}

const ROOT = 0;

function hashSlot(state: number, cls: number, mask: number): number {
  return ((Math.imul(state, 0x9e3779b1) ^ Math.imul(cls, 0x85ebca6b)) >>> 0) & mask;
}

export function buildAhoCorasick(patterns: readonly string[]): AhoCorasickData {
  const classOf = new Uint16Array(65536);
  let classes = 0;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (classOf[c] === 0) {
        if (classes === 65534) throw new Error('too many distinct characters in rules');
        classOf[c] = ++classes;
      }
    }
  }

  // Trie with children as linked lists while building.
  let cap = 1024;
  let firstChild = new Int32Array(cap);
  let nextSibling = new Int32Array(cap);
  let edgeCls = new Uint16Array(cap);
  let accept = new Int32Array(cap);
  let nodes = 1;
  const edges = new Map<number, number>();
  const lengths = new Int32Array(patterns.length);

  for (let id = 0; id < patterns.length; id++) {
    const p = patterns[id];
    lengths[id] = p.length;
    if (p.length === 0) continue;
    let s = ROOT;
    for (let i = 0; i < p.length; i++) {
      const cls = classOf[p.charCodeAt(i)];
      const key = s * 65536 + cls;
      let t = edges.get(key);
      if (t === undefined) {
        if (nodes === cap) {
          cap *= 2;
          const fc = new Int32Array(cap); fc.set(firstChild); firstChild = fc;
          const ns = new Int32Array(cap); ns.set(nextSibling); nextSibling = ns;
          const ec = new Uint16Array(cap); ec.set(edgeCls); edgeCls = ec;
          const ac = new Int32Array(cap); ac.set(accept); accept = ac;
        }
        t = nodes++;
        edges.set(key, t);
        edgeCls[t] = cls;
        nextSibling[t] = firstChild[s];
        firstChild[s] = t;
      }
      s = t;
    }
    if (accept[s] === 0) accept[s] = id + 1; // duplicates share the first id; callers dedupe literals
  }

  const rootNext = new Int32Array(classes + 1);
  let size = 1;
  while (size < edges.size * 2 + 2) size <<= 1;
  const mask = size - 1;
  const hKey = new Int32Array(size).fill(-1);
  const hCls = new Uint16Array(size);
  const hVal = new Int32Array(size);
  for (let s = 0; s < nodes; s++) {
    for (let t = firstChild[s]; t !== 0; t = nextSibling[t]) {
      const cls = edgeCls[t];
      if (s === ROOT) {
        rootNext[cls] = t;
        continue;
      }
      let h = hashSlot(s, cls, mask);
      while (hKey[h] !== -1) h = (h + 1) & mask;
      hKey[h] = s;
      hCls[h] = cls;
      hVal[h] = t;
    }
  }

  const fail = new Int32Array(nodes);
  const dict = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  let head = 0;
  let tail = 0;
  for (let t = firstChild[ROOT]; t !== 0; t = nextSibling[t]) queue[tail++] = t;
  const data: AhoCorasickData = {
    classOf,
    rootNext,
    hKey,
    hCls,
    hVal,
    fail,
    accept: accept.slice(0, nodes),
    dict,
    lengths,
  };
  while (head < tail) {
    const s = queue[head++];
    for (let t = firstChild[s]; t !== 0; t = nextSibling[t]) {
      queue[tail++] = t;
      const cls = edgeCls[t];
      let f = fail[s];
      let target = 0;
      for (;;) {
        target = step(data, f, cls);
        if (target !== 0 || f === ROOT) break;
        f = fail[f];
      }
      fail[t] = target === t ? ROOT : target;
      const ft = fail[t];
      dict[t] = data.accept[ft] !== 0 ? ft : dict[ft];
    }
  }
  return data;
}

/** Goto function only: 0 when there is no edge (the root has no failure). */
function step(d: AhoCorasickData, state: number, cls: number): number {
  if (state === ROOT) return d.rootNext[cls];
  const mask = d.hKey.length - 1;
  let h = hashSlot(state, cls, mask);
  const hKey = d.hKey;
  for (;;) {
    const k = hKey[h];
    if (k === -1) return 0;
    if (k === state && d.hCls[h] === cls) return d.hVal[h];
    h = (h + 1) & mask;
  }
}

/** Growable buffer of (pattern id, end offset) pairs: no allocation per hit. */
export class HitBuffer {
  ids = new Int32Array(256);
  ends = new Int32Array(256);
  length = 0;
  push(id: number, end: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2); ids.set(this.ids); this.ids = ids;
      const ends = new Int32Array(this.length * 2); ends.set(this.ends); this.ends = ends;
    }
    this.ids[this.length] = id;
    this.ends[this.length] = end;
    this.length++;
  }
  clear(): void {
    this.length = 0;
  }
}

/** Reports every occurrence (overlapping ones too) of every pattern in `text`. */
export function scan(d: AhoCorasickData, text: string, hits: HitBuffer): void {
  const classOf = d.classOf;
  const rootNext = d.rootNext;
  const fail = d.fail;
  const accept = d.accept;
  const dict = d.dict;
  let state = ROOT;
  for (let i = 0; i < text.length; i++) {
    const cls = classOf[text.charCodeAt(i)];
    if (cls === 0) {
      state = ROOT;
      continue;
    }
    for (;;) {
      const t = state === ROOT ? rootNext[cls] : step(d, state, cls);
      if (t !== 0) {
        state = t;
        break;
      }
      if (state === ROOT) break;
      state = fail[state];
    }
    if (state === ROOT) continue;
    let s = accept[state] !== 0 ? state : dict[state];
    while (s !== 0) {
      hits.push(accept[s] - 1, i + 1);
      s = dict[s];
    }
  }
}

/** Bare count of matches: the benchmark's "matching only" figure. */
export function countMatches(d: AhoCorasickData, text: string): number {
  const hits = new HitBuffer();
  scan(d, text, hits);
  return hits.length;
}
