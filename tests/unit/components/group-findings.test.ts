import { describe, expect, it } from 'vitest';
import { criticalFinding, groupFindings } from '../../../components/group-findings.ts';
import { finding } from './fixtures.ts';

describe('groupFindings', () => {
  it('collapses repeats of one rule and orders groups by their newest occurrence', () => {
    const a1 = finding({ rule: 'r/a', seenAt: 10, sentence: '第一句全网最低价' });
    const b1 = finding({ rule: 'r/b', seenAt: 20, sentence: '第二句最好的' });
    const a2 = finding({ rule: 'r/a', seenAt: 30, sentence: '第三句全网最低价' });
    const groups = groupFindings([a1, b1, a2]);
    expect(groups.map((g) => [g.rule, g.all.length])).toEqual([
      ['r/a', 2],
      ['r/b', 1],
    ]);
    expect(groups[0]!.latest).toBe(a2);
    expect(groups[0]!.all).toEqual([a2, a1]);
  });

  it('merges two laws broken by one sentence into one card that lists both, the rule leading the model', () => {
    const sentence = '这款面霜能治疗湿疹';
    const cure = finding({ rule: 'r/cure', category: 'medical-claim', severity: 'error', sentence, hlStart: 4, hlEnd: 9, seenAt: 50 });
    const cosmetic = finding({ rule: 'r/cos', category: 'cosmetic-claim', severity: 'error', sentence, hlStart: 5, hlEnd: 9, seenAt: 50 });
    const model = finding({ rule: 'model.efficacy-guarantee', category: 'efficacy-guarantee', severity: 'error', sentence, hlStart: 0, hlEnd: 9, seenAt: 50 });
    const sameCategory = finding({ rule: 'r/cure2', category: 'medical-claim', severity: 'warning', sentence, hlStart: 6, hlEnd: 9, seenAt: 50 });
    const elsewhere = finding({ rule: 'r/cos', category: 'cosmetic-claim', sentence: '另一句美白祛斑', block: 'b2', seenAt: 40 });
    const groups = groupFindings([model, cosmetic, cure, sameCategory, elsewhere]);
    expect(groups).toHaveLength(2);
    const [first, second] = groups;
    expect(first!.latest).toBe(cure);
    expect(first!.also.map((f) => f.category)).toEqual(['cosmetic-claim', 'efficacy-guarantee']);
    expect(new Set(first!.keys)).toEqual(new Set([cure.key, cosmetic.key, model.key, sameCategory.key]));
    // A second rule of the same category is not listed again, but its words are still marked.
    expect(first!.spans).toContainEqual([6, 9]);
    // The other sentence led by the cosmetics rule is its own card, not a repeat of the first.
    expect(second!.latest).toBe(elsewhere);
    expect(second!.all).toEqual([elsewhere]);
    expect(second!.also).toEqual([]);
  });

  it('keeps a viewer chat error out of the banner', () => {
    const chat = finding({ severity: 'error', source: 'chat', seenAt: 99 });
    const host = finding({ severity: 'error', source: 'captions', seenAt: 1 });
    expect(criticalFinding([chat, host], new Set())).toBe(host);
    expect(criticalFinding([chat], new Set())).toBeUndefined();
  });

  it('returns nothing for no findings', () => {
    expect(groupFindings([])).toEqual([]);
  });
});

describe('criticalFinding', () => {
  it('picks the newest error that was not dismissed, never a warning', () => {
    const oldErr = finding({ severity: 'error', seenAt: 1 });
    const newErr = finding({ severity: 'error', seenAt: 5 });
    const warn = finding({ severity: 'warning', seenAt: 9 });
    expect(criticalFinding([oldErr, newErr, warn], new Set())).toBe(newErr);
    expect(criticalFinding([oldErr, newErr, warn], new Set([newErr.key]))).toBe(oldErr);
    expect(criticalFinding([warn], new Set())).toBeUndefined();
  });
});
