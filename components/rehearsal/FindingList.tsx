import type { Locale } from '../i18n.ts';
import { t, severityKey } from '../i18n.ts';
import { CATEGORY_INFO, type FindingCategory, type Severity } from '../../rules/engine/taxonomy.ts';
import { tr } from './messages.ts';

// The findings of the script in reading order: what was matched, why (law article), and the
// compliant rewrites, each with a button that puts it into the script.

export interface RehearsalFinding {
  key: string;
  rule: string;
  category: FindingCategory;
  severity: Severity;
  message: { zh: string; en: string };
  basis: string;
  suggestions: string[];
  match: string;
  start: number;
  end: number;
}

const ICON: Record<Severity, string> = { error: '⛔', warning: '⚠', info: 'ℹ' };

export interface FindingListProps {
  locale: Locale;
  findings: readonly RehearsalFinding[];
  onApply(finding: RehearsalFinding, suggestion: string): void;
  onJump(finding: RehearsalFinding): void;
  /** Keys of the findings 'apply all safe rewrites' would change (marked ✓ on their first rewrite). */
  safeKeys?: ReadonlySet<string>;
}

export function FindingList({ locale, findings, onApply, onJump, safeKeys }: FindingListProps) {
  if (findings.length === 0) return <p class="ll-rh-clean">{tr(locale, 'noFindings')}</p>;
  return (
    <ol class="ll-rh-findings" aria-label={tr(locale, 'findings', { n: findings.length })}>
      {findings.map((f) => (
        <li key={f.key} class={`ll-card ll-card-${f.severity}`} data-rule={f.rule}>
          <div class="ll-card-head">
            <span class={`ll-sev ll-sev-${f.severity}`}>
              <span aria-hidden="true">{ICON[f.severity]} </span>
              {t(locale, severityKey(f.severity))}
            </span>
            <span class="ll-cat">{CATEGORY_INFO[f.category][locale]}</span>
            <button
              type="button"
              class="ll-btn ll-btn-small ll-rh-jump"
              aria-label={tr(locale, 'jumpLabel', { match: f.match })}
              onClick={() => onJump(f)}
            >
              {tr(locale, 'jump')}
            </button>
          </div>
          <p class="ll-quote">
            <mark class="ll-mark">{f.match}</mark>
          </p>
          <p class="ll-why">{f.message[locale]}</p>
          <p class="ll-why ll-basis">
            {tr(locale, 'basis')}: {f.basis}
          </p>
          {f.suggestions.length > 0 && (
            <div class="ll-suggest">
              <span class="ll-suggest-label">{tr(locale, 'sayInstead')}</span>
              <ul>
                {f.suggestions.map((s, i) => (
                  <li key={i}>
                    <span class="ll-suggest-text">{s}</span>
                    <button
                      type="button"
                      class="ll-btn ll-btn-small"
                      aria-label={tr(locale, 'applyOneLabel', { match: f.match, text: s })}
                      onClick={() => onApply(f, s)}
                    >
                      {tr(locale, 'applyOne')}
                      {i === 0 && safeKeys?.has(f.key) ? ' ✓' : ''}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
