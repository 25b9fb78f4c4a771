import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ChatInsightsView } from '../../../components/chat/ChatInsightsView.tsx';
import { Sparkline } from '../../../components/chat/Sparkline.tsx';
import { ChatInsights } from '../../../entrypoints/background/chat/insights.ts';
import { parseProduct } from '../../../rules/engine/product/index.ts';

afterEach(cleanup);

const T0 = Date.UTC(2026, 10, 25, 6, 0, 0);

/** A real aggregate (not a hand-written one), so the view is tested on what the background sends. */
function snapshotOf(lines: string[]) {
  const c = new ChatInsights();
  c.setProduct(parseProduct({ name: '面膜', category: 'cosmetics', faq: [{ questions: ['敏感肌'], answer: '敏感肌可以用' }] }));
  for (const l of lines) c.add(l, T0);
  return c.snapshot(1, T0);
}

describe('ChatInsightsView', () => {
  it('waits politely before any chat', () => {
    render(<ChatInsightsView locale="zh" insights={null} onCopy={() => {}} />);
    expect(screen.getByText(/还没有读到弹幕/)).toBeTruthy();
  });

  it('shows risky questions first with what not to say and a copyable lawful answer', () => {
    const onCopy = vi.fn();
    const { container } = render(<ChatInsightsView locale="zh" insights={snapshotOf(['能治湿疹吗', '能治湿疹吗', '敏感肌能用吗'])} onCopy={onCopy} />);
    const risky = screen.getByTestId('chat-risky');
    // Risky block comes before the topics.
    expect(container.querySelector('section.ll-chat')!.children[1]).toBe(risky);
    expect(risky.textContent).toContain('能治湿疹吗');
    expect(risky.textContent).toContain('×2');
    expect(risky.textContent).toContain('别说');
    fireEvent.click(risky.querySelector('button')!);
    expect(onCopy.mock.calls[0]![0]).toContain('不能治疗');
    expect(screen.getByTestId('chat-answer').textContent).toContain('敏感肌可以用');
  });

  it('in English keeps the reply in Chinese (the host says it) with an English gloss, topics in English', () => {
    render(<ChatInsightsView locale="en" insights={snapshotOf(['是不是全网最便宜', '什么时候发货'])} onCopy={() => {}} />);
    const risky = screen.getByTestId('chat-risky');
    expect(risky.textContent).toContain("Don't say");
    expect(risky.querySelector('[lang=zh-CN]')!.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(screen.getByTestId('chat-topics').textContent).toContain('Shipping');
  });

  it('the purchase sparkline has a text label with the numbers', () => {
    render(<Sparkline values={[0, 2, 5]} label="5 this minute" />);
    const svg = screen.getByRole('img');
    expect(svg.getAttribute('aria-label')).toBe('5 this minute');
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(3);
  });
});
