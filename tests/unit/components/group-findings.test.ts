import { describe, expect, it } from 'vitest';
import { criticalFinding, groupFindings } from '../../../components/group-findings.ts';
import { finding } from './fixtures.ts';

describe('groupFindings', () => {
  it('collapses repeats of one rule and orders groups by their newest occurrence', () => {
    const a1 = finding({ rule: 'r/a', seenAt: 10 });
    const b1 = finding({ rule: 'r/b', seenAt: 20 });
    const a2 = finding({ rule: 'r/a', seenAt: 30 });
    const groups = groupFindings([a1, b1, a2]);
    expect(groups.map((g) => [g.rule, g.all.length])).toEqual([
      ['r/a', 2],
      ['r/b', 1],
    ]);
    expect(groups[0]!.latest).toBe(a2);
    expect(groups[0]!.all).toEqual([a2, a1]);
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
