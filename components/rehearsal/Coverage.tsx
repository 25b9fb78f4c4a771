import type { Locale } from '../i18n.ts';
import type { ChecklistItem } from '../../rules/engine/product/coverage.ts';
import { tr } from './messages.ts';

/** The talking points the script must contain, ticked when said (icon + word, not colour alone). */
export function Coverage({ locale, items }: { locale: Locale; items: readonly ChecklistItem[] | null }) {
  if (!items || items.length === 0) return <p class="ll-muted ll-rh-small">{tr(locale, 'coverageEmpty')}</p>;
  const said = items.filter((i) => i.said).length;
  return (
    <section class="ll-rh-coverage" aria-label={tr(locale, 'coverage', { said, total: items.length })}>
      <h3 class="ll-rh-h3">{tr(locale, 'coverage', { said, total: items.length })}</h3>
      <ul>
        {items.map((i) => (
          <li key={i.id} class={i.said ? 'll-rh-said' : 'll-rh-unsaid'}>
            <span aria-hidden="true">{i.said ? '☑' : '☐'} </span>
            {i.text}
            <span class="ll-sr-only"> ({tr(locale, i.said ? 'said' : 'unsaid')})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
