import type { ChatItem } from './types.ts';

// Pure helpers for reading comments out of console responses. Response shapes drift like class
// names do, so each adapter names the keys it knows and the walker finds the objects that carry
// them wherever they sit in the tree, instead of hard-coding one path.

/** JSON, or JSONP (`mtopjsonp3({...})`), or JSON behind an anti-hijacking prefix. */
export function parseJsonLoose(body: string): unknown {
  let s = body.trim();
  s = s.replace(/^(?:\)\]\}',?|for\s*\(;;\);|while\s*\(1\);)\s*/, '');
  if (s[0] !== '{' && s[0] !== '[') {
    const m = /^[\w$.]+\s*\(([\s\S]*)\)\s*;?\s*$/.exec(s);
    if (!m) return undefined;
    s = m[1];
  }
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export interface CommentKeys {
  /** Keys (or dotted paths) holding the message text, in order of preference. */
  text: readonly string[];
  author: readonly string[];
  time?: readonly string[];
  /** A message object must also have one of these (to tell comments from, say, product cards). */
  requireAny?: readonly string[];
}

function get(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function firstString(obj: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = get(obj, k);
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

function toMs(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  return n < 1e12 ? n * 1000 : n; // consoles send seconds or milliseconds
}

/** Every object under `root` (depth-limited) that has a text key; author may be empty. */
export function findComments(root: unknown, keys: CommentKeys, limit = 1000): ChatItem[] {
  const out: ChatItem[] = [];
  const visit = (node: unknown, depth: number) => {
    if (out.length >= limit || depth > 10 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    const text = firstString(obj, keys.text);
    const eligible = !keys.requireAny || keys.requireAny.some((k) => get(obj, k) !== undefined);
    if (text && eligible) {
      const author = firstString(obj, keys.author) ?? '';
      let at: number | undefined;
      for (const k of keys.time ?? []) if ((at = toMs(get(obj, k))) !== undefined) break;
      out.push(at === undefined ? { author, text } : { author, text, at });
      return;
    }
    for (const v of Object.values(obj)) visit(v, depth + 1);
  };
  visit(root, 0);
  return out;
}

/** Parses a body as (loose) JSON and finds comments; an unreadable body yields nothing. */
export function commentsFromBody(body: string, keys: CommentKeys): ChatItem[] {
  const data = parseJsonLoose(body);
  return data === undefined ? [] : findComments(data, keys);
}
