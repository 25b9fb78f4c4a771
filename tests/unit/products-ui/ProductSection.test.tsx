import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ProductSection, type ProductSectionProps } from '../../../components/products/ProductSection.tsx';
import { productSchema } from '../../../rules/engine/product/schema.ts';
import type { ProductState } from '../../../rules/protocol/chat.ts';

afterEach(cleanup);

const state = (over: Partial<ProductState> = {}): ProductState => ({
  type: 'product-state',
  tabId: 1,
  products: [
    { id: 1, name: '玻尿酸补水修护面膜', category: 'cosmetics' },
    { id: 2, name: '冰感棉T恤', category: 'apparel' },
  ],
  current: { id: 1, name: '玻尿酸补水修护面膜', category: 'cosmetics' },
  source: 'panel',
  checklist: [
    { id: 'disclosure-0', kind: 'disclosure', text: '赠品数量有限，送完即止', said: false },
    { id: 'point-0', kind: 'selling-point', text: '一盒10片', said: true },
  ],
  talkingPoints: [{ text: '直播间到手价59.9元', kind: 'price' }],
  ...over,
});

const props = (over: Partial<ProductSectionProps> = {}): ProductSectionProps => ({
  locale: 'zh',
  state: state(),
  importError: null,
  importedName: null,
  onImport: () => {},
  onSelect: () => {},
  onCopy: () => {},
  ...over,
});

describe('ProductSection', () => {
  it('shows the checklist with a word and an icon for each state (not colour alone)', () => {
    render(<ProductSection {...props()} />);
    const list = screen.getByTestId('product-checklist');
    expect(list.textContent).toContain('已说 1/2');
    const unsaid = list.querySelector('li[data-said=false]')!;
    expect(unsaid.textContent).toContain('未说');
    expect(unsaid.textContent).toContain('送完即止');
    expect(unsaid.textContent).toContain('必须声明');
    expect(list.querySelector('li[data-said=true]')!.textContent).toContain('已说');
  });

  it('picking a product (or none) calls back with its id', () => {
    const onSelect = vi.fn();
    render(<ProductSection {...props({ onSelect })} />);
    const select = screen.getByLabelText('选择商品') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: '2' } });
    expect(onSelect).toHaveBeenLastCalledWith(2);
    fireEvent.change(select, { target: { value: '' } });
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('hands the chosen file to onImport and shows an import error as an alert', () => {
    const onImport = vi.fn();
    const { rerender } = render(<ProductSection {...props({ onImport })} />);
    const input = screen.getByLabelText('从 CSV 或 JSON 文件导入商品信息') as HTMLInputElement;
    const file = new File(['kind,value'], 'p.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(onImport).toHaveBeenCalledWith(file);
    rerender(<ProductSection {...props({ importError: 'row 3, category: bad' })} />);
    expect(screen.getByRole('alert').textContent).toContain('row 3, category: bad');
  });

  it('talking points can be copied', async () => {
    const onCopy = vi.fn();
    render(<ProductSection {...props({ onCopy })} />);
    fireEvent.click(screen.getByLabelText('复制改写：直播间到手价59.9元'));
    expect(onCopy).toHaveBeenCalledWith('直播间到手价59.9元');
  });

  it('without products it explains what importing gives; an unmatched console name is shown', () => {
    render(<ProductSection {...props({ state: state({ products: [], current: null, consoleName: '羊毛大衣', checklist: [], talkingPoints: [] }) })} />);
    expect(screen.getByText(/还没有商品信息/)).toBeTruthy();
    expect(screen.getByText(/羊毛大衣/)).toBeTruthy();
    expect(screen.queryByTestId('product-checklist')).toBeNull();
  });

  it('speaks English', () => {
    render(<ProductSection {...props({ locale: 'en' })} />);
    expect(screen.getByTestId('product-checklist').textContent).toContain('1/2 said');
    expect(screen.getByText('Not yet')).toBeTruthy();
  });

  it('offers editing of the current product and shows the editor for the record handed in', () => {
    const onEdit = vi.fn();
    const { rerender } = render(<ProductSection {...props({ onEdit })} />);
    fireEvent.click(screen.getByRole('button', { name: '编辑当前商品' }));
    expect(onEdit).toHaveBeenCalledWith(1);
    const editing = { ...productSchema.parse({ name: '玻尿酸补水修护面膜', category: 'cosmetics' }) };
    rerender(<ProductSection {...props({ onEdit, editing })} />);
    expect(screen.getByTestId('product-editor')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '编辑当前商品' })).toBeNull();
  });
});
