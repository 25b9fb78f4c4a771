import { useMemo, useState } from 'preact/hooks';
import { CATEGORY_INFO, FINDING_CATEGORIES, SEVERITIES } from '../../rules/engine/taxonomy.ts';
import type { Locale } from '../i18n.ts';
import { SeverityBadge } from '../SeverityBadge.tsx';
import { tp } from './messages.ts';
import { filterRules, type RuleQuery, type RuleView } from './rule-filter.ts';

export interface RuleListProps {
  locale: Locale;
  rules: RuleView[];
  onToggle(ruleId: string, enabled: boolean): void;
  onEdit(view: RuleView): void;
  /** Only custom packs take new rules. */
  onNew?: () => void;
}

const PAGE = 200;

function preview(view: RuleView): string {
  const r = view.rule;
  const list = r.type === 'term' ? r.terms : r.type === 'pattern' ? r.patterns : r.type === 'proximity' ? [...r.a, '…', ...r.b] : r.parts.flatMap((p, i) => (i ? ['…', ...p] : p));
  // Patterns can run to hundreds of characters: a glance needs the first few words only.
  const text = list.slice(0, 6).join('、');
  return text.length > 80 ? `${text.slice(0, 80)}…` : list.length > 6 ? `${text}…` : text;
}

export function RuleList({ locale, rules, onToggle, onEdit, onNew }: RuleListProps) {
  const [query, setQuery] = useState<RuleQuery>({ text: '', category: '', severity: '' });
  const shown = useMemo(() => filterRules(rules, query), [rules, query]);
  return (
    <section class="ll-rules" aria-label={tp(locale, 'search.label')}>
      <div class="ll-search" role="search">
        <input
          type="search"
          aria-label={tp(locale, 'search.label')}
          placeholder={tp(locale, 'search.placeholder')}
          value={query.text}
          onInput={(e) => setQuery({ ...query, text: (e.currentTarget as HTMLInputElement).value })}
        />
        <select
          aria-label={tp(locale, 'editor.category')}
          value={query.category}
          onChange={(e) => setQuery({ ...query, category: (e.currentTarget as HTMLSelectElement).value as RuleQuery['category'] })}
        >
          <option value="">{tp(locale, 'search.anyCategory')}</option>
          {FINDING_CATEGORIES.map((c) => (
            <option value={c} key={c}>
              {CATEGORY_INFO[c][locale]}
            </option>
          ))}
        </select>
        <select
          aria-label={tp(locale, 'editor.severity')}
          value={query.severity}
          onChange={(e) => setQuery({ ...query, severity: (e.currentTarget as HTMLSelectElement).value as RuleQuery['severity'] })}
        >
          <option value="">{tp(locale, 'search.anySeverity')}</option>
          {SEVERITIES.map((s) => (
            <option value={s} key={s}>
              {s}
            </option>
          ))}
        </select>
        {onNew && (
          <button type="button" onClick={onNew}>
            {tp(locale, 'rule.new')}
          </button>
        )}
      </div>
      {shown.length === 0 && <p class="ll-muted">{tp(locale, 'search.none')}</p>}
      <ul class="ll-rule-list">
        {shown.slice(0, PAGE).map((v) => (
          <li key={v.rule.id} class={`ll-rule${v.enabled ? '' : ' is-off'}`} data-rule={v.rule.id}>
            <input
              type="checkbox"
              checked={v.enabled}
              aria-label={tp(locale, 'rule.toggle', { id: v.rule.id ?? '' })}
              onChange={(e) => onToggle(v.rule.id!, (e.currentTarget as HTMLInputElement).checked)}
            />
            {v.severity && <SeverityBadge severity={v.severity} locale={locale} />}
            <span class="ll-rule-main">
              <span class="ll-rule-msg">{v.rule.message[locale]}</span>
              <span class="ll-muted">
                {CATEGORY_INFO[v.rule.category][locale]} · {preview(v)}
                {v.overridden ? ` · ${tp(locale, 'rule.overridden')}` : ''}
              </span>
            </span>
            <button type="button" onClick={() => onEdit(v)}>
              {tp(locale, 'rule.edit')}
            </button>
          </li>
        ))}
      </ul>
      {shown.length > PAGE && <p class="ll-muted">… {shown.length - PAGE}</p>}
    </section>
  );
}
