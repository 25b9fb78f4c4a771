import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Locale } from '../../components/i18n.ts';

// The rehearsal editor as a side panel view (and, with `standalone`, as the full-tab page).
// The engine, packs and store load on first open of the tab, not with the panel's first paint.

type Model = typeof import('./rehearsal-model.ts');
type View = typeof import('../../components/rehearsal/RehearsalView.tsx');

export function RehearsalTab({ locale, standalone = false }: { locale: Locale; standalone?: boolean }) {
  const [mods, setMods] = useState<{ m: Model; v: View }>();
  useEffect(() => {
    void Promise.all([import('./rehearsal-model.ts'), import('../../components/rehearsal/RehearsalView.tsx')]).then(([m, v]) => {
      m.startRehearsal();
      setMods({ m, v });
    });
  }, []);
  if (!mods) return <p class="ll-muted">…</p>;
  const { m, v } = mods;
  return (
    <v.RehearsalView
      locale={locale}
      text={m.text.value}
      findings={m.findings.value}
      engine={m.engine.value}
      pace={m.pace.value}
      category={m.category.value}
      products={m.products.value}
      productId={m.productId.value}
      checklist={m.checklist.value}
      notice={m.notice.value?.(locale) ?? null}
      versions={m.versions.value}
      diff={m.diff.value}
      {...(m.select.value ? { select: m.select.value } : {})}
      onText={m.setText}
      onApply={(f, s) => m.applyOne(f, s, locale)}
      onApplyAll={() => m.applyAll(locale)}
      onJump={m.jumpTo}
      onPace={m.setPace}
      onCategory={m.setCategory}
      onProduct={m.setProduct}
      onSave={() => void m.saveVersion(locale)}
      onExport={(kind) => m.exportAs(kind, locale)}
      onRestore={m.restore}
      onDiff={m.showDiff}
      onCloseDiff={m.closeDiff}
      onPull={() => void browser.windows.getCurrent().then((w) => w.id, () => undefined).then((id) => m.importFromPage(id))}
      {...(standalone ? {} : { onOpenTab: () => void m.flushDraft().then(() => browser.tabs.create({ url: browser.runtime.getURL('/rehearsal.html') })) })}
    />
  );
}
