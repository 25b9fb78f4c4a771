import { FINDING_CATEGORIES, PRODUCT_CATEGORIES, SEVERITIES, TEXT_SOURCES } from '../engine/taxonomy.ts';
import type { BackgroundToPanel } from './panel.ts';

// The side panel's check of what the background sends, without zod: loading zod in the panel cost a
// ~95 kB chunk and a long task before the first findings could show. The zod schema in
// panel.ts stays the contract; a unit test holds this guard to the same answers.

const categories = new Set<string>(FINDING_CATEGORIES);
const products = new Set<string>(PRODUCT_CATEGORIES);
const severities = new Set<string>(SEVERITIES);
const sources = new Set<string>(TEXT_SOURCES);

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown) => typeof x === 'string';
const optStr = (x: unknown) => x === undefined || typeof x === 'string';
const num = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const count = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;

function isFinding(f: unknown): boolean {
  if (!isRec(f)) return false;
  const m = f.message;
  return (
    str(f.key) &&
    str(f.rule) &&
    categories.has(f.category as string) &&
    severities.has(f.severity as string) &&
    isRec(m) &&
    str(m.zh) &&
    str(m.en) &&
    str(f.basis) &&
    Array.isArray(f.suggestions) &&
    f.suggestions.every(str) &&
    str(f.match) &&
    str(f.block) &&
    sources.has(f.source as string) &&
    optStr(f.author) &&
    str(f.sentence) &&
    count(f.hlStart) &&
    count(f.hlEnd) &&
    num(f.seenAt)
  );
}

/** The message if it is a well-formed background-to-panel message, otherwise null. */
export function parseBackgroundMessage(raw: unknown): BackgroundToPanel | null {
  if (!isRec(raw) || raw.type !== 'snapshot') return null;
  const e = raw.engine;
  const ok =
    (raw.tabId === null || Number.isInteger(raw.tabId)) &&
    optStr(raw.site) &&
    optStr(raw.url) &&
    optStr(raw.productName) &&
    (raw.productCategory === null || products.has(raw.productCategory as string)) &&
    Array.isArray(raw.findings) &&
    raw.findings.every(isFinding) &&
    count(raw.count) &&
    count(raw.dropped) &&
    isRec(e) &&
    typeof e.ready === 'boolean' &&
    optStr(e.error) &&
    (e.compileMs === undefined || num(e.compileMs));
  return ok ? (raw as unknown as BackgroundToPanel) : null;
}
