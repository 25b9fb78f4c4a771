import { describe, expect, it } from 'vitest';
import { compile } from '../../../rules/engine/index.ts';
import builtin from '../../../rules/packs/builtin.json' with { type: 'json' };
import { applyAllSafe, applySuggestion, safeRewrites, safeSuggestion } from '../../../components/rehearsal/rewrite.ts';

// With the real engine and shipped packs: applying the safe rewrites must make those findings go
// away on a re-check, and must leave advice-style suggestions for the host.

const checker = compile(builtin as never);
const check = (text: string) => checker.check([{ id: 's', text, source: 'script' }], { productCategory: 'cosmetics' });
const RISKY = '家人们，这款面霜是全网最低价，绝对是史上最好用的，还能治疗湿疹！加我微信私下转账更便宜。';

describe('rehearsal rewrites', () => {
  it('apply all safe rewrites removes exactly the findings that had a safe rewrite', () => {
    const before = check(RISKY);
    const safe = before.filter((f) => safeRewrites(before).some((c) => f.start >= c.start && f.end <= c.end));
    // Findings with only advice stay (a finding covered by a longer chosen rewrite goes with it).
    const unsafe = before.filter((f) => !safeSuggestion(f));
    expect(safe.length).toBeGreaterThanOrEqual(3);
    expect(unsafe.length).toBeGreaterThanOrEqual(1);
    const out = applyAllSafe(RISKY, before);
    expect(out.applied).toBe(safeRewrites(before).length);
    const after = check(out.text);
    for (const f of safe) expect(after.some((a) => a.rule === f.rule)).toBe(false);
    for (const f of unsafe) expect(after.some((a) => a.rule === f.rule && a.match === f.match)).toBe(true);
    expect(out.text).toContain('治疗湿疹'); // advice suggestions are not applied blindly
  });

  it('overlapping findings are replaced once (leftmost, longest)', () => {
    const text = 'abcdef';
    const out = applyAllSafe(text, [
      { start: 1, end: 4, match: 'bcd', suggestions: ['X'] },
      { start: 2, end: 3, match: 'c', suggestions: ['Y'] },
      { start: 4, end: 6, match: 'ef', suggestions: ['Z'] },
    ]);
    expect(out).toEqual({ text: 'aXZ', applied: 2 });
  });

  it('a safe rewrite overlapping a finding that has only advice is left for the host', () => {
    const out = applyAllSafe('还能治疗湿疹', [
      { start: 0, end: 4, match: '还能治疗', suggestions: ['不能治病'] },
      { start: 2, end: 6, match: '治疗湿疹', suggestions: ['说评价过的功效：舒缓'] },
    ]);
    expect(out).toEqual({ text: '还能治疗湿疹', applied: 0 });
  });

  it('neighbouring findings with the same rewrite become one replacement', () => {
    const out = applyAllSafe('加我微信私下转账', [
      { start: 0, end: 4, match: '加我微信', suggestions: ['联系平台客服'] },
      { start: 4, end: 8, match: '私下转账', suggestions: ['联系平台客服，或在粉丝团里问'] },
    ]);
    expect(out).toEqual({ text: '联系平台客服，或在粉丝团里问', applied: 1 });
  });

  it('advice, blanks and long sentences are not safe', () => {
    expect(safeSuggestion({ match: '最好', suggestions: ['说具体参数：比如含量'] })).toBeUndefined();
    expect(safeSuggestion({ match: '最低价', suggestions: ['比平时便宜XX元'] })).toBeUndefined();
    expect(safeSuggestion({ match: '最', suggestions: ['这'.repeat(40)] })).toBeUndefined();
    expect(safeSuggestion({ match: '还能治疗', suggestions: ['这个不是药，不能治病，有不舒服请就医'] })).toBeUndefined();
    expect(safeSuggestion({ match: '全网最低价', suggestions: ['直播间专属价'] })).toBe('直播间专属价');
  });

  it('a stale span is refused with a clear message instead of corrupting the text', () => {
    expect(() => applySuggestion('短', { start: 3, end: 6, suggestions: [] }, 'x')).toThrow(/outside the text/);
  });
});
