import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { compareSessions, timeline, topChat, topRules, totals, type RecordedFinding } from '../../../components/report/analyze.ts';
import { sessionToCsv, sessionToJson } from '../../../components/report/export.ts';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const min = (m: number) => T0 + m * 60_000;
const f = (at: number, category: RecordedFinding['category'], extra: Partial<RecordedFinding> = {}): RecordedFinding => ({
  at, rule: `r/${category}`, category, severity: 'error', match: category, source: 'script', ...extra,
});

describe('timeline', () => {
  it('uses round bucket sizes and puts each finding in its minute', () => {
    const list = [f(min(0.5), 'absolute-term'), f(min(0.9), 'absolute-term'), f(min(3.2), 'false-price'), f(min(9.99), 'absolute-term')];
    const tl = timeline(list, T0, min(10));
    expect(tl.bucketMs).toBe(60_000);
    expect(tl.buckets).toHaveLength(10);
    expect(tl.buckets[0]).toEqual({ 'absolute-term': 2 });
    expect(tl.buckets[3]).toEqual({ 'false-price': 1 });
    expect(tl.buckets[9]).toEqual({ 'absolute-term': 1 });
    expect(tl.max).toBe(2);
    expect(tl.categories).toEqual(['absolute-term', 'false-price']);
  });
  it('just over two hours gets 15-minute bars, never more than 12', () => {
    const tl = timeline([], T0, min(121));
    expect(tl.bucketMs).toBe(15 * 60_000);
    expect(tl.buckets.length).toBeLessThanOrEqual(12);
  });
});

describe('summaries', () => {
  const list = [
    f(min(1), 'absolute-term'),
    f(min(2), 'absolute-term', { severity: 'warning' }),
    f(min(3), 'off-platform-deal', { source: 'chat', match: '加微信' }),
    f(min(4), 'off-platform-deal', { source: 'chat', match: '加微信' }),
    f(min(5), 'medical-claim', { source: 'chat', match: '能治湿疹吗' }),
  ];
  it('totals per severity and per minute', () => {
    const t = totals(list, T0, min(10));
    expect(t.bySeverity).toEqual({ error: 4, warning: 1, info: 0 });
    expect(t.perMinute).toBeCloseTo(0.5);
  });
  it('top chat items only come from chat, most frequent first; top host rules exclude chat', () => {
    expect(topChat(list).map((x) => [x.text, x.count])).toEqual([['加微信', 2], ['能治湿疹吗', 1]]);
    expect(topRules(list)).toEqual([{ rule: 'r/absolute-term', match: 'absolute-term', count: 2 }]);
    // One utterance flagged by two rules counts once; said again later, twice.
    const twice = [f(min(1), 'pressure-tactic', { match: '错过今天' }), f(min(1), 'false-price', { match: '错过今天' }), f(min(2), 'pressure-tactic', { match: '错过今天' })];
    expect(topRules(twice)).toEqual([{ rule: 'r/pressure-tactic', match: '错过今天', count: 2 }]);
  });
  it('compares two sessions per category', () => {
    expect(compareSessions(list, [f(min(1), 'absolute-term')])).toEqual([
      { category: 'absolute-term', a: 2, b: 1 },
      { category: 'medical-claim', a: 1, b: 0 },
      { category: 'off-platform-deal', a: 2, b: 0 },
    ]);
  });
});

describe('exports', () => {
  const session = { id: 7, startedAt: T0, endedAt: min(30), site: 'demo' };
  const list = [f(min(1), 'absolute-term', { match: '=HYPERLINK("x")', text: '他说,"最好"\n真的' })];
  it('CSV round-trips through a CSV parser and defuses formulas', () => {
    const csv = sessionToCsv(session, list);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['session', 'time', 'rule', 'category', 'severity', 'source', 'match', 'text']);
    expect(rows[1]![6]).toBe(`'=HYPERLINK("x")`);
    expect(rows[1]![7]).toBe('他说,"最好"\n真的');
    expect(rows[1]![1]).toBe(new Date(min(1)).toISOString());
  });
  it('JSON keeps the session and every finding', () => {
    const parsed = JSON.parse(sessionToJson(session, list));
    expect(parsed.format).toBe('livelint-session');
    expect(parsed.session).toEqual(session);
    expect(parsed.findings).toEqual(list);
  });
});
