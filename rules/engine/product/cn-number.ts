// Hosts say numbers in words as often as in digits (两千九百九, 一百二, 三折, 两年), and ASR writes
// them either way, so every product check reads both. Colloquial forms drop the last unit:
// 一百二 is 120, 两千九百九 is 2990, 一万二 is 12000; a 零 keeps the digit literal (一千零五 = 1005).

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

export const CN_NUMERAL_CHARS = new Set([...Object.keys(DIGITS), ...Object.keys(SMALL_UNITS), ...Object.keys(BIG_UNITS)]);

export function isCnNumeral(ch: string | undefined): boolean {
  return ch !== undefined && CN_NUMERAL_CHARS.has(ch);
}

export function cnDigit(ch: string | undefined): number | undefined {
  return ch === undefined ? undefined : DIGITS[ch];
}

/** Integer part in Chinese numerals; null when the run is not a well-formed number. */
export function parseCnInteger(s: string): number | null {
  if (s.length === 0) return null;
  // A plain digit string (二零二六, 九九) is positional. 两 and 俩 never stand in one: 一两 is a
  // weight (50 g), 两三 is "two or three".
  if ([...s].every((c) => c in DIGITS)) {
    if (s.length > 1 && (s.includes('两') || s.includes('俩'))) return null;
    if (s.length > 1 && s.length > 4) return null;
    let v = 0;
    for (const c of s) v = v * 10 + DIGITS[c];
    return v;
  }
  let total = 0; // everything above the current 万/亿 section
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 0;
  let zero = false;
  for (const c of s) {
    if (c in DIGITS) {
      if (digit !== null) return null; // 二三十 is not a number
      digit = DIGITS[c];
      if (digit === 0) { zero = true; digit = null; }
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small) {
      if (digit === null && small !== 10) return null; // 百 alone is not said
      if (lastUnit && small >= lastUnit && section > 0) return null; // 三百五百
      section += (digit ?? 1) * small;
      lastUnit = small;
      digit = null;
      zero = false;
      continue;
    }
    const big = BIG_UNITS[c];
    if (big) {
      section += digit ?? 0;
      if (section === 0 && total === 0) return null;
      total = (total + section) * big;
      section = 0;
      digit = null;
      lastUnit = big;
      zero = false;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // 一百二 = 120: a trailing digit right after a unit (no 零) counts a tenth of that unit.
    section += lastUnit >= 100 && !zero ? (digit * lastUnit) / 10 : digit;
  }
  return total + section;
}

/** Parses 三点五, 两千九百九, 九十九, 12, 2.5 and mixed 1万 / 2.5万; null when not a number. */
export function parseNumber(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([万亿])?$/.exec(s);
  if (m) return Number(m[1]) * (m[2] ? BIG_UNITS[m[2]] : 1);
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const int = parseCnInteger(s.slice(0, dot));
    const frac = s.slice(dot + 1);
    if (int === null || frac.length === 0 || ![...frac].every((c) => c in DIGITS)) return null;
    return Number(`${int}.${[...frac].map((c) => DIGITS[c]).join('')}`);
  }
  return parseCnInteger(s);
}

export interface NumberToken {
  value: number;
  start: number;
  end: number;
  /** True when written in Chinese numerals (一百二), which colloquially drop units. */
  chinese: boolean;
}

/**
 * Reads the number starting at `i` in normalised text, or null. Stops before 千克 (五千克 is five
 * kilograms, not 5000 grams) and never starts inside another number.
 */
export function readNumberAt(text: string, i: number): NumberToken | null {
  const prev = text[i - 1];
  const c = text[i];
  if (c === undefined) return null;
  if (c >= '0' && c <= '9') {
    if (prev !== undefined && ((prev >= '0' && prev <= '9') || prev === '.')) return null;
    let j = i;
    while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
    if (text[j] === '.' && text[j + 1] >= '0' && text[j + 1] <= '9') {
      j++;
      while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
    }
    let value = Number(text.slice(i, j));
    if (text[j] === '万') { value *= 10_000; j++; }
    return { value, start: i, end: j, chinese: false };
  }
  if (c === '半') return { value: 0.5, start: i, end: i + 1, chinese: true };
  if (!isCnNumeral(c) || isCnNumeral(prev)) return null;
  let j = i;
  while (j < text.length) {
    const ch = text[j];
    if (ch === '千' && text[j + 1] === '克') break;
    if (ch === '点' && cnDigit(text[j + 1]) !== undefined && j > i) { j++; continue; }
    if (!isCnNumeral(ch)) break;
    j++;
  }
  // Shrink until the run parses: 十一月 is fine, 一二三四五 is not a number.
  for (let k = j; k > i; k--) {
    const v = parseNumber(text.slice(i, k));
    if (v !== null) return { value: v, start: i, end: k, chinese: true };
  }
  return null;
}
