import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { AppShell } from '../../../components/AppShell.tsx';

afterEach(cleanup);

const tabs = [
  { id: 'live', label: '实时', badge: 3 },
  { id: 'chat', label: '弹幕' },
  { id: 'packs', label: '规则包' },
];

describe('AppShell', () => {
  it('marks the active tab and shows its badge', () => {
    render(
      <AppShell locale="zh" tabs={tabs} active="live" onSelect={() => {}} onToggleLocale={() => {}}>
        <p>content</p>
      </AppShell>,
    );
    const live = screen.getByRole('tab', { name: /实时/ });
    expect(live.getAttribute('aria-selected')).toBe('true');
    expect(live.textContent).toContain('3');
    expect(screen.getByRole('tabpanel').textContent).toBe('content');
  });

  it('selects tabs by click and by arrow keys (wrapping)', () => {
    const onSelect = vi.fn();
    render(
      <AppShell locale="zh" tabs={tabs} active="live" onSelect={onSelect} onToggleLocale={() => {}}>
        x
      </AppShell>,
    );
    fireEvent.click(screen.getByRole('tab', { name: '弹幕' }));
    expect(onSelect).toHaveBeenLastCalledWith('chat');
    fireEvent.keyDown(screen.getByRole('tab', { name: /实时/ }), { key: 'ArrowLeft' });
    expect(onSelect).toHaveBeenLastCalledWith('packs');
  });

  it('offers the other language', () => {
    const onToggleLocale = vi.fn();
    render(
      <AppShell locale="zh" tabs={tabs} active="live" onSelect={() => {}} onToggleLocale={onToggleLocale}>
        x
      </AppShell>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(onToggleLocale).toHaveBeenCalled();
  });
});
