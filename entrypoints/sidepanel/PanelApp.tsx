import { AppShell } from '../../components/AppShell.tsx';
import { t } from '../../components/i18n.ts';
import { activeView, locale, toggleLocale } from './settings-model.ts';
import { snapshot } from './live-model.ts';
import { VIEWS } from './views.tsx';

export function PanelApp() {
  const loc = locale.value;
  const active = VIEWS.find((v) => v.id === activeView.value) ?? VIEWS[0]!;
  const open = snapshot.value?.count ?? 0;
  return (
    <AppShell
      locale={loc}
      tabs={VIEWS.map((v) => ({ id: v.id, label: t(loc, v.label), ...(v.id === 'live' && open ? { badge: open } : {}) }))}
      active={active.id}
      onSelect={(id) => (activeView.value = id)}
      onToggleLocale={toggleLocale}
    >
      {active.render(loc)}
    </AppShell>
  );
}
