// One pass over the normalised text finds every literal of every loaded rule (terms, proximity
// phrases, pattern prefilters, exceptions, allow phrases). Built once per compile; matching
// allocates nothing but the hit buffer.
//
// Layout, chosen for speed on CJK text with tens of thousands of terms:
// - a code-unit -> class table (Uint16Array(65536)); class 0 means "in no literal", which resets
//   to the root without any lookup (most characters of ordinary speech);
// - transitions in a double array (base/check, as in Darts and most CJK dictionary matchers):
//   the child of state s on class c is t = base[s] + c when check[t] === s; two array reads,
//   no hashing, no per-state objects;
// - failure links plus a "dictionary link" to the next accepting state, so reporting visits only
//   accepting states.

export interface AhoCorasickData {
  classOf: Uint16Array;
  base: Int32Array;
  check: Int32Array;
  fail: Int32Array;
  /** pattern id + 1 for accepting states, else 0 */
  accept: Int32Array;
  /** next accepting state on the failure chain, 0 for none */
  dict: Int32Array;
  /** length of each pattern, by id */
  lengths: Int32Array;
}

const ROOT = 0;

interface Trie {
  firstChild: Int32Array;
  nextSibling: Int32Array;
  edgeCls: Uint16Array;
  accept: Int32Array;
  nodes: number;
}

function buildTrie(patterns: readonly string[], classOf: Uint16Array): Trie {
  let cap = 1024;
  let firstChild = new Int32Array(cap);
  let nextSibling = new Int32Array(cap);
  let edgeCls = new Uint16Array(cap);
  let accept = new Int32Array(cap);
  let nodes = 1;
  // The root's children by class in a flat array; deeper nodes have few children, found by walking
  // their sibling list. (A Map keyed by state*65536+class made heap-number keys and most of the
  // build time went to garbage collection.)
  const rootChild = new Int32Array(65536);
  for (let id = 0; id < patterns.length; id++) {
    const p = patterns[id];
    if (p.length === 0) continue;
    let s = ROOT;
    for (let i = 0; i < p.length; i++) {
      const cls = classOf[p.charCodeAt(i)];
      let t: number | undefined;
      if (s === ROOT) t = rootChild[cls] || undefined;
      else for (let c = firstChild[s]; c !== 0; c = nextSibling[c]) if (edgeCls[c] === cls) { t = c; break; }
      if (t === undefined) {
        if (nodes === cap) {
          cap *= 2;
          const fc = new Int32Array(cap); fc.set(firstChild); firstChild = fc;
          const ns = new Int32Array(cap); ns.set(nextSibling); nextSibling = ns;
          const ec = new Uint16Array(cap); ec.set(edgeCls); edgeCls = ec;
          const ac = new Int32Array(cap); ac.set(accept); accept = ac;
        }
        t = nodes++;
        if (s === ROOT) rootChild[cls] = t;
        edgeCls[t] = cls;
        nextSibling[t] = firstChild[s];
        firstChild[s] = t;
      }
      s = t;
    }
    if (accept[s] === 0) accept[s] = id + 1; // duplicates share the first id; callers dedupe literals
  }
  return { firstChild, nextSibling, edgeCls, accept, nodes };
}

