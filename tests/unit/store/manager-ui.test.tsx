import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PackManager, type PackManagerProps } from '../../../components/packs/PackManager.tsx';
import { RuleEditor } from '../../../components/packs/RuleEditor.tsx';
import { preparePack } from '../../../rules/io/prepare-pack.ts';
import { toView } from '../../../entrypoints/manager/view-model.ts';
import { builtinV1, customPack } from '../../fixtures/store/sample-packs.ts';
import type { PackRow, RuleRow } from '../../../rules/store/types.ts';
import { ruleRows, splitPack } from '../../../rules/store/packs.ts';

// The pack manager components with real engine calls (live test box, example gate) and stubbed
// callbacks: what a shop manager clicks, and what comes out.

afterEach(cleanup);

const core = preparePack(builtinV1(), 't').pack!;
const shop = preparePack(customPack(), 't').pack!;
const row = (pack: typeof core, origin: PackRow['origin'], enabled = true): PackRow => ({
  id: pack.id,
  origin,
  enabled,
  meta: splitPack(pack).meta,
  ruleCount: pack.rules.length,
  hash: 'h',
  createdAt: 0,
  updatedAt: 0,
});
const snapshot = {
  packs: [row(shop, 'custom'), row(core, 'builtin')],
  rules: [...ruleRows(core), ...ruleRows(shop)] as RuleRow[],
  overrides: [{ ruleId: 'core/cure', enabled: false, updatedAt: 0 }],
};

function props(overrides: Partial<PackManagerProps> = {}): PackManagerProps {
  const noop = vi.fn();
  return {
    locale: 'zh',
    ...toView(snapshot),
    onTogglePack: noop, onDeletePack: noop, onExportPack: noop, onRefreshPack: noop, onCreatePack: noop,
    onToggleRule: noop, onSaveRule: vi.fn(async () => true), onSaveOverride: vi.fn(async () => true), onDeleteRule: vi.fn(async () => true),
    onImportFile: noop, onCsvPack: noop, onApplyImport: noop, onCancelImport: noop, onSubscribe: noop, onBackup: noop, onRestore: noop,
    ...overrides,
  };
}

describe('PackManager', () => {
  it('lists packs with origin and rule counts, built-in first, and rules with their state', () => {
    const { container } = render(<PackManager {...props()} />);
    const packs = [...container.querySelectorAll('[data-pack]')].map((li) => li.getAttribute('data-pack'));
    expect(packs).toEqual(['core', 'my-shop']);
    expect(container.querySelector('[data-pack="core"]')!.textContent).toMatch(/核心规则.*内置.*3 条规则/);
    const cure = container.querySelector('[data-rule="core/cure"] input') as HTMLInputElement;
    expect(cure.checked).toBe(false); // the user's override shows
    expect((container.querySelector('[data-rule="core/lowest-price"] input') as HTMLInputElement).checked).toBe(true);
  });

  it('passes pack and rule switches out as callbacks', () => {
    const p = props();
    const { container } = render(<PackManager {...p} />);
    fireEvent.click(container.querySelector('[data-pack="core"] input[type=checkbox]')!);
    expect(p.onTogglePack).toHaveBeenCalledWith('core', false);
    fireEvent.click(container.querySelector('[data-rule="core/cure"] input')!);
    expect(p.onToggleRule).toHaveBeenCalledWith('core/cure', true);
  });

  it('searches rules by term and by category', () => {
    const { container } = render(<PackManager {...props()} />);
    const ids = () => [...container.querySelectorAll('[data-rule]')].map((li) => li.getAttribute('data-rule'));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '治愈' } });
    expect(ids()).toEqual(['core/cure']);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
    fireEvent.change(screen.getAllByLabelText('类别')[0], { target: { value: 'off-platform-deal' } });
    expect(ids()).toEqual(['my-shop/secret-deal']);
  });
});

describe('RuleEditor', () => {
  const ctx = { id: 'my-shop', name: shop.name, variants: {}, allow: [] };

  it('shows live where a sentence flags, and why not when it does not', () => {
    render(<RuleEditor locale="en" pack={ctx} rule={shop.rules[0]} mode="full" takenIds={[]} onSave={vi.fn()} onSaveOverride={vi.fn()} onCancel={vi.fn()} />);
    const box = screen.getByLabelText('Try it');
    fireEvent.input(box, { target: { value: '想要的加微信私聊' } });
    const out = document.querySelector('.ll-lab-result')!;
    expect(out.getAttribute('data-hits')).toBe('1');
    expect(out.querySelector('mark')!.textContent).toBe('加微信');
    fireEvent.input(box, { target: { value: '点击下方链接购买' } });
    expect(out.textContent).toMatch(/Not flagged: none of the rule’s terms occurs/);
  });

  it('refuses to save while an example fails, and saves once it passes', () => {
    const onSave = vi.fn();
    render(<RuleEditor locale="en" pack={ctx} rule={shop.rules[0]} mode="full" takenIds={[]} onSave={onSave} onSaveOverride={vi.fn()} onCancel={vi.fn()} />);
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    // A pass example that contains the term: the rule would flag its own lawful look-alike.
    fireEvent.input(screen.getByLabelText('Must-pass examples (one per line)'), { target: { value: '加微信领券' } });
    expect(save.disabled).toBe(true);
    expect(screen.getByTestId('rule-failures').textContent).toMatch(/加微信领券/);
    fireEvent.click(save);
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Must-pass examples (one per line)'), { target: { value: '点击下方链接' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0][0]).toMatchObject({ id: 'my-shop/secret-deal', terms: ['加微信'], examples: { pass: ['点击下方链接'] } });
  });

  it('edits a built-in rule only through overrides', () => {
    const onSaveOverride = vi.fn();
    const coreCtx = { id: 'core', name: core.name, variants: {}, allow: core.allow };
    render(<RuleEditor locale="en" pack={coreCtx} rule={core.rules[0]} mode="override" takenIds={[]} onSave={vi.fn()} onSaveOverride={onSaveOverride} onCancel={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Extra terms (one per line)'), { target: { value: '地板价' } });
    // The live box already uses the extra term.
    fireEvent.input(screen.getByLabelText('Try it'), { target: { value: '今天地板价' } });
    expect(document.querySelector('.ll-lab-result mark')?.textContent).toBe('地板价');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSaveOverride).toHaveBeenCalledWith({ enabled: undefined, severity: undefined, extraTerms: ['地板价'], allow: undefined });
  });
});
