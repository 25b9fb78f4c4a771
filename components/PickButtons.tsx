import { defineMessages, type Locale } from './i18n.ts';

export type PickKind = 'script' | 'chat';

const m = defineMessages({
  zh: {
    label: '这个页面读不到？手动指定：',
    script: '指定脚本框',
    chat: '指定弹幕区',
    hint: '点按钮后，在页面上点一下要读取的区域（Esc 取消）。',
  },
  en: {
    label: "Page not read? Point at it:",
    script: 'Pick the script box',
    chat: 'Pick the chat list',
    hint: 'Click a button, then click the area on the page to read (Esc cancels).',
  },
});

/**
 * For consoles no adapter knows: starts the element picker on the page. Props in, callbacks out;
 * the status line (permission refused, remembered or not) comes from the caller.
 */
export function PickButtons({ locale, status, busy, onPick }: { locale: Locale; status?: string; busy?: boolean; onPick: (kind: PickKind) => void }) {
  return (
    <section class="ll-pick" aria-label={m(locale, 'label')}>
      <span class="ll-pick-label">{m(locale, 'label')}</span>
      <button type="button" class="ll-btn" disabled={busy} title={m(locale, 'hint')} onClick={() => onPick('script')}>
        {m(locale, 'script')}
      </button>
      <button type="button" class="ll-btn" disabled={busy} title={m(locale, 'hint')} onClick={() => onPick('chat')}>
        {m(locale, 'chat')}
      </button>
      <p class="ll-pick-status" role="status" aria-live="polite">
        {status ?? ''}
      </p>
    </section>
  );
}
