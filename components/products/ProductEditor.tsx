import { useState } from 'preact/hooks';
import { PRODUCT_CATEGORIES } from '../../rules/engine/taxonomy.ts';
import type { Product } from '../../rules/engine/product/schema.ts';
import { PRODUCT_LABELS, type Locale } from '../i18n.ts';
import { te } from './editor-messages.ts';
import { toForm, validateForm, type FaqRow, type FactRow, type PointRow, type ProductForm } from './product-form.ts';

export interface ProductEditorProps {
  locale: Locale;
  record: Product;
  /** Called only with a record the product schema accepted. */
  onSave(record: Product): void | Promise<void>;
  onDelete(): void | Promise<void>;
  onCancel(): void;
}

type Errors = Record<string, string>;

/** Compact editor of one product record; validates with the engine schema, saves nothing when invalid. */
export function ProductEditor({ locale, record, onSave, onDelete, onCancel }: ProductEditorProps) {
  const [form, setForm] = useState<ProductForm>(() => toForm(record));
  const [errors, setErrors] = useState<Errors>({});
  const [confirming, setConfirming] = useState(false);
  const m = (k: Parameters<typeof te>[1], vars?: Record<string, string | number>) => te(locale, k, vars);
  const set = <K extends keyof ProductForm>(k: K, v: ProductForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const save = (e: Event) => {
    e.preventDefault();
    const result = validateForm(form, record);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    void onSave(result.product);
  };

  // One labelled input; its error (keyed by schema path) sits right under it and is linked by aria.
  const field = (key: string, label: string, value: string, onInput: (v: string) => void, opts: { area?: boolean; placeholder?: string } = {}) => {
    const id = `ll-pe-${key.replace(/\W/g, '-')}`;
    const err = errors[key];
    const aria = { 'aria-invalid': err ? true : undefined, 'aria-describedby': err ? `${id}-err` : undefined };
    const read = (e: Event) => onInput((e.currentTarget as HTMLInputElement).value);
    return (
      <div class="ll-pe-field" key={key}>
        <label for={id}>{label}</label>
        {opts.area ? <textarea id={id} rows={2} value={value} onInput={read} {...aria} /> : <input id={id} type="text" placeholder={opts.placeholder} value={value} onInput={read} {...aria} />}
        {err && <span id={`${id}-err`} class="ll-pe-error" role="alert">{err}</span>}
      </div>
    );
  };

  // Row lists (facts, selling points, FAQ): each row's fields plus a remove button. Column names
  // equal the schema's field names, so a row error lands on its input.
  function rows<R>(listKey: 'facts' | 'points' | 'faq', schemaKey: string, items: R[], cols: [keyof R & string, string][], blank: R, addLabel: string) {
    const update = (i: number, k: keyof R, v: string) => set(listKey, items.map((r, j) => (j === i ? { ...r, [k]: v } : r)) as never);
    return (
      <fieldset class="ll-pe-rows">
        <legend>{m(listKey === 'points' ? 'points' : listKey)}</legend>
        {items.map((r, i) => (
          <div class="ll-pe-row" key={i} role="group" aria-label={m('row', { n: i + 1 })}>
            {cols.map(([k, label]) => field(`${schemaKey}.${i}.${k}`, `${label} ${i + 1}`, String(r[k] ?? ''), (v) => update(i, k, v)))}
            {errors[`${schemaKey}.${i}`] && <span class="ll-pe-error" role="alert">{errors[`${schemaKey}.${i}`]}</span>}
            <button type="button" class="ll-btn ll-btn-small" aria-label={m('removeRow', { n: i + 1 })} onClick={() => set(listKey, items.filter((_, j) => j !== i) as never)}>
              ×
            </button>
          </div>
        ))}
        <button type="button" class="ll-btn ll-btn-small" onClick={() => set(listKey, [...items, blank] as never)}>
          {addLabel}
        </button>
      </fieldset>
    );
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form class="ll-pe" aria-label={m('title', { name: record.name })} data-testid="product-editor" onSubmit={save}>
      <h3 class="ll-sub">{m('title', { name: record.name })}</h3>
      {errorCount > 0 && <p class="ll-notice ll-notice-error" role="alert">{m('invalid', { n: errorCount })}</p>}
      {field('name', m('name'), form.name, (v) => set('name', v))}
      {field('aliases', m('aliases'), form.aliases, (v) => set('aliases', v), { area: true })}
      <div class="ll-pe-field">
        <label for="ll-pe-category">{m('category')}</label>
        <select id="ll-pe-category" value={form.category} onChange={(e) => set('category', (e.currentTarget as HTMLSelectElement).value)}>
          {PRODUCT_CATEGORIES.map((c) => (
            <option key={c} value={c}>{PRODUCT_LABELS[c][locale]}</option>
          ))}
        </select>
        {errors.category && <span class="ll-pe-error" role="alert">{errors.category}</span>}
      </div>
      {field('live', m('live'), form.live, (v) => set('live', v))}
      {field('ref.amount', m('refAmount'), form.refAmount, (v) => set('refAmount', v))}
      {field('ref.from', m('refFrom'), form.refFrom, (v) => set('refFrom', v), { placeholder: 'YYYY-MM-DD' })}
      {field('ref.to', m('refTo'), form.refTo, (v) => set('refTo', v), { placeholder: 'YYYY-MM-DD' })}
      {rows<FactRow>('facts', 'facts', form.facts, [['attribute', m('attribute')], ['value', m('value')], ['unit', m('unit')]], { attribute: '', value: '', unit: '' }, m('addFact'))}
      {field('approvedClaims', m('approved'), form.approved, (v) => set('approved', v), { area: true })}
      {field('forbiddenClaims', m('forbidden'), form.forbidden, (v) => set('forbidden', v), { area: true })}
      {rows<PointRow>('points', 'sellingPoints', form.points, [['text', m('pointText')], ['priority', m('priority')], ['says', m('says')]], { text: '', priority: '3', says: '' }, m('addPoint'))}
      {field('disclosures', m('disclosures'), form.disclosures, (v) => set('disclosures', v), { area: true })}
      {rows<FaqRow>('faq', 'faq', form.faq, [['questions', m('questions')], ['answer', m('answer')]], { questions: '', answer: '' }, m('addFaq'))}
      <div class="ll-pe-actions">
        <button type="submit" class="ll-btn ll-btn-small" data-testid="product-save">{m('save')}</button>
        <button type="button" class="ll-btn ll-btn-small" onClick={onCancel}>{m('cancel')}</button>
        {!confirming && (
          <button type="button" class="ll-btn ll-btn-small" data-testid="product-delete" onClick={() => setConfirming(true)}>
            {m('delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-label={m('delete')} class="ll-notice ll-notice-error">
          <p>{m('confirmDelete', { name: record.name })}</p>
          <button type="button" class="ll-btn ll-btn-small" data-testid="product-delete-confirm" onClick={() => void onDelete()}>{m('confirmYes')}</button>
          <button type="button" class="ll-btn ll-btn-small" autoFocus onClick={() => setConfirming(false)}>{m('confirmNo')}</button>
        </div>
      )}
    </form>
  );
}
