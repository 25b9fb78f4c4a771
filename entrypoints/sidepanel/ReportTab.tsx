import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../components/i18n.ts';
import { locale as currentLocale } from './settings-model.ts';

// The session report as a side panel view. Dexie and the report code load on first open of the tab.

type Model = typeof import('./report-model.ts');

// Sessions are recorded by the background (background/session/recorder.ts), panel open or not; this view
// only shows them and sends the recording controls.
type View = typeof import('../../components/report/ReportView.tsx');

export function ReportTab({ locale }: { locale: Locale }) {
  const [mods, setMods] = useState<{ m: Model; v: View }>();
  useEffect(() => {
    void Promise.all([import('./report-model.ts'), import('../../components/report/ReportView.tsx')]).then(([m, v]) => {
      m.startRecorder(() => currentLocale.peek());
      setMods({ m, v });
    });
  }, []);
  // The store is read only while this tab is showing (a flood's writes would re-read it otherwise).
  useEffect(() => (mods ? mods.m.watchReport() : undefined), [mods]);
  if (!mods) return <p class="ll-muted">…</p>;
  const { m, v } = mods;
  return (
    <v.ReportView
      locale={locale}
      now={m.now.value}
      recording={m.recording.value}
      auto={m.auto.value}
      notice={m.notice.value?.(locale) ?? null}
      sessions={m.sessions.value}
      selected={m.selected.value}
      compare={m.compare.value}
      compared={m.compared.value}
      onStart={() => void m.start(locale)}
      onStop={() => void m.stop(locale)}
      onAuto={m.setAuto}
      onSelect={m.select}
      onToggleCompare={m.toggleCompare}
      onExport={m.exportSelected}
    />
  );
}
