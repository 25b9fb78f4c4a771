import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ProductEditor } from '../../../components/products/ProductEditor.tsx';
import { productSchema } from '../../../rules/engine/product/schema.ts';

afterEach(cleanup);

const record = productSchema.parse({
  name: '冰感棉T恤',
  category: 'apparel',
  price: { live: 99, reference: { amount: 199, from: '2026-01-01', to: '2026-03-01' } },
  facts: [{ attribute: '面料', value: '95%棉 5%氨纶' }],
  registrations: {},
  forbiddenClaims: [{ text: '永不变形', reason: '无检测报告' }],
  sellingPoints: [{ text: '220克重磅棉', priority: 1, says: ['重磅'] }],
  faq: [{ questions: ['起球'], answer: '不起球' }],
});

const setup = (locale: 'zh' | 'en' = 'zh') => {
  const onSave = vi.fn();
  const onDelete = vi.fn();
  render(<ProductEditor locale={locale} record={record} onSave={onSave} onDelete={onDelete} onCancel={() => {}} />);
  return { onSave, onDelete };
};

describe('ProductEditor', () => {
  it('saves the edited composition as a schema-valid record and keeps what it does not show', () => {
    const { onSave } = setup();
    fireEvent.input(screen.getByLabelText('值 1'), { target: { value: '100%棉' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0]![0];
    expect(saved.facts).toEqual([{ attribute: '面料', value: '100%棉' }]);
    expect(saved.forbiddenClaims[0].reason).toBe('无检测报告');
    expect(saved.sellingPoints[0]).toEqual({ text: '220克重磅棉', priority: 1, says: ['重磅'] });
    expect(saved.price.reference).toEqual({ amount: 199, from: '2026-01-01', to: '2026-03-01' });
  });

  it('shows errors per field and saves nothing when invalid', () => {
    const { onSave } = setup('en');
    fireEvent.input(screen.getByLabelText('Product name'), { target: { value: '  ' } });
    fireEvent.input(screen.getByLabelText('Live price (yuan)'), { target: { value: 'abc' } });
    fireEvent.input(screen.getByLabelText('Reference price to'), { target: { value: '2025-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Product name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Live price (yuan)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Reference price to').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('3 fields need fixing; nothing was saved.')).toBeTruthy();
  });

  it('adds and removes fact rows; an empty new row is an error on its own input', () => {
    const { onSave } = setup('en');
    fireEvent.click(screen.getByRole('button', { name: 'Add fact' }));
    fireEvent.input(screen.getByLabelText('Attribute 2'), { target: { value: '产地' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Value 2').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Remove row 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave.mock.calls[0]![0].facts).toHaveLength(1);
  });

  it('deletes only after confirmation', () => {
    const { onDelete } = setup();
    fireEvent.click(screen.getByRole('button', { name: '删除商品' }));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '保留' }));
    fireEvent.click(screen.getByRole('button', { name: '删除商品' }));
    fireEvent.click(screen.getByRole('button', { name: '确定删除' }));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });
});
