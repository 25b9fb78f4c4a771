import { t, type Locale } from './i18n.ts';

/** A tab whose view is still being built. */
export function Placeholder({ title, locale }: { title: string; locale: Locale }) {
  return (
    <section class="ll-placeholder">
      <h2>{title}</h2>
      <p>{t(locale, 'placeholder.soon')}</p>
    </section>
  );
}
