import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../components/i18n.ts';

// Views other than Live load as their own chunks: the panel must paint within 200 ms, and the
// rehearsal editor, report charts and store code are not needed for that. `preload` starts the
// download right after the first paint, so switching tabs later is instant.

type ViewComponent = ComponentType<{ locale: Locale }>;

export function lazyView(load: () => Promise<ViewComponent>) {
  let loaded: ViewComponent | undefined;
  let pending: Promise<ViewComponent> | undefined;
  const preload = () => {
    pending ??= load().then((c) => (loaded = c));
    return pending;
  };
  function LazyView({ locale }: { locale: Locale }) {
    const [View, setView] = useState<ViewComponent | undefined>(() => loaded);
    useEffect(() => {
      if (!View) void preload().then((c) => setView(() => c));
    }, []);
    return View ? <View locale={locale} /> : <p class="ll-empty" aria-busy="true">…</p>;
  }
  return { render: (locale: Locale) => <LazyView locale={locale} />, preload };
}
