import type { JSX } from 'preact';
import type { Locale, MessageKey } from '../../components/i18n.ts';
import { Placeholder } from '../../components/Placeholder.tsx';
import { t } from '../../components/i18n.ts';
import { LiveTab } from './LiveTab.tsx';
import { PacksTab } from '../manager/PacksTab.tsx';

// The panel's tabs, in order. Live comes first; the other views replace their placeholder here.
export interface PanelView {
  id: string;
  label: MessageKey;
  render(locale: Locale): JSX.Element;
}

const placeholder = (label: MessageKey): PanelView['render'] => (locale) => <Placeholder title={t(locale, label)} locale={locale} />;

export const VIEWS: PanelView[] = [
  { id: 'live', label: 'tab.live', render: (locale) => <LiveTab locale={locale} /> },
  { id: 'rehearsal', label: 'tab.rehearsal', render: placeholder('tab.rehearsal') },
  { id: 'chat', label: 'tab.chat', render: placeholder('tab.chat') },
  { id: 'report', label: 'tab.report', render: placeholder('tab.report') },
  { id: 'packs', label: 'tab.packs', render: (locale) => <PacksTab locale={locale} /> },
];
