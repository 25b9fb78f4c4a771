import type { Locale } from '../i18n.ts';
import type { ProductState } from '../../rules/protocol/chat.ts';
import { tp } from './messages.ts';

export interface TalkingChecklistProps {
  locale: Locale;
  items: ProductState['checklist'];
}

/** Required disclosures and must-say points, ticking themselves as the script and captions say them. */
export function TalkingChecklist({ locale, items }: TalkingChecklistProps) {
  const said = items.filter((i) => i.said).length;
  return (
    <div class="ll-checklist" data-testid="product-checklist">
      <h3 class="ll-sub">
        {tp(locale, 'checklist')} <span class="ll-sub-count">{tp(locale, 'checklistCount', { said, total: items.length })}</span>
      </h3>
      {items.length === 0 ? (
        <p class="ll-quiet">{tp(locale, 'noChecklist')}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.id} class={i.said ? 'll-said' : 'll-unsaid'} data-said={i.said ? 'true' : 'false'}>
              {/* Icon + word, never colour alone. */}
              <span class="ll-tick" aria-hidden="true">
                {i.said ? '✓' : '○'}
              </span>
              <span class="ll-tick-word">{tp(locale, i.said ? 'said' : 'unsaid')}</span>
              <span class="ll-check-text">{i.text}</span>
              <span class="ll-check-kind">{tp(locale, i.kind === 'disclosure' ? 'kindDisclosure' : 'kindPoint')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
