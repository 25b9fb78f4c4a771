import { CATEGORY_INFO } from '../rules/engine/taxonomy.ts';
import type { LiveFinding } from '../rules/protocol/panel.ts';
import { HighlightedSentence } from './HighlightedSentence.tsx';
import { t, type Locale } from './i18n.ts';

export interface CriticalBannerProps {
  finding: LiveFinding;
  locale: Locale;
  onDismiss(key: string): void;
}

/** The newest error, pinned above the feed until the host acknowledges it. role=alert announces it. */
export function CriticalBanner({ finding, locale, onDismiss }: CriticalBannerProps) {
  const suggestion = finding.suggestions[0];
  return (
    <div class="ll-banner" role="alert">
      <div class="ll-banner-text">
        <strong>
          <span aria-hidden="true">✖ </span>
          {t(locale, 'banner.title')} · {CATEGORY_INFO[finding.category]?.[locale] ?? finding.category}
        </strong>
        <div>
          <HighlightedSentence sentence={finding.sentence} start={finding.hlStart} end={finding.hlEnd} />
        </div>
        {suggestion && (
          <div class="ll-banner-suggest">
            {t(locale, 'card.sayInstead')}: {suggestion}
          </div>
        )}
      </div>
      <button type="button" class="ll-btn" onClick={() => onDismiss(finding.key)}>
        {t(locale, 'banner.dismiss')}
      </button>
    </div>
  );
}
