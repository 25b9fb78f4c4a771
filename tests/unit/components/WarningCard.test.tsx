import { describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { WarningCard } from '../../../components/WarningCard.tsx';
import { groupFindings } from '../../../components/group-findings.ts';
import { finding } from './fixtures.ts';

afterEach(cleanup);

describe('WarningCard', () => {
  it('shows severity as a word, the risky words marked in their sentence, why, basis and source', () => {
    const [group] = groupFindings([finding({ sentence: '今天全网最低价哦', hlStart: 2, hlEnd: 7, source: 'captions' })]);
    const { container } = render(<WarningCard group={group!} locale="zh" onIgnore={() => {}} onCopy={() => {}} />);
    expect(screen.getByText('违规')).toBeTruthy();
    expect(container.querySelector('mark')!.textContent).toBe('全网最低价');
    expect(container.querySelector('.ll-quote')!.textContent).toBe('今天全网最低价哦');
    expect(screen.getByText('价格违法宣传')).toBeTruthy();
    expect(screen.getByText('字幕')).toBeTruthy();
    expect(container.textContent).toContain('无法证明的最低价宣传');
    expect(container.textContent).toContain('价格法 第14条');
  });

  it('renders in English when asked', () => {
    const [group] = groupFindings([finding({ severity: 'warning' })]);
    const { container } = render(<WarningCard group={group!} locale="en" onIgnore={() => {}} onCopy={() => {}} />);
    expect(screen.getByText('Warning')).toBeTruthy();
    expect(container.textContent).toContain('Unprovable lowest-price claim');
    expect(screen.getByText('Ignore once')).toBeTruthy();
  });

  it('copies a rewrite and says so', async () => {
    const onCopy = vi.fn();
    const [group] = groupFindings([finding({ suggestions: ['直播间专属价'] })]);
    render(<WarningCard group={group!} locale="zh" onIgnore={() => {}} onCopy={onCopy} />);
    fireEvent.click(screen.getByRole('button', { name: '复制改写：直播间专属价' }));
    expect(onCopy).toHaveBeenCalledWith('直播间专属价');
    expect(await screen.findByText('已复制')).toBeTruthy();
  });

  it('ignores the newest occurrence once', () => {
    const onIgnore = vi.fn();
    const older = finding({ seenAt: 1 });
    const newer = finding({ seenAt: 2 });
    const [group] = groupFindings([older, newer]);
    render(<WarningCard group={group!} locale="zh" onIgnore={onIgnore} onCopy={() => {}} />);
    fireEvent.click(screen.getByText('忽略一次'));
    expect(onIgnore).toHaveBeenCalledWith(newer.key);
  });

  it('collapses repeats with a count and expands to every occurrence', () => {
    const [group] = groupFindings([
      finding({ sentence: '第一句全网最低价', hlStart: 3, hlEnd: 8, seenAt: 1 }),
      finding({ sentence: '第二句全网最低价', hlStart: 3, hlEnd: 8, seenAt: 2 }),
      finding({ sentence: '第三句全网最低价', hlStart: 3, hlEnd: 8, seenAt: 3 }),
    ]);
    const { container } = render(<WarningCard group={group!} locale="zh" onIgnore={() => {}} onCopy={() => {}} />);
    expect(screen.getByText('×3')).toBeTruthy();
    expect(container.querySelector('.ll-quote')!.textContent).toBe('第三句全网最低价');
    fireEvent.click(screen.getByText('查看全部 3 处'));
    expect([...container.querySelectorAll('.ll-occurrences li')].map((li) => li.textContent)).toEqual([
      '脚本 第三句全网最低价',
      '脚本 第二句全网最低价',
      '脚本 第一句全网最低价',
    ]);
  });

  it('shows no count for a single occurrence', () => {
    const [group] = groupFindings([finding()]);
    const { container } = render(<WarningCard group={group!} locale="zh" onIgnore={() => {}} onCopy={() => {}} />);
    expect(container.querySelector('.ll-count')).toBeNull();
  });
});

describe('WarningCard allow in my pack', () => {
  it('passes the rule and the matched phrase, and shows a refusal', async () => {
    const onAllow = vi.fn(async () => {
      throw new Error('找不到规则');
    });
    const [group] = groupFindings([finding({ rule: 'p/r', match: '全网最低价' })]);
    render(<WarningCard group={group!} locale="zh" onIgnore={() => {}} onCopy={() => {}} onAllow={onAllow} />);
    fireEvent.click(screen.getByText('加入我的允许词'));
    expect(onAllow).toHaveBeenCalledWith('p/r', '全网最低价');
    expect((await screen.findByRole('alert')).textContent).toContain('找不到规则');
  });

  it('has no allow button without a handler', () => {
    const [group] = groupFindings([finding()]);
    render(<WarningCard group={group!} locale="zh" onIgnore={() => {}} onCopy={() => {}} />);
    expect(screen.queryByText('加入我的允许词')).toBeNull();
  });
});
