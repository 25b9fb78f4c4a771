import { useState } from 'preact/hooks';
import type { Locale } from '../i18n.ts';
import { tp } from './messages.ts';

// The three small forms beside the pack list: subscribe by URL, create an empty custom pack, and
// whole-database backup/restore.

export function SubscribeForm({ locale, onSubscribe }: { locale: Locale; onSubscribe(url: string): void }) {
  const [url, setUrl] = useState('');
  return (
    <form
      class="ll-panel"
      aria-label={tp(locale, 'sub.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (url.trim()) onSubscribe(url.trim());
      }}
    >
      <h2>{tp(locale, 'sub.title')}</h2>
      <input type="url" placeholder="https://" aria-label={tp(locale, 'sub.url')} value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
      <button type="submit">{tp(locale, 'sub.add')}</button>
    </form>
  );
}

export function NewPackForm({ locale, onCreate }: { locale: Locale; onCreate(id: string, name: string): void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const valid = /^[a-z0-9][a-z0-9-]*$/.test(id) && name.trim().length > 0;
  return (
    <form
      class="ll-panel"
      aria-label={tp(locale, 'pack.new')}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onCreate(id, name.trim());
      }}
    >
      <h2>{tp(locale, 'pack.new')}</h2>
      <input aria-label={tp(locale, 'pack.newId')} placeholder={tp(locale, 'pack.newId')} value={id} onInput={(e) => setId((e.currentTarget as HTMLInputElement).value)} />
      <input aria-label={tp(locale, 'pack.newName')} placeholder={tp(locale, 'pack.newName')} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
      <button type="submit" disabled={!valid}>
        {tp(locale, 'pack.create')}
      </button>
    </form>
  );
}

export function BackupPanel({ locale, onBackup, onRestore }: { locale: Locale; onBackup(): void; onRestore(file: File): void }) {
  return (
    <section class="ll-panel" aria-label={tp(locale, 'backup.title')}>
      <h2>{tp(locale, 'backup.title')}</h2>
      <button type="button" onClick={onBackup}>
        {tp(locale, 'backup.export')}
      </button>
      <label class="ll-file">
        {tp(locale, 'backup.restore')}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onRestore(file);
            input.value = '';
          }}
        />
      </label>
    </section>
  );
}

/** The learned second opinion: one switch, saying in plain words what it does and that it stays local. */
export function ModelPanel({ locale, enabled, onToggle }: { locale: Locale; enabled: boolean; onToggle(on: boolean): void }) {
  return (
    <section class="ll-panel" aria-label={tp(locale, 'model.title')}>
      <h2>{tp(locale, 'model.title')}</h2>
      <label class="ll-check">
        <input type="checkbox" checked={enabled} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} />
        {tp(locale, 'model.enable')}
      </label>
      <p class="ll-muted">{tp(locale, 'model.help')}</p>
    </section>
  );
}
