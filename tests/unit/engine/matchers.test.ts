import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAhoCorasick, HitBuffer, scan } from '../../../rules/engine/matchers/aho-corasick.ts';
import { compilePattern, matchPattern, PatternError } from '../../../rules/engine/matchers/pattern.ts';

const id = (s: string) => s;

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    if (patterns.indexOf(p) !== i) return; // duplicates report under the first id
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push(`${i}@${at + p.length}`);
  });
  return out.sort();
}

describe('Aho-Corasick', () => {
  it('finds exactly what a naive indexOf loop finds, overlaps included', () => {
    const alphabet = fc.constantFrom('最', '低', '价', '全', '网', 'a', 'b');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.string({ unit: alphabet, maxLength: 60 }),
        (patterns, text) => {
          const ac = buildAhoCorasick(patterns);
          const hits = new HitBuffer();
          scan(ac, text, hits);
          const got = Array.from({ length: hits.length }, (_, k) => `${hits.ids[k]}@${hits.ends[k]}`).sort();
          expect(got).toEqual(naive(patterns, text));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('pattern language', () => {
  const matches = (src: string, text: string) => {
    const p = compilePattern(src, id);
    const out: Array<[number, number]> = [];
    matchPattern(p, text, 0, text.length, out);
    return out.map(([s, e]) => text.slice(s, e));
  };

  it('supports classes, groups, bounded gaps and number characters', () => {
    expect(matches('(原价|吊牌价)\\N+.{0,4}只要\\N+', '吊牌价两千九今天只要一百九十九')).toEqual(['吊牌价两千九今天只要一百九十九']);
    expect(matches('[低便]价', '最低价和便价')).toEqual(['低价', '便价']);
    expect(matches('第[^一]章', '第一章第二章')).toEqual(['第二章']);
    expect(matches('卖了\\d+万', '已经卖了30万单')).toEqual(['卖了30万']);
  });

  it('agrees with RegExp on patterns both understand (leftmost-longest matches)', () => {
    const sources = ['a(b|c)+d', 'ab?c', 'x.{0,3}y', '(ab|a)c', 'a{2,3}b'];
    const alphabet = fc.constantFrom('a', 'b', 'c', 'd', 'x', 'y');
    for (const src of sources) {
      fc.assert(
        fc.property(fc.string({ unit: alphabet, maxLength: 30 }), (text) => {
          const re = new RegExp(src);
          const got = matches(src, text);
          // Every match we report is a full RegExp match of that substring.
          for (const m of got) expect(new RegExp(`^(?:${src})$`).test(m)).toBe(true);
          // And we find a match exactly when RegExp finds one.
          expect(got.length > 0).toBe(re.test(text));
        }),
        { numRuns: 200 },
      );
    }
  });

  it('runs in linear time on patterns that make backtracking engines explode', () => {
    const p = compilePattern('(a|aa)+(a|aa)+b', id);
    const text = 'a'.repeat(20_000);
    const out: Array<[number, number]> = [];
    matchPattern(p, text, 0, text.length, out); // RegExp needs exponential time here
    expect(out).toEqual([]);
  });

  it('refuses patterns without a required literal, unbounded repeats and bad syntax', () => {
    expect(() => compilePattern('.*', id)).toThrow(PatternError);
    expect(() => compilePattern('\\N+', id)).toThrow(/literal/);
    expect(() => compilePattern('a{1,99}', id)).toThrow(/out of range/);
    expect(() => compilePattern('(ab', id)).toThrow(/missing/);
    expect(() => compilePattern('[ab', id)).toThrow(/missing/);
  });
});
