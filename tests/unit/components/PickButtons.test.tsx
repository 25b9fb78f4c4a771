import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { PickButtons } from '../../../components/PickButtons.tsx';

describe('PickButtons', () => {
  it('asks for the script box or the chat list, in either language', () => {
    const onPick = vi.fn();
    const { rerender } = render(<PickButtons locale="zh" onPick={onPick} />);
    fireEvent.click(screen.getByRole('button', { name: '指定脚本框' }));
    fireEvent.click(screen.getByRole('button', { name: '指定弹幕区' }));
    expect(onPick.mock.calls).toEqual([['script'], ['chat']]);
    rerender(<PickButtons locale="en" onPick={onPick} status="Click the area" />);
    expect(screen.getByRole('button', { name: 'Pick the chat list' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Click the area');
  });

  it('is disabled while a pick is starting', () => {
    const onPick = vi.fn();
    render(<PickButtons locale="zh" busy onPick={onPick} />);
    fireEvent.click(screen.getByRole('button', { name: '指定脚本框' }));
    expect(onPick).not.toHaveBeenCalled();
  });
});
