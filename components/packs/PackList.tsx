import type { Locale } from '../i18n.ts';
import { tp } from './messages.ts';
import type { PackSummary } from './types.ts';

export interface PackListProps {
  locale: Locale;
  packs: PackSummary[];
  selected?: string;
  onSelect(id: string): void;
  onToggle(id: string, enabled: boolean): void;
  onDelete(id: string): void;
  onExport(id: string, format: 'json' | 'yaml' | 'csv'): void;
  onRefresh(id: string): void;
  /** Marks a pack's allow list as applying to every pack (the manager asks the store's gate). */
  onGlobal?(id: string, global: boolean): void;
}

function when(at: number | undefined, locale: Locale): string {
  return at ? new Date(at).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en') : '—';
}

export function PackList({ locale, packs, selected, onSelect, onToggle, onDelete, onExport, onRefresh, onGlobal }: PackListProps) {
  return (
    <ul class="ll-packs" aria-label={tp(locale, 'title')}>
      {packs.map((p) => {
        const name = p.name[locale];
        return (
          <li key={p.id} class={`ll-pack${p.id === selected ? ' is-selected' : ''}${p.enabled ? '' : ' is-off'}`} data-pack={p.id}>
            <label class="ll-switch">
              <input
                type="checkbox"
                checked={p.enabled}
                aria-label={tp(locale, 'pack.toggle', { name })}
                onChange={(e) => onToggle(p.id, (e.currentTarget as HTMLInputElement).checked)}
              />
            </label>
            <button type="button" class="ll-pack-name" onClick={() => onSelect(p.id)} aria-pressed={p.id === selected}>
              <strong>{name}</strong>
              <span class={`ll-tag ll-tag-${p.origin}`}>{tp(locale, `origin.${p.origin}`)}</span>
              <span class="ll-muted">
                {tp(locale, 'rules', { n: p.ruleCount })} · v{p.version}
                {p.enabled ? '' : ` · ${tp(locale, 'disabled')}`}
              </span>
            </button>
            <span class="ll-pack-actions">
              <select
                aria-label={tp(locale, 'pack.export')}
                value=""
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLSelectElement).value as 'json' | 'yaml' | 'csv';
                  if (v) onExport(p.id, v);
                }}
              >
                <option value="">{tp(locale, 'pack.export')}…</option>
                <option value="json">JSON</option>
                <option value="yaml">YAML</option>
                <option value="csv">CSV</option>
              </select>
              {p.origin === 'subscribed' && (
                <button type="button" onClick={() => onRefresh(p.id)}>
                  {tp(locale, 'sub.refresh')}
                </button>
              )}
              {p.origin !== 'builtin' && (
                <button type="button" class="ll-danger" onClick={() => onDelete(p.id)}>
                  {tp(locale, 'pack.delete')}
                </button>
              )}
            </span>
            {p.origin !== 'builtin' && (p.allowCount ?? 0) > 0 && onGlobal && (
              <label class="ll-pack-global">
                <input type="checkbox" checked={p.global === true} onChange={(e) => onGlobal(p.id, (e.currentTarget as HTMLInputElement).checked)} />{' '}
                {tp(locale, 'pack.global')}
                <span class={p.global ? 'll-warn' : 'll-muted'}> {tp(locale, p.global ? 'pack.globalOn' : 'pack.globalHint', { n: p.allowCount ?? 0 })}</span>
              </label>
            )}
            {p.subscription && (
              <p class="ll-muted ll-sub-state">
                {tp(locale, 'sub.checked', { at: when(p.subscription.checkedAt, locale) })}
                {p.subscription.error && (
                  <span class="ll-error" role="status">
                    {' '}
                    {tp(locale, 'sub.error', { why: p.subscription.error[locale] })}
                  </span>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