/** Places trie nodes into a double array; returns slot per node plus base/check. */
function placeDoubleArray(trie: Trie, classes: number) {
  const { firstChild, nextSibling, edgeCls, nodes } = trie;
  let size = Math.max(1024, nodes * 2 + classes + 2);
  let check = new Int32Array(size).fill(-1);
  let base = new Int32Array(size);
  // nextFree[i]: a free slot >= i (path-compressed), so placement skips dense regions quickly.
  let nextFree = new Int32Array(size);
  for (let i = 0; i < size; i++) nextFree[i] = i;
  const slotOf = new Int32Array(nodes);
  const ensure = (need: number) => {
    if (need < size) return;
    const n = Math.max(size * 2, need + classes + 2);
    const c = new Int32Array(n).fill(-1); c.set(check); check = c;
    const b = new Int32Array(n); b.set(base); base = b;
    const f = new Int32Array(n);
    f.set(nextFree);
    for (let i = size; i < n; i++) f[i] = i;
    nextFree = f;
    size = n;
  };
  const findFree = (i: number): number => {
    ensure(i + 1);
    let r = i;
    while (nextFree[r] !== r) {
      r = nextFree[r];
      ensure(r + 1);
    }
    // path compression
    let j = i;
    while (nextFree[j] !== r) {
      const k = nextFree[j];
      nextFree[j] = r;
      j = k;
    }
    return r;
  };
  const occupy = (slot: number) => {
    nextFree[slot] = slot + 1;
    ensure(slot + 2);
  };

  check[ROOT] = -2; // the root's slot is taken by nobody's child
  occupy(ROOT);
  slotOf[ROOT] = ROOT;
  const queue = new Int32Array(nodes);
  let head = 0;
  let tail = 0;
  queue[tail++] = ROOT;
  const kids: number[] = [];
  let searchFrom = 1;
  const lastFit = [0, 0, 0, 0, 0];
  while (head < tail) {
    const node = queue[head++];
    kids.length = 0;
    for (let t = firstChild[node]; t !== 0; t = nextSibling[t]) kids.push(t);
    if (kids.length === 0) continue;
    kids.sort((x, y) => edgeCls[x] - edgeCls[y]);
    const c0 = edgeCls[kids[0]];
    // Nodes with many children rarely fit into the holes left behind, so each size class resumes
    // where its previous node fitted instead of rescanning every hole (that rescan made placement
    // quadratic: 50k terms took seconds).
    const bucket = Math.min(4, 31 - Math.clz32(kids.length));
    let p = findFree(Math.max(searchFrom, lastFit[bucket], c0 + 1));
    for (;;) {
      const b = p - c0;
      let ok = true;
      for (let k = 1; k < kids.length; k++) {
        const slot = b + edgeCls[kids[k]];
        ensure(slot + 1);
        if (check[slot] !== -1) { ok = false; break; }
      }
      if (ok) {
        const s = slotOf[node];
        base[s] = b;
        lastFit[bucket] = p;
        for (const kid of kids) {
          const slot = b + edgeCls[kid];
          check[slot] = s;
          occupy(slot);
          slotOf[kid] = slot;
          queue[tail++] = kid;
        }
        break;
      }
      p = findFree(p + 1);
    }
    // Dense low region: start later searches past it (a common double-array heuristic).
    if (kids.length === 1) searchFrom = Math.max(searchFrom, findFree(searchFrom));
  }
  let used = 0;
  for (let i = 0; i < size; i++) if (check[i] !== -1) used = i + 1;
  const limit = used + classes + 1; // base + any class must stay inside `check`
  return { slotOf, base: base.slice(0, limit), check: check.slice(0, limit), slots: limit };
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
  const trie = buildTrie(patterns, classOf);
  const { slotOf, base, check, slots } = placeDoubleArray(trie, classes);
  const lengths = new Int32Array(patterns.length);
  for (let id = 0; id < patterns.length; id++) lengths[id] = patterns[id].length;
  const accept = new Int32Array(slots);
  for (let node = 0; node < trie.nodes; node++) accept[slotOf[node]] = trie.accept[node];

  // Failure and dictionary links in BFS order over slots.
  const fail = new Int32Array(slots);
  const dict = new Int32Array(slots);
  const { firstChild, nextSibling, edgeCls } = trie;
  const queue = new Int32Array(trie.nodes);
  let head = 0;
  let tail = 0;
  for (let t = firstChild[ROOT]; t !== 0; t = nextSibling[t]) queue[tail++] = t;
  while (head < tail) {
    const node = queue[head++];
    const s = slotOf[node];
    for (let t = firstChild[node]; t !== 0; t = nextSibling[t]) {
      queue[tail++] = t;
      const cls = edgeCls[t];
      const ts = slotOf[t];
      let f = fail[s];
      let target = 0;
      for (;;) {
        const g = base[f] + cls;
        if (g < check.length && check[g] === f && g !== ts) { target = g; break; }
        if (f === ROOT) break;
        f = fail[f];
      }
      fail[ts] = target;
      dict[ts] = accept[target] !== 0 ? target : dict[target];
    }
  }
  return { classOf, base, check, fail, accept, dict, lengths };
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
  const { classOf, base, check, fail, accept, dict } = d;
  let state = ROOT;
  for (let i = 0; i < text.length; i++) {
    const cls = classOf[text.charCodeAt(i)];
    if (cls === 0) {
      state = ROOT;
      continue;
    }
    for (;;) {
      const t = base[state] + cls;
      if (check[t] === state) {
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

/**
 * Bare count of matches: the benchmark's "matching only" figure. The loop repeats scan() on purpose:
 * counting without buffering hits measures the automaton alone, as the peers' count() calls do.
 */
export function countMatches(d: AhoCorasickData, text: string): number {
  const { classOf, base, check, fail, accept, dict } = d;
  let state = ROOT;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = classOf[text.charCodeAt(i)];
    if (cls === 0) {
      state = ROOT;
      continue;
    }
    for (;;) {
      const t = base[state] + cls;
      if (check[t] === state) {
        state = t;
        break;
      }
      if (state === ROOT) break;
      state = fail[state];
    }
    for (let s = accept[state] !== 0 ? state : dict[state]; s !== 0; s = dict[s]) count++;
  }
  return count;
}
