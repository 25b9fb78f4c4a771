import { useMemo, useState } from 'preact/hooks';
import type { Rule, RuleInput } from '../../rules/engine/schema.ts';
import type { Locale } from '../i18n.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { tp } from './messages.ts';
import { PackList } from './PackList.tsx';
import type { PackContext } from './rule-lab.ts';
import type { RuleView } from './rule-filter.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { RuleList } from './RuleList.tsx';
import { BackupPanel, ModelPanel, NewPackForm, SubscribeForm } from './SidePanels.tsx';
import type { ImportState, OverridePatch, OverrideView, PackSummary } from './types.ts';

export interface PackManagerProps {
  locale: Locale;
  packs: PackSummary[];
  /** Every rule of every pack, with its effective state. */
  rules: RuleView[];
  contexts: Record<string, PackContext>;
  overrides: Record<string, OverrideView>;
  importState?: ImportState;
  /** A bilingual status line (errors from the store, results of actions). */
  notice?: { kind: 'error' | 'ok'; text: string };
  onTogglePack(id: string, enabled: boolean): void;
  onGlobalPack?(id: string, global: boolean): void;
  onDeletePack(id: string): void;
  onExportPack(id: string, format: 'json' | 'yaml' | 'csv'): void;
  onRefreshPack(id: string): void;
  onCreatePack(id: string, name: string): void;
  onToggleRule(ruleId: string, enabled: boolean): void;
  onSaveRule(packId: string, rule: RuleInput): Promise<boolean>;
  onSaveOverride(ruleId: string, patch: OverridePatch): Promise<boolean>;
  onDeleteRule(packId: string, ruleId: string): Promise<boolean>;
  onImportFile(file: File): void;
  onCsvPack(packId: string, name: string): void;
  onApplyImport(): void;
  onCancelImport(): void;
  onSubscribe(url: string): void;
  onBackup(): void;
  onRestore(file: File): void;
  /** The learned second opinion; the panel is hidden when the shell does not offer it. */
  modelEnabled?: boolean;
  onToggleModel?(on: boolean): void;
}

export function PackManager(props: PackManagerProps) {
  const { locale, packs, rules, contexts, overrides } = props;
  const [selected, setSelected] = useState<string | undefined>();
  const [editing, setEditing] = useState<{ packId: string; rule?: Rule } | undefined>();
  const current = packs.find((p) => p.id === selected);
  const shown = useMemo(() => (selected ? rules.filter((r) => r.packId === selected) : rules), [rules, selected]);
  const editPack = editing && packs.find((p) => p.id === editing.packId);

  return (
    <div class="ll-manager">
      <header class="ll-manager-head">
        <h1>{tp(locale, 'title')}</h1>
        {props.notice && (
          <p class={props.notice.kind === 'error' ? 'll-error' : 'll-ok'} role={props.notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
            {props.notice.kind === 'error' ? tp(locale, 'error.prefix') : ''}
            {props.notice.text}
          </p>
        )}
      </header>
      <div class="ll-manager-cols">
        <aside class="ll-col-packs">
          <PackList
            locale={locale}
            packs={packs}
            selected={selected}
            onSelect={(id) => setSelected(id === selected ? undefined : id)}
            onToggle={props.onTogglePack}
            onDelete={props.onDeletePack}
            onExport={props.onExportPack}
            onRefresh={props.onRefreshPack}
            onGlobal={props.onGlobalPack}
          />
        </aside>
        <main class="ll-col-rules">
          {editing && editPack && contexts[editing.packId] ? (
            <RuleEditor
              key={`${editing.packId}:${editing.rule?.id ?? 'new'}`}
              locale={locale}
              pack={contexts[editing.packId]}
              rule={editing.rule}
              mode={editPack.origin === 'custom' ? 'full' : 'override'}
              override={editing.rule ? overrides[editing.rule.id!] : undefined}
              takenIds={rules.filter((r) => r.packId === editing.packId).map((r) => r.rule.id!)}
              onSave={async (rule) => {
                if (await props.onSaveRule(editing.packId, rule)) setEditing(undefined);
              }}
              onSaveOverride={async (patch) => {
                if (await props.onSaveOverride(editing.rule!.id!, patch)) setEditing(undefined);
              }}
              onDelete={async () => {
                if (await props.onDeleteRule(editing.packId, editing.rule!.id!)) setEditing(undefined);
              }}
              onCancel={() => setEditing(undefined)}
            />
          ) : (
            <RuleList
              locale={locale}
              rules={shown}
              onToggle={props.onToggleRule}
              onEdit={(v) => setEditing({ packId: v.packId, rule: v.rule })}
              onNew={current?.origin === 'custom' ? () => setEditing({ packId: current.id }) : undefined}
            />
          )}
        </main>
        {/* Import, subscribe, new pack, backup: below the rules on a narrow panel, under the pack list on a wide tab. */}
        <section class="ll-col-tools">
          <ImportPanel
            key={props.importState?.file ?? ''}
            locale={locale}
            state={props.importState}
            onFile={props.onImportFile}
            onCsvPack={props.onCsvPack}
            onApply={props.onApplyImport} onCancel={props.onCancelImport} />
          <SubscribeForm locale={locale} onSubscribe={props.onSubscribe} />
          <NewPackForm locale={locale} onCreate={props.onCreatePack} />
          {props.onToggleModel && <ModelPanel locale={locale} enabled={props.modelEnabled === true} onToggle={props.onToggleModel} />}
          <BackupPanel locale={locale} onBackup={props.onBackup} onRestore={props.onRestore} />
        </section>
      </div>
    </div>
  );
}
