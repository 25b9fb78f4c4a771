import { CopyButton } from '../CopyButton.tsx';
import { PRODUCT_LABELS, type Locale } from '../i18n.ts';
import type { ProductState } from '../../rules/protocol/chat.ts';
import { tp } from './messages.ts';
import { TalkingChecklist } from './TalkingChecklist.tsx';
import { ProductEditor } from './ProductEditor.tsx';
import { te } from './editor-messages.ts';
import type { Product } from '../../rules/engine/product/schema.ts';

export interface ProductSectionProps {
  locale: Locale;
  /** null until the background answered. */
  state: ProductState | null;
  importError: string | null;
  importedName: string | null;
  onImport(file: File): void;
  onSelect(id: number | null): void;
  onCopy(text: string): void | Promise<void>;
  /** The record open in the editor (null: closed). Editing is offered only when onEdit is given. */
  editing?: Product | null;
  editError?: string | null;
  onEdit?(id: number): void;
  onSaveEdit?(record: Product): void | Promise<void>;
  onDeleteEdit?(): void | Promise<void>;
  onCancelEdit?(): void;
}

/** The Live tab's product block: pick or import the product, its checklist and ready-to-say lines. */
export function ProductSection(props: ProductSectionProps) {
  const { locale, state, importError, importedName, onImport, onSelect, onCopy, editing, editError, onEdit } = props;
  const products = state?.products ?? [];
  const current = state?.current ?? null;
  return (
    <section class="ll-products" aria-label={tp(locale, 'section')} data-testid="product-section">
      <div class="ll-products-bar">
        <label class="ll-product-pick">
          <span class="ll-visually-hidden">{tp(locale, 'pick')}</span>
          <select
            data-testid="product-select"
            value={current ? String(current.id) : ''}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              onSelect(v ? Number(v) : null);
            }}
          >
            <option value="">{tp(locale, 'none')}</option>
            {products.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name} · {PRODUCT_LABELS[p.category][locale]}
              </option>
            ))}
          </select>
        </label>
        {current && onEdit && !editing && (
          <button type="button" class="ll-btn ll-btn-small" aria-label={te(locale, 'editLabel')} data-testid="product-edit" onClick={() => onEdit(current.id)}>
            {te(locale, 'edit')}
          </button>
        )}
        <label class="ll-btn ll-btn-small ll-file">
          {tp(locale, 'import')}
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-label={tp(locale, 'importLabel')}
            data-testid="product-import"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) onImport(file);
              input.value = '';
            }}
          />
        </label>
      </div>
      {editError && (
        <p class="ll-notice ll-notice-error" role="alert">
          {editError}
        </p>
      )}
      {editing && (
        <ProductEditor
          key={editing.name}
          locale={locale}
          record={editing}
          onSave={(r) => props.onSaveEdit?.(r)}
          onDelete={() => props.onDeleteEdit?.()}
          onCancel={() => props.onCancelEdit?.()}
        />
      )}
      {current && state?.source === 'console' && <p class="ll-quiet">{tp(locale, 'fromConsole')}</p>}
      {importError && (
        <p class="ll-notice ll-notice-error" role="alert">
          {tp(locale, 'importFailed', { error: importError })}
        </p>
      )}
      {importedName && !importError && (
        <p class="ll-quiet" role="status">
          {tp(locale, 'imported', { name: importedName })}
        </p>
      )}
      {!current && state?.consoleName && <p class="ll-quiet">{tp(locale, 'consoleUnmatched', { name: state.consoleName })}</p>}
      {state && products.length === 0 && !importedName && <p class="ll-quiet">{tp(locale, 'empty')}</p>}
      {current && state && (
        <>
          <TalkingChecklist locale={locale} items={state.checklist} />
          {state.talkingPoints.length > 0 && (
            <details class="ll-points">
              <summary>
                {tp(locale, 'points')} ({state.talkingPoints.length}) <span class="ll-quiet">· {tp(locale, 'pointsHint')}</span>
              </summary>
              <ul>
                {state.talkingPoints.map((p) => (
                  <li key={p.text}>
                    <span>{p.text}</span>
                    <CopyButton text={p.text} locale={locale} onCopy={onCopy} />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
