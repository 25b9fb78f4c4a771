import type { ComponentChildren } from 'preact';
import { t, type Locale } from './i18n.ts';

export interface ShellTab {
  id: string;
  label: string;
  /** A small count beside the label (e.g. open warnings). */
  badge?: number;
}

export interface AppShellProps {
  locale: Locale;
  tabs: readonly ShellTab[];
  active: string;
  onSelect(id: string): void;
  onToggleLocale(): void;
  children: ComponentChildren;
}

/** Header (title, language toggle), a keyboard-navigable tab bar, and the active view. */
export function AppShell({ locale, tabs, active, onSelect, onToggleLocale, children }: AppShellProps) {
  const move = (from: number, delta: number) => {
    const next = tabs[(from + delta + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    // WAI-ARIA tabs pattern: arrow keys move focus along with the selection.
    queueMicrotask(() => document.getElementById(`ll-tab-${next.id}`)?.focus());
  };
  return (
    <div class="ll-app" lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <header class="ll-header">
        <h1 class="ll-title">{t(locale, 'appTitle')}</h1>
        <button type="button" class="ll-btn ll-btn-quiet" aria-label={t(locale, 'locale.switchLabel')} onClick={onToggleLocale}>
          {t(locale, 'locale.switch')}
        </button>
      </header>
      <nav class="ll-tabs" role="tablist" aria-label={t(locale, 'tabs.label')}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            id={`ll-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === active}
            aria-controls="ll-view"
            tabIndex={tab.id === active ? 0 : -1}
            class="ll-tab"
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(i, 1);
              else if (e.key === 'ArrowLeft') move(i, -1);
            }}
          >
            {tab.label}
            {tab.badge ? <span class="ll-tab-badge">{tab.badge > 99 ? '99+' : tab.badge}</span> : null}
          </button>
        ))}
      </nav>
      <div id="ll-view" class="ll-view" role="tabpanel" aria-labelledby={`ll-tab-${active}`}>
        {children}
      </div>
    </div>
  );
}
