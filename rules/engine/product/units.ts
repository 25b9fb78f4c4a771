import { readNumberAt, type NumberToken } from './cn-number.ts';

// Units a host says, in normalised spelling (lower-case Latin, simplified Chinese), each with its
// factor to a base unit: grams, millilitres, months. Longest spelling first so 千克 wins over 克
// and ml over l.

export type Dimension = 'mass' | 'volume' | 'duration';

interface UnitDef {
  spell: string;
  dim: Dimension;
  factor: number;
}

const UNITS: UnitDef[] = [
  { spell: '千克', dim: 'mass', factor: 1000 },
  { spell: '公斤', dim: 'mass', factor: 1000 },
  { spell: '毫克', dim: 'mass', factor: 0.001 },
  { spell: 'kg', dim: 'mass', factor: 1000 },
  { spell: 'mg', dim: 'mass', factor: 0.001 },
  { spell: '克', dim: 'mass', factor: 1 },
  { spell: 'g', dim: 'mass', factor: 1 },
  { spell: '斤', dim: 'mass', factor: 500 },
  { spell: '毫升', dim: 'volume', factor: 1 },
  { spell: 'ml', dim: 'volume', factor: 1 },
  { spell: '升', dim: 'volume', factor: 1000 },
  { spell: 'l', dim: 'volume', factor: 1000 },
  { spell: '个月', dim: 'duration', factor: 1 },
  { spell: '月', dim: 'duration', factor: 1 },
  { spell: '年', dim: 'duration', factor: 12 },
  { spell: '周', dim: 'duration', factor: 7 / 30 },
  { spell: '星期', dim: 'duration', factor: 7 / 30 },
  { spell: '天', dim: 'duration', factor: 1 / 30 },
  { spell: '日', dim: 'duration', factor: 1 / 30 },
];

const BY_SPELL = new Map(UNITS.map((u) => [u.spell, u]));
const isAsciiLetter = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

/** The unit spelled `unit` (as written in a product record: g, 克, 公斤, ml, 个月...), or undefined. */
export function unitOf(unit: string | undefined): UnitDef | undefined {
  if (!unit) return undefined;
  const u = unit.trim().toLowerCase().normalize('NFKC');
  return BY_SPELL.get(u) ?? BY_SPELL.get(ALIASES[u] ?? '');
}
const ALIASES: Record<string, string> = { 毫升: '毫升', 克重: '克', gram: 'g', grams: 'g', litre: 'l', liter: 'l', month: '个月', months: '个月', year: '年', years: '年', day: '天', days: '天', 千克: '千克' };

/** Converts to the base unit of its dimension (g, ml, months). */
export function toBase(value: number, unit: string): { dim: Dimension; base: number } | undefined {
  const u = unitOf(unit);
  return u ? { dim: u.dim, base: value * u.factor } : undefined;
}

/** Reads a unit at `i` in normalised text, restricted to `dims`. */
export function readUnitAt(text: string, i: number, dims: readonly Dimension[]): { def: UnitDef; end: number; half: boolean } | null {
  // 一个半月 = 1.5 months: the 半 sits inside the unit.
  if (text.startsWith('个半月', i) && dims.includes('duration')) return { def: BY_SPELL.get('个月')!, end: i + 3, half: true };
  for (const u of UNITS) {
    if (!dims.includes(u.dim) || !text.startsWith(u.spell, i)) continue;
    const end = i + u.spell.length;
    if (isAsciiLetter(u.spell[0]) && isAsciiLetter(text[end])) continue; // 5l in 5lb, g in 5gb
    const half = text[end] === '半';
    return { def: u, end: half ? end + 1 : end, half };
  }
  return null;
}

export interface Quantity {
  value: number;
  unit: string;
  dim: Dimension;
  /** In g, ml or months. */
  base: number;
  start: number;
  end: number;
  number: NumberToken;
}

/** A number followed by a unit of `dims` at `i` (500克, 一斤半, 两年, 一个半月), or null. */
export function readQuantityAt(text: string, i: number, dims: readonly Dimension[]): Quantity | null {
  const n = readNumberAt(text, i);
  if (!n) return null;
  const u = readUnitAt(text, n.end, dims);
  if (!u) return null;
  const value = n.value + (u.half ? 0.5 : 0);
  return { value, unit: u.def.spell, dim: u.def.dim, base: value * u.def.factor, start: n.start, end: u.end, number: n };
}

/** Every quantity of `dims` in the text, left to right, not overlapping. */
export function findQuantities(text: string, dims: readonly Dimension[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < text.length; i++) {
    const q = readQuantityAt(text, i, dims);
    if (q) {
      out.push(q);
      i = q.end - 1;
    }
  }
  return out;
}

/** Relative closeness used for "the same amount": rounding by hosts (12个月 vs 一年 = 360 vs 365 days) passes. */
export function sameAmount(a: number, b: number, tolerance = 0.02): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** Display of a base amount in the unit a host would use. */
export function formatBase(dim: Dimension, base: number): string {
  const r = (x: number) => String(Math.round(x * 100) / 100);
  if (dim === 'mass') return base >= 1000 ? `${r(base / 1000)}kg` : `${r(base)}g`;
  if (dim === 'volume') return base >= 1000 ? `${r(base / 1000)}L` : `${r(base)}ml`;
  return base >= 12 && Number.isInteger(base / 12) ? `${base / 12}年` : base < 1 ? `${Math.round(base * 30)}天` : `${r(base)}个月`;
}
