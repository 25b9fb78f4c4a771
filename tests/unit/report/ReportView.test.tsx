import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ReportView, type ReportViewProps } from '../../../components/report/ReportView.tsx';
import { Chart } from '../../../components/report/Chart.tsx';
import { timeline, type RecordedFinding } from '../../../components/report/analyze.ts';

afterEach(cleanup);

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const min = (m: number) => T0 + m * 60_000;
const findings: RecordedFinding[] = [
  { at: min(1), rule: 'ad-law-core/lowest-price', category: 'false-price', severity: 'error', match: '全网最低价', source: 'script' },
  { at: min(2), rule: 'ad-law-core/lowest-price', category: 'false-price', severity: 'error', match: '全网最低价', source: 'captions' },
  { at: min(6), rule: 'chat/eczema', category: 'medical-claim', severity: 'warning', match: '能治湿疹吗', source: 'chat' },
];
const s1 = { id: 1, startedAt: T0, endedAt: min(10), site: 'demo', count: 3 };
const s2 = { id: 2, startedAt: min(60), endedAt: min(70), site: 'demo', count: 1 };

function props(over: Partial<ReportViewProps> = {}): ReportViewProps {
  return {
    locale: 'zh', now: min(80), recording: null, auto: true, notice: null, sessions: [s2, s1],
    selected: { session: s1, findings }, compare: [], compared: null,
    onStart: vi.fn(), onStop: vi.fn(), onAuto: vi.fn(), onSelect: vi.fn(), onToggleCompare: vi.fn(), onExport: vi.fn(),
    ...over,
  };
}

describe('ReportView', () => {
  it('start, auto and export call back; the selected session shows totals and top items', () => {
    const p = props();
    render(<ReportView {...p} />);
    fireEvent.click(screen.getByRole('button', { name: '开始记录场次' }));
    expect(p.onStart).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('checkbox', { name: /自动开始/ }));
    expect(p.onAuto).toHaveBeenCalledWith(false);
    expect(screen.getByText(/共 3 条：违规 2 · 风险 1 · 提示 0/)).toBeTruthy();
    expect(screen.getByText(/能治湿疹吗/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    expect(p.onExport).toHaveBeenCalledWith('csv');
  });

  it('while recording shows the count and a stop button', () => {
    const p = props({ recording: { session: { id: 3, startedAt: min(75) }, count: 4 } });
    render(<ReportView {...p} />);
    expect(screen.getByText('记录中 · 已 5 分钟 · 4 条')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '结束记录' }));
    expect(p.onStop).toHaveBeenCalled();
  });

  it('past sessions can be opened and ticked for comparison; two side by side show per-category counts', () => {
    const p = props({
      compare: [1, 2],
      compared: { a: { session: s1, findings }, b: { session: s2, findings: [findings[0]!] } },
    });
    render(<ReportView {...p} />);
    fireEvent.click(screen.getAllByRole('button', { name: /分钟 · 1 条/ })[0]!);
    expect(p.onSelect).toHaveBeenCalledWith(2);
    const table = screen.getByRole('region', { name: '场次对比' });
    const price = [...table.querySelectorAll('tr')].find((r) => r.textContent!.includes('价格违法宣传'))!;
    expect([...price.querySelectorAll('td')].map((td) => td.textContent!.trim())).toEqual(['2', '1 ↓']);
  });
});

describe('Chart', () => {
  it('draws one bar segment per category and bucket, with a legend and a data table', () => {
    const { container } = render(<Chart locale="en" data={timeline(findings, T0, min(10))} />);
    const rects = [...container.querySelectorAll('rect')];
    expect(rects.map((r) => r.getAttribute('data-category'))).toEqual(['false-price', 'false-price', 'medical-claim']);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain('Misleading price 2');
    expect(container.querySelector('.ll-rp-legend')!.textContent).toContain('Medical claim 1');
    expect(container.querySelectorAll('tbody tr')).toHaveLength(2);
  });
  it('an empty session says so instead of an empty chart', () => {
    render(<Chart locale="zh" data={timeline([], T0, min(10))} />);
    expect(screen.getByText('本场没有风险提示')).toBeTruthy();
  });
});
