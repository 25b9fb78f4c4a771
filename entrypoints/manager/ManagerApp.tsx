import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import '../../components/packs/packs.css';
import { PackManager } from '../../components/packs/PackManager.tsx';
import { tp } from '../../components/packs/messages.ts';
import type { ImportState } from '../../components/packs/types.ts';
import type { Locale } from '../../components/i18n.ts';
import { getDb } from '../../rules/store/db.ts';
import { readSnapshot, type ManagerSnapshot } from '../../rules/store/snapshot.ts';
import { modelEnabled } from '../../rules/store/packs.ts';
import { createActions, type Notice } from './actions.ts';
import { toView } from './view-model.ts';

// The pack manager page: live store data in (liveQuery re-renders after any write, including one
// made in the side panel), component callbacks out to the store actions.

export interface ManagerAppProps {
  initialLocale?: Locale;
  /** Set when embedded in the side panel: the panel owns the language switch. */
  locale?: Locale;
  /** Shown as a link when embedded: opens the manager as a full tab. */
  onOpenTab?: () => void;
}

export function ManagerApp({ initialLocale = 'zh', locale: fixedLocale, onOpenTab }: ManagerAppProps) {
  const db = getDb();
  const [ownLocale, setLocale] = useState<Locale>(initialLocale);
  const locale = fixedLocale ?? ownLocale;
  const [snapshot, setSnapshot] = useState<ManagerSnapshot>();
  const [notice, setNotice] = useState<Notice>();
  const [importState, setImportState] = useState<ImportState>();
  const importFile = useRef<File | undefined>(undefined);
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const actions = useMemo(() => createActions(db, () => localeRef.current, setNotice), [db]);

  useEffect(() => {
    const sub = liveQuery(() => readSnapshot(db)).subscribe({
      next: setSnapshot,
      error: (e: unknown) => setNotice({ kind: 'error', text: String((e as Error)?.message ?? e) }),
    });
    return () => sub.unsubscribe();
  }, [db]);

  const [modelOn, setModelOn] = useState(false);
  useEffect(() => {
    const sub = liveQuery(() => modelEnabled(db)).subscribe({ next: setModelOn, error: () => {} });
    return () => sub.unsubscribe();
  }, [db]);

  const view = useMemo(() => (snapshot ? toView(snapshot) : undefined), [snapshot]);
  if (!view) return <p class="ll-muted">…</p>;
  const nameOf = (id: string) => view.packs.find((p) => p.id === id)?.name[locale] ?? id;

  return (
    <>
      {fixedLocale ? (
        onOpenTab && (
          <button type="button" class="ll-btn ll-btn-small" onClick={onOpenTab}>
            {tp(locale, 'openTab')}
          </button>
        )
      ) : (
        <button type="button" class="ll-btn ll-locale" lang={locale === 'zh' ? 'en' : 'zh'} onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
          {locale === 'zh' ? 'EN' : '中文'}
        </button>
      )}
      <PackManager
        locale={locale}
        {...view}
        importState={importState}
        notice={notice}
        onTogglePack={(id, on) => void actions.togglePack(id, on)}
        onGlobalPack={(id, on) => void actions.globalPack(id, on)}
        onDeletePack={(id) => void actions.deletePack(id, tp(locale, 'pack.deleteConfirm', { name: nameOf(id) }))}
        onExportPack={(id, f) => void actions.exportPack(id, f)}
        onRefreshPack={(id) => void actions.refreshPack(id)}
        onCreatePack={(id, name) => void actions.createPack(id, name)}
        onToggleRule={(id, on) => void actions.toggleRule(id, on)}
        onSaveRule={(packId, rule) => actions.saveRule(packId, rule)}
        onSaveOverride={(id, patch) => actions.saveOverride(id, patch)}
        onDeleteRule={(packId, id) => actions.deleteRule(packId, id, tp(locale, 'rule.deleteConfirm', { id }))}
        onImportFile={async (file) => {
          importFile.current = file;
          setImportState(await actions.importFile(file));
        }}
        onCsvPack={async (packId, name) => {
          if (importFile.current) setImportState(await actions.importFile(importFile.current, { packId, name }));
        }}
        onApplyImport={async () => {
          if (await actions.applyImport()) setImportState(undefined);
        }}
        onCancelImport={() => {
          actions.cancelImport();
          setImportState(undefined);
        }}
        onSubscribe={(url) => void actions.subscribe(url)}
        modelEnabled={modelOn}
        onToggleModel={(on) => void actions.toggleModel(on)}
        onBackup={() => void actions.backup()}
        onRestore={(file) => void actions.restore(file, tp(locale, 'backup.restoreConfirm'))}
      />
    </>
  );
}
