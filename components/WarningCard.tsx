import { useState } from 'preact/hooks';
import { CATEGORY_INFO } from '../rules/engine/taxonomy.ts';
import type { FindingGroup } from './group-findings.ts';
import { HighlightedSentence } from './HighlightedSentence.tsx';
import { SeverityBadge } from './SeverityBadge.tsx';
import { CopyButton } from './CopyButton.tsx';
import { sourceKey, t, type Locale } from './i18n.ts';

export interface WarningCardProps {
  group: FindingGroup;
  locale: Locale;
  onIgnore(key: string): void;
  onCopy(text: string): void | Promise<void>;
  /** 'Allow in my pack' (absent: no button). Rejects with a message the card shows. */
  onAllow?(rule: string, phrase: string): Promise<void>;
}

/** One sentence's warning: every law it breaks, why, and what to say instead (its leading rule's repeats counted). */
export function WarningCard({ group, locale, onIgnore, onCopy, onAllow }: WarningCardProps) {
  const [expanded, setExpanded] = useState(false);
  const [allowError, setAllowError] = useState<string | null>(null);
  const f = group.latest;
  const n = group.all.length;
  const laws = [f, ...group.also];
  const catName = (x: typeof f) => CATEGORY_INFO[x.category]?.[locale] ?? x.category;
  const bases = [...new Set(laws.map((x) => x.basis).filter(Boolean))];
  const suggestions = [...new Set([...f.suggestions, ...group.also.flatMap((x) => x.suggestions.slice(0, 1))])];
  return (
    <article class={`ll-card ll-card-${f.severity}`} data-rule={f.rule} aria-label={`${t(locale, `severity.${f.severity}`)}: ${f.match}`}>
      <header class="ll-card-head">
        <SeverityBadge severity={f.severity} locale={locale} />
        {laws.map((x) => (
          <span class="ll-cat" key={x.category} data-category={x.category}>
            {catName(x)}
          </span>
        ))}
        <span class="ll-source">{t(locale, sourceKey(f.source))}</span>
        {n > 1 && (
          <span class="ll-count" title={t(locale, 'card.repeatsLabel', { n })} aria-label={t(locale, 'card.repeatsLabel', { n })}>
            {t(locale, 'card.repeats', { n })}
          </span>
        )}
      </header>
      <p class="ll-quote">
        <HighlightedSentence sentence={f.sentence} start={f.hlStart} end={f.hlEnd} more={group.spans} />
      </p>
      <p class="ll-why">{f.message[locale]}</p>
      {group.also.map((x) => (
        <p class="ll-why ll-why-also" key={x.key}>
          <strong>{catName(x)}</strong>: {x.message[locale]}
        </p>
      ))}
      {/* The whole citation, wrapped: a host checking the law should not need a tooltip. */}
      <p class="ll-basis">
        {t(locale, 'card.basis')}: {bases.join('；')}
      </p>
      {suggestions.length > 0 && (
        <div class="ll-suggest">
          <span class="ll-suggest-label">{t(locale, 'card.sayInstead')}:</span>
          <ul>
            {suggestions.map((s) => (
              <li key={s}>
                <span class="ll-suggest-text">{s}</span>
                <CopyButton text={s} locale={locale} onCopy={onCopy} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <footer class="ll-card-actions">
        <button type="button" class="ll-btn ll-btn-quiet" onClick={() => group.keys.forEach((k) => onIgnore(k))}>
          {t(locale, 'card.ignore')}
        </button>
        {onAllow && (
          <button
            type="button"
            class="ll-btn ll-btn-quiet"
            title={t(locale, 'card.allowTitle', { match: f.match })}
            onClick={() => {
              setAllowError(null);
              onAllow(f.rule, f.match).catch((e: unknown) => setAllowError(e instanceof Error ? e.message : String(e)));
            }}
          >
            {t(locale, 'card.allow')}
          </button>
        )}
        {n > 1 && (
          <button type="button" class="ll-btn ll-btn-quiet" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? t(locale, 'card.hideAll') : t(locale, 'card.showAll', { n })}
          </button>
        )}
      </footer>
      {allowError && (
        <p class="ll-notice ll-notice-error" role="alert">
          {t(locale, 'card.allowFailed', { error: allowError })}
        </p>
      )}
      {expanded && (
        <ol class="ll-occurrences">
          {group.all.map((o) => (
            <li key={o.key}>
              <span class="ll-source">{t(locale, sourceKey(o.source))}</span>{' '}
              <HighlightedSentence sentence={o.sentence} start={o.hlStart} end={o.hlEnd} />
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
