import type { Locale } from '../i18n.ts';
import type { DiffOp } from './diff.ts';
import { tr } from './messages.ts';

// Saved versions of the script, newest first: restore one, or see what changed since.

export interface DraftVersion {
  id: string;
  text: string;
  savedAt: number;
}

export interface HistoryProps {
  locale: Locale;
  versions: readonly DraftVersion[];
  diff: { version: DraftVersion; ops: DiffOp[] } | null;
  onRestore(v: DraftVersion): void;
  onDiff(v: DraftVersion): void;
  onCloseDiff(): void;
}

const when = (at: number, locale: Locale) =>
  new Date(at).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function History({ locale, versions, diff, onRestore, onDiff, onCloseDiff }: HistoryProps) {
  return (
    <details class="ll-rh-history">
      <summary>
        {tr(locale, 'history')} ({versions.length})
      </summary>
      {versions.length === 0 ? (
        <p class="ll-muted ll-rh-small">{tr(locale, 'historyEmpty')}</p>
      ) : (
        <ul>
          {versions.map((v) => (
            <li key={v.id}>
              <span class="ll-rh-when">{when(v.savedAt, locale)}</span>
              <span class="ll-rh-preview">{v.text.slice(0, 24)}</span>
              <button type="button" class="ll-btn ll-btn-small" onClick={() => onDiff(v)}>
                {tr(locale, 'diff')}
              </button>
              <button type="button" class="ll-btn ll-btn-small" onClick={() => onRestore(v)}>
                {tr(locale, 'restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {diff && (
        <section class="ll-rh-diff" aria-label={tr(locale, 'diffTitle', { when: when(diff.version.savedAt, locale) })}>
          <h3 class="ll-rh-h3">{tr(locale, 'diffTitle', { when: when(diff.version.savedAt, locale) })}</h3>
          {diff.ops.every((o) => o.kind === 'same') ? (
            <p class="ll-muted">{tr(locale, 'diffNone')}</p>
          ) : (
            <p class="ll-rh-diff-body">
              {diff.ops.map((o, i) =>
                o.kind === 'same' ? (
                  <span key={i}>{o.text}</span>
                ) : o.kind === 'added' ? (
                  <ins key={i} title={tr(locale, 'diffAdded')}>
                    <span class="ll-sr-only">[{tr(locale, 'diffAdded')}] </span>
                    {o.text}
                  </ins>
                ) : (
                  <del key={i} title={tr(locale, 'diffRemoved')}>
                    <span class="ll-sr-only">[{tr(locale, 'diffRemoved')}] </span>
                    {o.text}
                  </del>
                ),
              )}
            </p>
          )}
          <button type="button" class="ll-btn ll-btn-small" onClick={onCloseDiff}>
            {tr(locale, 'closeDiff')}
          </button>
        </section>
      )}
    </details>
  );
}
