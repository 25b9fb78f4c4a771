import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Locale } from '../../components/i18n.ts';
import type { ManagerAppProps } from './ManagerApp.tsx';

// The pack manager as a side panel view. Loaded on first open of the tab, so the engine, Dexie
// and the import parsers do not slow down the panel's first paint (the Live view needs none of it).
export function PacksTab({ locale }: { locale: Locale }) {
  const [App, setApp] = useState<ComponentType<ManagerAppProps>>();
  useEffect(() => {
    void import('./ManagerApp.tsx').then((m) => setApp(() => m.ManagerApp));
  }, []);
  if (!App) return <p class="ll-muted">…</p>;
  return <App locale={locale} onOpenTab={() => void browser.tabs.create({ url: browser.runtime.getURL('/manager.html') })} />;
}
