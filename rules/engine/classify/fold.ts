import { T2S_FROM, T2S_TO } from '../data/t2s.ts';
import { englishWord, foldCantonese } from './dialect.ts';

// Chat needs a lighter fold than the checker's normalize(): the checker strips '?' and rewrites
// ASCII runs as pinyin, but here a trailing '?' marks a question and 'vx', 'yp', 'yyds' are the
// signal itself. So: NFKC (full width -> half width), lower case, traditional -> simplified, and
// a second copy with separators removed so 'v x' / '加 微 信' evasions still match.

let table: Uint16Array | undefined;

function t2sTable(): Uint16Array {
  if (table) return table;
  // 64K entries (128 KB) instead of a Map: one array read per character on the hot path.
  table = new Uint16Array(65536);
  for (let i = 0; i < T2S_FROM.length; i++) table[T2S_FROM.charCodeAt(i)] = T2S_TO.charCodeAt(i);
  return table;
}

export interface FoldedChat {
  /** Folded text with whitespace runs collapsed to one space; punctuation and emoji kept. */
  text: string;
  /** Letters, digits, '+' and '%' only: what an evasion like 'v x' or '加-微-信' collapses to. */
  compact: string;
  /** Number of pictographic emoji in the message. */
  emoji: number;
}

const EMOJI = /\p{Extended_Pictographic}/gu;
const LATIN_RUN = /[a-z]+/g;
// Pinyin initials viewers type for speed. Only whole letter runs are expanded, so 's m码' or
// 'bb霜' (BB cream) stay as they are; the list is short on purpose: each entry is unambiguous
// in shop chat.
const INITIALS: Record<string, string> = {
  sm: '什么',
  dsq: '多少钱',
  zb: '主播',
  kf: '客服',
  fh: '发货',
  kd: '快递',
  yp: '已拍',
  yxd: '已下单',
  yfx: '运费险',
  zfb: '支付宝',
  sf: '顺丰',
};

/** A whole run of initials, also when repeated (ypyp = 已拍已拍). */
function expandInitials(run: string): string {
  const hit = INITIALS[run] ?? englishWord(run);
  if (hit !== undefined) return hit;
  for (const n of [2, 3]) {
    if (run.length > n && run.length % n === 0) {
      const unit = INITIALS[run.slice(0, n)];
      if (unit !== undefined && run === run.slice(0, n).repeat(run.length / n)) return unit.repeat(run.length / n);
    }
  }
  return run;
}

const HAS_EMOJI = /\p{Extended_Pictographic}/u;
const HAS_LATIN = /[a-z]/;
const LETTER = /[\p{L}\p{N}]/u;

/** String from char codes without spreading a huge array onto the stack. */
function fromCodes(codes: number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

export function foldChat(raw: string): FoldedChat {
  // ASCII and CJK Unified Ideographs are NFKC-stable; most chat is only those, so skip the
  // Unicode normaliser (the costliest step) unless some other character is present.
  let needNfkc = false;
  let needLower = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) needLower = true;
    else if (c >= 0x80 && (c < 0x4e00 || c > 0x9fff)) {
      needNfkc = true;
      break;
    }
  }
  let s = needNfkc ? raw.normalize('NFKC').toLowerCase() : needLower ? raw.toLowerCase() : raw;

  const t = t2sTable();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (t[c] || c === 0x2795) {
      const codes = new Array<number>(s.length);
      for (let j = 0; j < s.length; j++) {
        const d = s.charCodeAt(j);
        // U+2795 HEAVY PLUS SIGN (➕) is how viewers write '加' next to 'v'; NFKC leaves it alone.
        codes[j] = d === 0x2795 ? 0x2b : t[d] || d;
      }
      s = fromCodes(codes);
      break;
    }
  }
  let text = foldCantonese(s.replace(/\s+/g, ' ').trim());
  if (HAS_LATIN.test(text)) text = text.replace(LATIN_RUN, expandInitials);
  const emoji = needNfkc && HAS_EMOJI.test(text) ? (text.match(EMOJI)?.length ?? 0) : 0;

  // Compact: letters, digits, + and %. The common cases are decided by code range; anything
  // else (other scripts, astral characters) asks the Unicode property regex.
  const kept: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x25) {
      kept.push(c);
    } else if (c >= 0x80) {
      const cp = text.codePointAt(i)!;
      const wide = cp > 0xffff;
      if (LETTER.test(String.fromCodePoint(cp))) {
        kept.push(c);
        if (wide) kept.push(text.charCodeAt(i + 1));
      }
      if (wide) i++;
    }
  }
  const compact = kept.length === text.length ? text : fromCodes(kept);
  return { text, compact, emoji };
}
