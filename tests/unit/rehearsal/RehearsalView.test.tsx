import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';

afterEach(cleanup);
import { RehearsalView, type RehearsalViewProps } from '../../../components/rehearsal/RehearsalView.tsx';
import { ScriptEditor } from '../../../components/rehearsal/ScriptEditor.tsx';
import type { RehearsalFinding } from '../../../components/rehearsal/FindingList.tsx';

const TEXT = '这是全网最低价，用了能治疗湿疹。';
const lowest: RehearsalFinding = {
  key: 'a', rule: 'ad-law-core/lowest-price', category: 'false-price', severity: 'error',
  message: { zh: '价格绝对化', en: 'Absolute price claim' }, basis: '价格法 第14条', suggestions: ['直播间专属价', '本场活动价'],
  match: '全网最低价', start: 2, end: 7,
};
const eczema: RehearsalFinding = {
  key: 'b', rule: 'regulated-goods/cosmetic-skin-disease', category: 'cosmetic-claim', severity: 'error',
  message: { zh: '化妆品不能宣称治疗', en: 'Cosmetics cannot claim to treat' }, basis: '化妆品监督管理条例 第37条',
  suggestions: ['皮肤有湿疹请先就医：化妆品不能治疗皮肤病'], match: '治疗湿疹', start: 11, end: 15,
};

function props(over: Partial<RehearsalViewProps> = {}): RehearsalViewProps {
  return {
    locale: 'zh', text: TEXT, findings: [lowest, eczema], engine: { ready: true }, pace: 240, category: null, products: [],
    productId: null, checklist: null, notice: null, versions: [], diff: null,
    onText: vi.fn(), onApply: vi.fn(), onApplyAll: vi.fn(), onJump: vi.fn(), onPace: vi.fn(), onCategory: vi.fn(), onProduct: vi.fn(),
    onSave: vi.fn(), onExport: vi.fn(), onRestore: vi.fn(), onDiff: vi.fn(), onCloseDiff: vi.fn(),
    ...over,
  };
}

describe('RehearsalView', () => {
  it('shows the score from the findings, the findings with basis, and counts only safe rewrites', () => {
    render(<RehearsalView {...props()} />);
    // two errors on a short script: 100 - 20 = 80
    expect(screen.getByText(/得分 80/)).toBeTruthy();
    expect(screen.getByText(/价格法 第14条/)).toBeTruthy();
    screen.getByRole('button', { name: /一键采用安全改写（1）/ });
  });

  it('calls back with the finding and the chosen rewrite, and to jump to it', () => {
    const p = props();
    render(<RehearsalView {...p} />);
    fireEvent.click(screen.getByRole('button', { name: '把“全网最低价”改为“本场活动价”' }));
    expect(p.onApply).toHaveBeenCalledWith(lowest, '本场活动价');
    fireEvent.click(screen.getByRole('button', { name: '在编辑器中选中“治疗湿疹”' }));
    expect(p.onJump).toHaveBeenCalledWith(eczema);
    fireEvent.click(screen.getByRole('button', { name: /一键采用安全改写/ }));
    expect(p.onApplyAll).toHaveBeenCalledTimes(1);
  });

  it('typing reports the new text; the apply-all button is disabled with nothing safe', () => {
    const p = props({ findings: [eczema] });
    render(<RehearsalView {...p} />);
    const box = screen.getByRole('textbox', { name: /直播脚本/ });
    fireEvent.input(box, { target: { value: '新的脚本' } });
    expect(p.onText).toHaveBeenCalledWith('新的脚本');
    expect((screen.getByRole('button', { name: /一键采用安全改写（0）/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('speaks English when asked and shows coverage as words, not only colour', () => {
    render(
      <RehearsalView
        {...props({
          locale: 'en',
          checklist: [
            { id: 'd', kind: 'disclosure', text: '本品不能代替药物', said: false },
            { id: 'p', kind: 'selling-point', text: '0 添加', said: true },
          ],
        })}
      />,
    );
    expect(screen.getByText(/Score 80/)).toBeTruthy();
    expect(screen.getByText('Talking points 1/2')).toBeTruthy();
    expect(screen.getByText(/\(not said\)/)).toBeTruthy();
    expect(screen.getByText('Absolute price claim')).toBeTruthy();
  });

  it('a pace outside 60-600 is not accepted', () => {
    const p = props();
    render(<RehearsalView {...p} />);
    const pace = screen.getByRole('spinbutton');
    fireEvent.change(pace, { target: { value: '5' } });
    expect(p.onPace).not.toHaveBeenCalled();
    fireEvent.change(pace, { target: { value: '300' } });
    expect(p.onPace).toHaveBeenCalledWith(300);
  });
});

describe('ScriptEditor', () => {
  it('mirrors the text with one mark per finding span at the right place', () => {
    const { container } = render(
      <ScriptEditor value={TEXT} spans={[lowest, eczema]} label="l" placeholder="p" onInput={() => {}} />,
    );
    const marks = [...container.querySelectorAll('.ll-rh-mirror mark')].map((m) => m.textContent);
    expect(marks).toEqual(['全网最低价', '治疗湿疹']);
    expect(container.querySelector('.ll-rh-mirror')!.textContent!.replace('\u200b', '')).toBe(TEXT);
    expect(container.querySelector('.ll-rh-mirror')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('merges overlapping spans into one mark with the highest severity', () => {
    const { container } = render(
      <ScriptEditor
        value="用了还能治疗湿疹"
        spans={[{ start: 2, end: 6, severity: 'warning' }, { start: 4, end: 8, severity: 'error' }]}
        label="l"
        placeholder="p"
        onInput={() => {}}
      />,
    );
    const marks = [...container.querySelectorAll('.ll-rh-mirror mark')];
    expect(marks.map((m) => [m.textContent, m.className])).toEqual([['还能治疗湿疹', 'll-rh-hl ll-rh-hl-error']]);
  });

  it('selects the requested range', () => {
    const { container } = render(
      <ScriptEditor value={TEXT} spans={[]} label="l" placeholder="p" onInput={() => {}} select={{ start: 2, end: 7, nonce: 1 }} />,
    );
    const area = container.querySelector('textarea')!;
    expect([area.selectionStart, area.selectionEnd]).toEqual([2, 7]);
  });
});

describe('import from page', () => {
  it('shows a bilingual import button that calls onPull', () => {
    const onPull = vi.fn();
    const { rerender } = render(<RehearsalView {...props({ onPull })} />);
    fireEvent.click(screen.getByRole('button', { name: '从页面导入' }));
    expect(onPull).toHaveBeenCalledTimes(1);
    rerender(<RehearsalView {...props({ onPull, locale: 'en' })} />);
    expect(screen.getByRole('button', { name: 'Import from page' })).toBeTruthy();
  });
});
