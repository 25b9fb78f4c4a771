import type { JSX } from 'preact';
import type { Locale, MessageKey } from '../../components/i18n.ts';
import { Placeholder } from '../../components/Placeholder.tsx';
import { t } from '../../components/i18n.ts';
import { LiveTab } from './LiveTab.tsx';
import { PacksTab } from '../manager/PacksTab.tsx';
import { lazyView } from './lazy-view.tsx';

// The panel's tabs, in order. Live comes first; the other views replace their placeholder here.
export interface PanelView {
  id: string;
  label: MessageKey;
  render(locale: Locale): JSX.Element;
  /** Starts loading the view's code (called once the panel has painted). */
  preload?(): Promise<unknown>;
}

// Loaded after the first paint (see lazy-view.tsx).
const rehearsal = lazyView(() => import('./RehearsalTab.tsx').then((m) => m.RehearsalTab));
const report = lazyView(() => import('./ReportTab.tsx').then((m) => m.ReportTab));

const placeholder = (label: MessageKey): PanelView['render'] => (locale) => <Placeholder title={t(locale, label)} locale={locale} />;

export const VIEWS: PanelView[] = [
  { id: 'live', label: 'tab.live', render: (locale) => <LiveTab locale={locale} /> },
  { id: 'rehearsal', label: 'tab.rehearsal', ...rehearsal },
  { id: 'chat', label: 'tab.chat', ...lazyView(() => import('./ChatTab.tsx').then((m) => m.ChatTab)) },
  { id: 'report', label: 'tab.report', ...report },
  { id: 'packs', label: 'tab.packs', render: (locale) => <PacksTab locale={locale} /> },
];
