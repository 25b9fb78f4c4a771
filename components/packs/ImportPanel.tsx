import { formatIssue } from '../../rules/io/issues.ts';
import type { Locale } from '../i18n.ts';
import { tp } from './messages.ts';
import type { ImportState } from './types.ts';
import { useState } from 'preact/hooks';

/** A CSV has no pack id or name: the manager proposes them from the file name, the user may change them. */
function CsvPackFields({ locale, csv, onChange }: { locale: Locale; csv: { packId: string; name: string }; onChange(id: string, name: string): void }) {
  const [id, setId] = useState(csv.packId);
  const [name, setName] = useState(csv.name);
  const valid = /^[a-z0-9][a-z0-9-]*$/.test(id) && name.trim().length > 0;
  const changed = id !== csv.packId || name !== csv.name;
  return (
    <div class="ll-panel">
      <input aria-label={tp(locale, 'pack.newId')} value={id} onInput={(e) => setId((e.currentTarget as HTMLInputElement).value)} />
      <input aria-label={tp(locale, 'pack.newName')} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      <button type="button" disabled={!valid || !changed} onClick={() => onChange(id, name.trim())}>
        {tp(locale, 'import.rename')}
      </button>
    </div>
  );
}

export interface ImportPanelProps {
  locale: Locale;
  state?: ImportState;
  onFile(file: File): void;
  /** CSV only: re-read the same file as a pack with this id and name. */
  onCsvPack(packId: string, name: string): void;
  onApply(): void;
  onCancel(): void;
}

/** Choose a file -> preview of new / changed / unchanged rules -> apply or discard. */
export function ImportPanel({ locale, state, onFile, onCsvPack, onApply, onCancel }: ImportPanelProps) {
  const blocked = !state || state.issues.length > 0 || state.diffs.length === 0;
  return (
    <section class="ll-panel ll-import" aria-label={tp(locale, 'import.title')}>
      <h2>{tp(locale, 'import.title')}</h2>
      <p class="ll-muted">{tp(locale, 'import.hint')}</p>
      <input
        type="file"
        accept=".json,.yaml,.yml,.csv,.txt,application/json,text/csv"
        aria-label={tp(locale, 'import.choose')}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) onFile(file);
          input.value = '';
        }}
      />
      {state && (
        <div class="ll-preview" data-testid="import-preview">
          <h3>
            {tp(locale, 'import.preview')} — {state.file}
          </h3>
          {state.csv && <CsvPackFields locale={locale} csv={state.csv} onChange={onCsvPack} />}
          {state.issues.length > 0 && (
            <div class="ll-error" role="alert">
              {tp(locale, 'import.errors', { n: state.issues.length })}
              <ul>
                {state.issues.slice(0, 100).map((i, n) => (
                  <li key={n}>{formatIssue(i)}</li>
                ))}
              </ul>
            </div>
          )}
          <ul>
            {state.diffs.map((d) => (
              <li key={d.packId} data-pack={d.packId}>
                <strong>{d.name[locale]}</strong> ({d.packId}) {d.status === 'new' && <em>{tp(locale, 'import.newPack')}</em>}:{' '}
                <span data-count="added">{tp(locale, 'import.new', { n: d.added.length })}</span> ·{' '}
                <span data-count="changed">{tp(locale, 'import.changed', { n: d.changed.length })}</span> ·{' '}
                <span data-count="unchanged">{tp(locale, 'import.unchanged', { n: d.unchanged.length })}</span>
                {d.removed.length > 0 && (
                  <>
                    {' '}· <span data-count="removed">{tp(locale, 'import.removed', { n: d.removed.length })}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
          <div class="ll-buttons">
            <button type="button" disabled={blocked} onClick={onApply}>
              {tp(locale, 'import.apply')}
            </button>
            <button type="button" onClick={onCancel}>
              {tp(locale, 'import.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
