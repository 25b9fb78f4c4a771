import { describe, expect, it } from 'vitest';
import { scoreOf, speakingSeconds, spokenLength, formatDuration } from '../../../components/rehearsal/score.ts';
import { diffSentences, sentences } from '../../../components/rehearsal/diff.ts';
import { exportMarkdown, exportText } from '../../../components/rehearsal/export.ts';

describe('score', () => {
  it('is 100 without findings and falls with weighted density', () => {
    const text = '好'.repeat(2000);
    expect(scoreOf([], text).score).toBe(100);
    // 2 errors (20) + 1 warning (4) over 2,000 chars = 12 per 1,000.
    const r = scoreOf([{ severity: 'error' }, { severity: 'error' }, { severity: 'warning' }], text);
    expect(r.weighted).toBe(24);
    expect(r.score).toBe(88);
  });
  it('counts short scripts as 1,000 characters and never goes below 0', () => {
    expect(scoreOf([{ severity: 'error' }], '全网最低价').score).toBe(90);
    expect(scoreOf(Array.from({ length: 20 }, () => ({ severity: 'error' as const })), 'x').score).toBe(0);
  });
});

describe('speaking time', () => {
  it('ignores whitespace and follows the pace', () => {
    expect(spokenLength('家人们 好\n呀')).toBe(5);
    expect(speakingSeconds('字'.repeat(480))).toBe(120);
    expect(speakingSeconds('字'.repeat(480), 160)).toBe(180);
    expect(formatDuration(185)).toBe('3:05');
    expect(() => speakingSeconds('x', 0)).toThrow(/pace/);
  });
});

describe('diff', () => {
  it('splits on sentence ends and marks changed sentences', () => {
    expect(sentences('一。二！三')).toEqual(['一。', '二！', '三']);
    const ops = diffSentences('第一句。全网最低价。第三句。', '第一句。直播间专属价。第三句。新增句。');
    expect(ops).toEqual([
      { kind: 'same', text: '第一句。' },
      { kind: 'removed', text: '全网最低价。' },
      { kind: 'added', text: '直播间专属价。' },
      { kind: 'same', text: '第三句。' },
      { kind: 'added', text: '新增句。' },
    ]);
    // Applying the ops reproduces both versions.
    expect(ops.filter((o) => o.kind !== 'added').map((o) => o.text).join('')).toBe('第一句。全网最低价。第三句。');
  });
});

describe('export', () => {
  const f = [
    { category: 'off-platform-deal' as const, severity: 'error' as const, match: '加我微信', message: '引导站外交易', basis: '电子商务法', suggestions: ['有问题请联系平台客服'], start: 9 },
    { category: 'absolute-term' as const, severity: 'error' as const, match: '全网最低价', message: '绝对化用语', basis: '广告法 第9条', suggestions: [], start: 0 },
  ];
  it('lists findings in reading order with basis and rewrite, in the chosen language', () => {
    const md = exportMarkdown('全网最低价，快来。加我微信', f, 'zh');
    expect(md).toMatch(/^# 直播脚本体检/);
    expect(md.indexOf('**全网最低价**')).toBeLessThan(md.indexOf('**加我微信**'));
    expect(md).toContain('可改说: 有问题请联系平台客服');
    expect(md).toContain('得分 80');
    const txt = exportText('全网最低价，快来。加我微信', f, 'en');
    expect(txt).toContain('[Error·Absolute claim] 「全网最低价」');
    expect(txt).toContain('Basis: 广告法 第9条');
  });
});

describe('diff by clause', () => {
  it('a changed clause inside a long sentence is the only change', () => {
    const ops = diffSentences('家人们，全网最低价，快来。', '家人们，直播间专属价，快来。');
    expect(ops).toEqual([
      { kind: 'same', text: '家人们，' },
      { kind: 'removed', text: '全网最低价，' },
      { kind: 'added', text: '直播间专属价，' },
      { kind: 'same', text: '快来。' },
    ]);
  });
});
