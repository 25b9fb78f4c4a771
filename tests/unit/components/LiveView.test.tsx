import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { LiveView, type LiveViewProps } from '../../../components/LiveView.tsx';
import { finding, snapshotOf } from './fixtures.ts';

afterEach(cleanup);

const props = (over: Partial<LiveViewProps>): LiveViewProps => ({
  locale: 'zh',
  snapshot: null,
  dismissed: new Set(),
  onIgnore: () => {},
  onDismiss: () => {},
  onCopy: () => {},
  onProductCategory: () => {},
  ...over,
});

describe('LiveView', () => {
  it('says how to get started when nothing was read yet', () => {
    render(<LiveView {...props({})} />);
    expect(screen.getByText(/暂无风险提示/)).toBeTruthy();
  });

  it('lists groups newest first', () => {
    const a = finding({ rule: 'r/a', match: '最好', sentence: '最好的', hlStart: 0, hlEnd: 2, severity: 'warning', seenAt: 1 });
    const b = finding({ rule: 'r/b', seenAt: 2, severity: 'warning' });
    const { container } = render(<LiveView {...props({ snapshot: snapshotOf([a, b]) })} />);
    expect([...container.querySelectorAll('article')].map((el) => el.getAttribute('data-rule'))).toEqual(['r/b', 'r/a']);
  });

  it('shows the newest error as a banner until dismissed', () => {
    const onDismiss = vi.fn();
    const err = finding({ severity: 'error' });
    render(<LiveView {...props({ snapshot: snapshotOf([err]), onDismiss })} />);
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('严重违规');
    fireEvent.click(screen.getByText('知道了'));
    expect(onDismiss).toHaveBeenCalledWith(err.key);
    cleanup();
    render(<LiveView {...props({ snapshot: snapshotOf([err]), dismissed: new Set([err.key]) })} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('has no banner for warnings only', () => {
    render(<LiveView {...props({ snapshot: snapshotOf([finding({ severity: 'warning' })]) })} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('passes the snapshot tab to ignore', () => {
    const onIgnore = vi.fn();
    const f = finding({ severity: 'warning' });
    render(<LiveView {...props({ snapshot: snapshotOf([f], { tabId: 42 }), onIgnore })} />);
    fireEvent.click(screen.getByText('忽略一次'));
    expect(onIgnore).toHaveBeenCalledWith(42, f.key);
  });

  it('changes the product category', () => {
    const onProductCategory = vi.fn();
    const { container } = render(<LiveView {...props({ snapshot: snapshotOf([]), onProductCategory })} />);
    const select = container.querySelector('select')!;
    fireEvent.change(select, { target: { value: 'cosmetics' } });
    expect(onProductCategory).toHaveBeenLastCalledWith('cosmetics');
    fireEvent.change(select, { target: { value: '' } });
    expect(onProductCategory).toHaveBeenLastCalledWith(null);
  });

  it('names the product being presented', () => {
    render(<LiveView {...props({ snapshot: snapshotOf([], { productName: '玻尿酸补水面膜' }) })} />);
    expect(screen.getByTestId('now-presenting').textContent).toBe('正在讲解：玻尿酸补水面膜');
  });

  it('reports dropped chat and a broken pack', () => {
    render(<LiveView {...props({ snapshot: snapshotOf([], { dropped: 12, engine: { ready: true, error: 'pack x: rules.0: bad', using: 'previous', errorPack: { zh: '店铺包', en: 'Shop pack' } } }) })} />);
    expect(screen.getByText(/已跳过 12 条/)).toBeTruthy();
    // The pack by name, what still checks, and where to fix it; the compiler's words only on hover.
    const notice = screen.getByText(/规则包“店铺包”有误，仍使用上一版规则/);
    expect(notice.textContent).not.toMatch(/rules\.0/);
    expect(notice.getAttribute('title')).toBe('pack x: rules.0: bad');
  });
});
