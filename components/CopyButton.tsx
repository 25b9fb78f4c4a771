import { useEffect, useState } from 'preact/hooks';
import { t, type Locale } from './i18n.ts';

export interface CopyButtonProps {
  text: string;
  locale: Locale;
  /** Does the copying (clipboard access belongs to the page, not the component). */
  onCopy(text: string): void | Promise<void>;
}

export function CopyButton({ text, locale, onCopy }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      class="ll-btn ll-btn-small"
      aria-label={t(locale, 'card.copyLabel', { text })}
      onClick={async () => {
        await onCopy(text);
        setCopied(true);
      }}
    >
      {copied ? t(locale, 'card.copied') : t(locale, 'card.copy')}
    </button>
  );
}
