import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { ReportView, type ReportViewProps } from '../../../components/report/ReportView.tsx';
import { chatTopics } from '../../../components/report/analyze.ts';
import { TOPIC_EN } from '../../../components/report/messages.ts';
import { CHAT_TOPIC_EN } from '../../../rules/engine/classify/index.ts';

// Per-topic chat question/complaint counts recorded with a session, in the report.

afterEach(cleanup);

const chat = { questions: { 价格: 3, 尺码: 1, '': 2 }, complaints: { 材质: 2, 价格: 1, 发货: 0 } };

describe('chatTopics', () => {
  it('merges questions and complaints per topic, most first, zero rows dropped', () => {
    expect(chatTopics(chat)).toEqual([
      { topic: '价格', questions: 3, complaints: 1 },
      { topic: '材质', questions: 0, complaints: 2 },
      { topic: '', questions: 2, complaints: 0 },
      { topic: '尺码', questions: 1, complaints: 0 },
    ]);
    expect(chatTopics(chat, 1)).toHaveLength(1);
    expect(chatTopics(undefined)).toEqual([]);
  });

  it("the report's English topic names match the classifier's vocabulary", () => {
    expect(TOPIC_EN).toEqual(CHAT_TOPIC_EN);
  });
});

describe('ReportView chat topics', () => {
  const base = (over: Partial<ReportViewProps>): ReportViewProps => ({
    locale: 'zh', now: 10_000, recording: null, auto: true, notice: null, sessions: [], selected: null, compare: [], compared: null,
    onStart: vi.fn(), onStop: vi.fn(), onAuto: vi.fn(), onSelect: vi.fn(), onToggleCompare: vi.fn(), onExport: vi.fn(),
    ...over,
  });

  it('lists topics with their question and complaint counts in both languages', () => {
    const selected = { session: { id: 1, startedAt: 0, endedAt: 5000, chat }, findings: [] };
    const { rerender } = render(<ReportView {...base({ selected })} />);
    expect(screen.getByRole('heading', { name: '弹幕提问与投诉（按话题）' })).toBeTruthy();
    const rows = [...document.querySelectorAll('.ll-rp-topics li')].map((li) => li.textContent);
    expect(rows).toEqual(['价格 提问 3 · 投诉 1', '材质 提问 0 · 投诉 2', '其他 提问 2 · 投诉 0', '尺码 提问 1 · 投诉 0']);
    rerender(<ReportView {...base({ selected, locale: 'en' })} />);
    expect(document.querySelector('.ll-rp-topics li')?.textContent).toBe('price 3 questions · 1 complaints');
  });

  it('shows no topic section for a session recorded without chat counts', () => {
    render(<ReportView {...base({ selected: { session: { id: 1, startedAt: 0, endedAt: 5000 }, findings: [] } })} />);
    expect(screen.queryByRole('heading', { name: '弹幕提问与投诉（按话题）' })).toBeNull();
  });
});
