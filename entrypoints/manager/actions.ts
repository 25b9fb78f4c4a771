import { browser } from 'wxt/browser';
import type { Pack, RuleInput } from '../../rules/engine/schema.ts';
import { ruleSchema } from '../../rules/engine/schema.ts';
import { packToCsv, packToJson, packToYaml } from '../../rules/io/export.ts';
import { packIdFromFileName, parseImportFile } from '../../rules/io/parse-file.ts';
import { exportBackup, backupFileName, restoreBackup } from '../../rules/store/backup.ts';
import type { LivelintDb } from '../../rules/store/db.ts';
import { verifyWithEngine } from '../../rules/store/engine-gate.ts';
import { StoreError, toStoreError } from '../../rules/store/errors.ts';
import { applyImport, previewImport } from '../../rules/store/import.ts';
import { deleteCustomRule, deletePack, readPack, saveCustomRule, savePack, setModelEnabled, setOverride, setPackEnabled, setPackGlobal, setRuleEnabled } from '../../rules/store/packs.ts';
import { addSubscription, checkSubscriptionUrl, refreshSubscription } from '../../rules/store/subscriptions.ts';
import type { ImportState, OverridePatch } from '../../components/packs/types.ts';
import type { Locale } from '../../components/i18n.ts';

// What the manager's buttons do: each action calls the store and reports back one bilingual line.
// Store errors are already StoreErrors (quota, rollback...); anything else is wrapped the same way.

export type Notice = { kind: 'error' | 'ok'; text: string };
export type Notify = (n: Notice | undefined) => void;

const deps = { fetch: (url: string, init: RequestInit) => fetch(url, init), verify: verifyWithEngine };

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const baseName = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file;

