import type { Severity } from '../rules/engine/taxonomy.ts';
import { severityKey, t, type Locale } from './i18n.ts';

// Colour plus an icon plus a word: the severity reads the same for colour-blind hosts and in grey.
const ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

export function SeverityBadge({ severity, locale }: { severity: Severity; locale: Locale }) {
  return (
    <span class={`ll-sev ll-sev-${severity}`} data-severity={severity}>
      <span aria-hidden="true">{ICON[severity]}</span> {t(locale, severityKey(severity))}
    </span>
  );
}
