import { normalize } from '../normalize.ts';
import { canonicalMaterial, readMaterialAt } from './materials.ts';
import { parseNumber } from './cn-number.ts';
import { findQuantities, toBase, type Dimension } from './units.ts';
import type { Fact, Product } from './schema.ts';

// Facts are free attribute/value/unit rows a manager types in any wording; this file reads the
// ones the checks compare against (composition, net content, origin, shelf life) by attribute alias.

export type FactKind = 'composition' | 'content' | 'origin' | 'shelf-life' | 'size' | 'color' | 'flavor' | 'ingredients' | 'certification' | 'other';

const KIND_ALIASES: Array<[FactKind, string[]]> = [
  ['composition', ['composition', 'fabric', 'material', '成分', '面料', '面料成分', '材质', '纤维含量', '材料', '里料', '主面料']],
  ['content', ['content', 'net content', 'weight', 'volume', 'net weight', '净含量', '净重', '重量', '容量', '规格', '克重', '分量']],
  ['origin', ['origin', 'made in', '产地', '原产地', '产区', '生产地']],
  ['shelf-life', ['shelf life', 'shelf-life', 'shelflife', '保质期', '有效期', '保存期']],
  ['size', ['size', 'sizes', '尺码', '尺寸', '码数']],
  ['color', ['color', 'colour', 'colors', '颜色', '色号', '配色']],
  ['flavor', ['flavor', 'flavour', '口味', '味道']],
  ['ingredients', ['ingredients', '配料', '配料表', '原料', '全成分']],
  ['certification', ['certification', 'certificate', '认证', '证书', '检测报告', '专利']],
];

const ORIGIN_WORDS = /产地|原产|产区|产国|生产地|country of origin/;

export function factKind(attribute: string): FactKind {
  const a = attribute.trim().toLowerCase();
  for (const [kind, names] of KIND_ALIASES) if (names.includes(a)) return kind;
  // Managers qualify the attribute (原料产地, 原料油原产国, 茶叶产区): still where it comes from.
  if (ORIGIN_WORDS.test(a)) return 'origin';
  return 'other';
}

export function factsOf(product: Product, kind: FactKind): Fact[] {
  return product.facts.filter((f) => factKind(f.attribute) === kind);
}

/** How a fact reads in a message: 95%棉 5%氨纶, 450g, 12个月. */
export function showFact(f: Fact): string {
  return f.unit ? `${f.value}${f.unit}` : f.value;
}

export interface CompositionPart {
  material: string;
  percent: number;
}

/**
 * Fibre percentages from composition facts. Reads "95%棉 5%氨纶", "棉95%，氨纶5%", and one fact per
 * fibre (attribute 棉, value 95, unit %).
 */
export function compositionOf(product: Product): { parts: CompositionPart[]; display: string } | null {
  const parts: CompositionPart[] = [];
  const shown: string[] = [];
  for (const f of product.facts) {
    const kind = factKind(f.attribute);
    if (kind === 'composition') {
      const t = normalize(f.value).text.replace(/百分之/g, '');
      for (const m of t.matchAll(/(\d+(?:\.\d+)?)%(?:的)?([^\d%.]+)|([^\d%.]+?)(\d+(?:\.\d+)?)%/g)) {
        const percent = Number(m[1] ?? m[4]);
        const word = (m[2] ?? m[3]).replace(/^(纯|全|含)/, '');
        const hit = readMaterialAt(word, 0);
        parts.push({ material: hit && hit.end === word.length ? hit.material : canonicalMaterial(word), percent });
      }
      shown.push(f.value);
    } else if (f.unit?.trim() === '%' && readMaterialAt(normalize(f.attribute).text, 0)) {
      const percent = Number(f.value);
      if (Number.isFinite(percent)) {
        parts.push({ material: canonicalMaterial(normalize(f.attribute).text), percent });
        shown.push(`${f.value}%${f.attribute}`);
      }
    }
  }
  return parts.length ? { parts, display: shown.join(' ') } : null;
}

/** Net contents (weight or volume) recorded, in base units; a product with several sizes lists each. */
export function contentsOf(product: Product): Array<{ dim: Dimension; base: number; display: string }> {
  const out: Array<{ dim: Dimension; base: number; display: string }> = [];
  for (const f of factsOf(product, 'content')) {
    if (f.unit) {
      const n = parseNumber(f.value.trim());
      const b = n === null ? undefined : toBase(n, f.unit);
      if (b && b.dim !== 'duration') out.push({ dim: b.dim, base: b.base, display: showFact(f) });
      continue;
    }
    // "450g", "500ml/瓶", "1.5kg x 2": every quantity in the value.
    for (const q of findQuantities(normalize(f.value).text, ['mass', 'volume'])) out.push({ dim: q.dim, base: q.base, display: showFact(f) });
  }
  return out;
}

/** Shelf lives recorded, in months. */
export function shelfLivesOf(product: Product): Array<{ months: number; display: string }> {
  const out: Array<{ months: number; display: string }> = [];
  for (const f of factsOf(product, 'shelf-life')) {
    if (f.unit) {
      const n = parseNumber(f.value.trim());
      const b = n === null ? undefined : toBase(n, f.unit);
      if (b?.dim === 'duration') out.push({ months: b.base, display: showFact(f) });
      continue;
    }
    for (const q of findQuantities(normalize(f.value).text, ['duration'])) out.push({ months: q.base, display: showFact(f) });
  }
  return out;
}

/** Recorded origins, normalised for comparison. */
export function originsOf(product: Product): Array<{ place: string; display: string }> {
  return factsOf(product, 'origin').map((f) => ({ place: normalize(f.value).text, display: f.value }));
}

/** Options a viewer picks from (颜色 黑色/白色, 尺码 S/M/L): split on / 、 , ， ; and spaces. */
export function optionsOf(product: Product, kind: FactKind): string[] {
  return factsOf(product, kind).flatMap((f) => f.value.split(/[\/、,，;；|\s]+/).map((s) => s.trim()).filter(Boolean));
}