export function createActions(db: LivelintDb, getLocale: () => Locale, notify: Notify) {
  const say = (zh: string, en: string): Notice => ({ kind: 'ok', text: getLocale() === 'zh' ? zh : en });
  const fail = (error: unknown) => {
    const e = error instanceof StoreError ? error : toStoreError(error);
    notify({ kind: 'error', text: getLocale() === 'zh' ? e.zh : e.en });
  };
  const run = async (work: () => Promise<Notice | void>): Promise<boolean> => {
    try {
      notify((await work()) ?? undefined);
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };
  let pendingImport: { file: string; packs: Pack[] } | undefined;

  return {
    togglePack: (id: string, enabled: boolean) => run(() => setPackEnabled(db, id, enabled)),
    globalPack: (id: string, global: boolean) =>
      run(async () => {
        await setPackGlobal(db, id, global);
        return global
          ? say('已让本包放行词作用于所有规则包', 'The pack\'s allow list now applies to every pack')
          : say('本包放行词只对本包规则生效', 'The pack\'s allow list now applies to its own rules only');
      }),
    deletePack: (id: string, confirmText: string) => (confirm(confirmText) ? run(() => deletePack(db, id)) : Promise.resolve(false)),
    toggleRule: (id: string, enabled: boolean) => run(() => setRuleEnabled(db, id, enabled)),
    saveOverride: (id: string, patch: OverridePatch) => run(() => setOverride(db, id, patch)),
    saveRule: (packId: string, input: RuleInput) =>
      run(async () => {
        const rule = ruleSchema.parse(input);
        // The editor already blocks saving on failing examples; checked again here with the whole
        // pack (its variants and allow-list), so no path writes a rule that fails its own examples.
        const pack = await readPack(db, packId);
        if (pack) {
          const rules = pack.rules.some((r) => r.id === rule.id) ? pack.rules.map((r) => (r.id === rule.id ? rule : r)) : [...pack.rules, rule];
          const failures = verifyWithEngine([{ ...pack, rules }]);
          if (failures.length) throw new StoreError('examples', { zh: `例句未通过，未保存：${failures.join('；')}`, en: `Examples fail, not saved: ${failures.join('; ')}` });
        }
        await saveCustomRule(db, packId, rule);
        return say(`已保存 ${rule.id}`, `Saved ${rule.id}`);
      }),
    deleteRule: (packId: string, ruleId: string, confirmText: string) =>
      confirm(confirmText) ? run(() => deleteCustomRule(db, packId, ruleId)) : Promise.resolve(false),
    createPack: (id: string, name: string) =>
      run(async () => {
        if (await db.packs.get(id)) throw new StoreError('exists', { zh: `已有编号为“${id}”的规则包`, en: `A pack "${id}" already exists` });
        await savePack(db, { id, version: '1', name: { zh: name, en: name }, variants: {}, allow: [], rules: [] }, 'custom');
        return say(`已创建规则包 ${id}`, `Created pack ${id}`);
      }),
    exportPack: (id: string, format: 'json' | 'yaml' | 'csv') =>
      run(async () => {
        const pack = await readPack(db, id);
        if (!pack) return;
        if (format === 'csv') {
          const { text, skipped } = packToCsv(pack);
          download(`${id}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
          if (skipped) return say(`CSV 只含词语规则，另有 ${skipped} 条模式/邻近规则未导出（请用 JSON/YAML）`, `CSV holds term rules only; ${skipped} pattern/proximity rules were left out (use JSON/YAML)`);
          return;
        }
        const text = format === 'json' ? packToJson(pack) : packToYaml(pack);
        download(`${id}.${format}`, new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' }));
      }),
    refreshPack: (id: string) =>
      run(async () => {
        const r = await refreshSubscription(db, id, deps);
        if (r.status === 'failed') throw new StoreError('fetch', r.error!);
        return r.status === 'updated' ? say('已更新到最新版本', 'Updated to the latest version') : say('已是最新版本', 'Already up to date');
      }),
    /** Parses and previews; nothing is written until applyImport. */
    importFile: async (file: File, csv?: { packId: string; name: string }): Promise<ImportState | undefined> => {
      try {
        notify(undefined);
        const parsed = parseImportFile(file.name, new Uint8Array(await file.arrayBuffer()), csv && { packId: csv.packId, name: { zh: csv.name, en: csv.name } });
        const preview = parsed.packs.length ? await previewImport(db, parsed.packs, file.name, verifyWithEngine) : { diffs: [], issues: [] };
        const issues = [...parsed.issues, ...preview.issues];
        pendingImport = issues.length ? undefined : { file: file.name, packs: parsed.packs };
        const csvPack = parsed.format === 'csv' ? { packId: csv?.packId ?? packIdFromFileName(file.name), name: csv?.name ?? baseName(file.name) } : undefined;
        return { file: file.name, diffs: preview.diffs, issues, ...(csvPack ? { csv: csvPack } : {}) };
      } catch (error) {
        fail(error);
        return undefined;
      }
    },
    applyImport: () =>
      run(async () => {
        if (!pendingImport) return;
        const { file, packs } = pendingImport;
        await applyImport(db, packs, file, verifyWithEngine);
        pendingImport = undefined;
        const ids = packs.map((p) => p.id).join(', ');
        return say(`已导入：${ids}`, `Imported: ${ids}`);
      }),
    cancelImport: () => {
      pendingImport = undefined;
    },
    subscribe: (raw: string) => {
      const checked = checkSubscriptionUrl(raw);
      if ('error' in checked) {
        notify({ kind: 'error', text: checked.error[getLocale()] });
        return Promise.resolve(false);
      }
      // Asked inside the click (a user gesture), before any other await: only this origin, only now.
      const granted = browser.permissions.request({ origins: [checked.originPattern] }).catch(() => false);
      return run(async () => {
        if (!(await granted)) {
          throw new StoreError('permission', { zh: '需要访问该网站的权限才能下载规则包', en: 'Permission to access that site is needed to download the pack' });
        }
        const row = await addSubscription(db, checked.url, deps);
        return say(`已订阅：${row.meta.name.zh}`, `Subscribed: ${row.meta.name.en}`);
      });
    },
    toggleModel: (on: boolean) =>
      run(async () => {
        await setModelEnabled(db, on);
        return on ? say('已开启模型第二意见', 'Model second opinion on') : say('已关闭模型第二意见，只按规则检查', 'Model second opinion off: rules only');
      }),
    backup: () =>
      run(async () => {
        download(backupFileName(), await exportBackup(db));
      }),
    restore: (file: File, confirmText: string) =>
      confirm(confirmText)
        ? run(async () => {
            const { rows } = await restoreBackup(db, file);
            return say(`已恢复 ${rows} 条记录`, `${rows} records restored`);
          })
        : Promise.resolve(false),
  };
}
