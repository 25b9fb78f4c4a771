import { compileData, parsePacks, type CompileOptions, type RuleMeta } from './compile.ts';
import { Checker } from './check.ts';
import type { Example, Pack, PackInput } from './schema.ts';

// Examples live inside the rule (LanguageTool's <example>, textlint's RuleTester): a must-flag text
// with the exact span marked [[...]] and a lawful look-alike that must pass. `livelint verify`
// and the test suite both run this one function.

export interface ExampleFailure {
  rule: string;
  kind: 'flag' | 'pass';
  text: string;
  reason: string;
}

export interface MarkedText {
  text: string;
  spans: Array<[number, number]>;
}

/** Strips [[...]] marks and returns the spans they covered, as UTF-16 offsets into the clean text. */
export function parseMarks(marked: string): MarkedText {
  const spans: Array<[number, number]> = [];
  let text = '';
  let i = 0;
  while (i < marked.length) {
    const open = marked.indexOf('[[', i);
    if (open < 0) { text += marked.slice(i); break; }
    const close = marked.indexOf(']]', open + 2);
    if (close < 0) throw new Error(`unclosed [[ in example "${marked}"`);
    text += marked.slice(i, open);
    const s = text.length;
    text += marked.slice(open + 2, close);
    spans.push([s, text.length]);
    i = close + 2;
  }
  return { text, spans };
}

function exampleParts(ex: Example, rule: RuleMeta) {
  const o = typeof ex === 'string' ? { text: ex } : ex;
  return {
    raw: o.text,
    product: ('product' in o ? o.product : undefined) ?? rule.products?.[0],
    source: ('source' in o ? o.source : undefined) ?? rule.sources?.[0] ?? 'script',
  };
}

/** Runs every rule's examples against the packs compiled together (shared variants and allow lists). */
export function verifyPacks(input: readonly (PackInput | Pack)[], options: Pick<CompileOptions, 'vocabularies'> = {}): ExampleFailure[] {
  const packs = parsePacks(input);
  const checker = new Checker(compileData(packs, options));
  const failures: ExampleFailure[] = [];
  let ri = 0;
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const meta = checker.rules[ri++];
      for (const ex of rule.examples.flag) {
        const { raw, product, source } = exampleParts(ex, meta);
        let marked: MarkedText;
        try { marked = parseMarks(raw); } catch (e) { failures.push({ rule: meta.id, kind: 'flag', text: raw, reason: (e as Error).message }); continue; }
        if (marked.spans.length === 0) {
          failures.push({ rule: meta.id, kind: 'flag', text: raw, reason: 'mark the expected span with [[...]]' });
          continue;
        }
        const got = checker
          .check([{ id: 'example', text: marked.text, source }], { productCategory: product, keepDuplicates: true })
          .filter((f) => f.rule === meta.id)
          .map((f) => [f.start, f.end] as [number, number]);
        for (const [s, e] of marked.spans) {
          if (!got.some(([gs, ge]) => gs === s && ge === e)) {
            const seen = got.map(([gs, ge]) => `[${marked.text.slice(gs, ge)}]`).join(' ') || 'nothing';
            failures.push({ rule: meta.id, kind: 'flag', text: raw, reason: `expected [${marked.text.slice(s, e)}], found ${seen}` });
          }
        }
      }
      for (const ex of rule.examples.pass) {
        const { raw, product, source } = exampleParts(ex, meta);
        const got = checker.check([{ id: 'example', text: raw, source }], { productCategory: product, keepDuplicates: true }).filter((f) => f.rule === meta.id);
        if (got.length) failures.push({ rule: meta.id, kind: 'pass', text: raw, reason: `flagged [${got.map((f) => f.match).join('] [')}]` });
      }
    }
  }
  return failures;
}
