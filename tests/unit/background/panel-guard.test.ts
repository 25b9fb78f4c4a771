import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBackgroundMessage } from '../../../rules/protocol/panel-guard.ts';
import { backgroundToPanelSchema } from '../../../rules/protocol/panel.ts';
import { FINDING_CATEGORIES, PRODUCT_CATEGORIES, SEVERITIES, TEXT_SOURCES } from '../../../rules/engine/taxonomy.ts';

// The panel's zod-free guard must accept exactly what the zod contract accepts.

const finding = fc.record(
  {
    key: fc.string(),
    rule: fc.string(),
    category: fc.constantFrom(...FINDING_CATEGORIES),
    severity: fc.constantFrom(...SEVERITIES),
    message: fc.record({ zh: fc.string(), en: fc.string() }),
    basis: fc.string(),
    suggestions: fc.array(fc.string(), { maxLength: 3 }),
    match: fc.string(),
    block: fc.string(),
    source: fc.constantFrom(...TEXT_SOURCES),
    author: fc.string(),
    sentence: fc.string(),
    hlStart: fc.nat(),
    hlEnd: fc.nat(),
    seenAt: fc.double({ noNaN: true, noDefaultInfinity: true }),
  },
  { requiredKeys: ['key', 'rule', 'category', 'severity', 'message', 'basis', 'suggestions', 'match', 'block', 'source', 'sentence', 'hlStart', 'hlEnd', 'seenAt'] },
);

const snapshot = fc.record(
  {
    type: fc.constant('snapshot' as const),
    tabId: fc.option(fc.integer(), { nil: null }),
    site: fc.string(),
    url: fc.string(),
    productName: fc.string(),
    productCategory: fc.option(fc.constantFrom(...PRODUCT_CATEGORIES), { nil: null }),
    findings: fc.array(finding, { maxLength: 4 }),
    count: fc.nat(),
    dropped: fc.nat(),
    engine: fc.record({ ready: fc.boolean(), error: fc.string(), compileMs: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { requiredKeys: ['ready'] }),
  },
  { requiredKeys: ['type', 'tabId', 'productCategory', 'findings', 'count', 'dropped', 'engine'] },
);

/** Breaks one thing: a field removed, retyped or set out of range, at the top or in a finding. */
const broken = fc
  .tuple(snapshot, fc.nat(), fc.constantFrom<unknown>(undefined, null, -1, 1.5, 'x', true, [], {}, 'not-a-category'))
  .map(([s, n, bad]) => {
    const copy = structuredClone(s) as Record<string, unknown>;
    const findings = copy.findings as Record<string, unknown>[];
    const target = findings.length && n % 2 ? findings[n % findings.length]! : copy;
    const keys = Object.keys(target);
    target[keys[n % keys.length]!] = bad;
    return copy;
  });

describe('parseBackgroundMessage', () => {
  it('accepts every message the zod contract accepts', () => {
    fc.assert(fc.property(snapshot, (s) => parseBackgroundMessage(s) !== null && backgroundToPanelSchema.safeParse(s).success));
  });

  it('agrees with the zod contract on damaged messages', () => {
    fc.assert(
      fc.property(broken, (s) => (parseBackgroundMessage(s) !== null) === backgroundToPanelSchema.safeParse(s).success),
      { numRuns: 500 },
    );
  });

  it('refuses non-objects and unknown types', () => {
    for (const x of [null, 1, 'snapshot', [], { type: 'other' }]) expect(parseBackgroundMessage(x)).toBeNull();
  });
});
