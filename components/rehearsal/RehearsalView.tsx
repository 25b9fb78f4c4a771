import type { Locale } from '../i18n.ts';
import { PRODUCT_LABELS } from '../i18n.ts';
import { PRODUCT_CATEGORIES, type ProductCategory } from '../../rules/engine/taxonomy.ts';
import type { ChecklistItem } from '../../rules/engine/product/coverage.ts';
import { ScriptEditor } from './ScriptEditor.tsx';
import { FindingList, type RehearsalFinding } from './FindingList.tsx';
import { ScoreBar } from './ScoreBar.tsx';
import { Coverage } from './Coverage.tsx';
import { History, type HistoryProps } from './History.tsx';
import { tr } from './messages.ts';
import { scoreOf, speakingSeconds, spokenLength } from './score.ts';
import { safeRewrites } from './rewrite.ts';
import './rehearsal.css';

// The whole rehearsal screen, props in and callbacks out: the side panel tab and the full-tab page
// both render it from the same model (entrypoints/sidepanel/rehearsal-model.ts).

export interface RehearsalViewProps extends Omit<HistoryProps, 'locale'> {
  locale: Locale;
  text: string;
  findings: readonly RehearsalFinding[];
  engine: { ready: boolean; error?: string; using?: 'previous' | 'without-overrides' | 'builtin'; pack?: { zh: string; en: string } };
  pace: number;
  category: ProductCategory | null;
  products: readonly { id: number; name: string }[];
  productId: number | null;
  checklist: readonly ChecklistItem[] | null;
  notice: string | null;
  select?: { start: number; end: number; nonce: number };
  onText(text: string): void;
  onApply(f: RehearsalFinding, suggestion: string): void;
  onApplyAll(): void;
  onJump(f: RehearsalFinding): void;
  onPace(pace: number): void;
  onCategory(c: ProductCategory | null): void;
  onProduct(id: number | null): void;
  onSave(): void;
  onExport(kind: 'text' | 'markdown'): void;
  onPull?(): void;
  onOpenTab?(): void;
}

export function RehearsalView(p: RehearsalViewProps) {
  const { locale } = p;
  const safeList = safeRewrites(p.findings);
  const safe = safeList.length;
  return (
    <section class="ll-rh" aria-labelledby="ll-rh-heading">
      <div class="ll-rh-top">
        <h2 id="ll-rh-heading" class="ll-rh-h2">
          {tr(locale, 'heading')}
        </h2>
        {p.onOpenTab && (
          <button type="button" class="ll-btn ll-btn-small" onClick={p.onOpenTab}>
            {tr(locale, 'openTab')}
          </button>
        )}
      </div>
      <div class="ll-rh-controls">
        <label>
          {tr(locale, 'category')}
          <select
            value={p.category ?? ''}
            onChange={(e) => p.onCategory(((e.currentTarget as HTMLSelectElement).value || null) as ProductCategory | null)}
          >
            <option value="">{tr(locale, 'productNone')}</option>
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {PRODUCT_LABELS[c][locale]}
              </option>
            ))}
          </select>
        </label>
        {p.products.length > 0 && (
          <label>
            {tr(locale, 'product')}
            <select
              value={p.productId ?? ''}
              onChange={(e) => {
                const v = (e.currentTarget as HTMLSelectElement).value;
                p.onProduct(v ? Number(v) : null);
              }}
            >
              <option value="">{tr(locale, 'productNone')}</option>
              {p.products.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ScoreBar
        locale={locale}
        score={scoreOf(p.findings, p.text)}
        chars={spokenLength(p.text)}
        seconds={speakingSeconds(p.text, p.pace)}
        pace={p.pace}
        findings={p.findings.length}
        onPace={p.onPace}
      />
      {!p.engine.ready && !p.engine.error && <p class="ll-notice">{tr(locale, 'checking')}</p>}
      {p.engine.error && (
        <p class="ll-notice ll-notice-error" role="status" title={p.engine.error}>
          {tr(locale, p.engine.using === 'builtin' ? 'engineFallback' : p.engine.using ? 'engineError' : 'engineDown', {
            what: p.engine.pack ? tr(locale, 'engineWhatPack', { pack: p.engine.pack[locale === 'en' ? 'en' : 'zh'] }) : tr(locale, 'engineWhat'),
          })}
        </p>
      )}
      <ScriptEditor
        value={p.text}
        spans={p.findings}
        label={tr(locale, 'editorLabel')}
        placeholder={tr(locale, 'placeholder')}
        onInput={p.onText}
        {...(p.select ? { select: p.select } : {})}
      />
      <div class="ll-rh-actions">
        <button type="button" class="ll-btn" disabled={safe === 0} title={tr(locale, 'applyAllTip')} onClick={p.onApplyAll}>
          {tr(locale, 'applyAll', { n: safe })}
        </button>
        {p.onPull && (
          <button type="button" class="ll-btn" onClick={p.onPull}>
            {tr(locale, 'pull')}
          </button>
        )}
        <button type="button" class="ll-btn" onClick={p.onSave}>
          {tr(locale, 'save')}
        </button>
        <button type="button" class="ll-btn" onClick={() => p.onExport('text')}>
          {tr(locale, 'exportText')}
        </button>
        <button type="button" class="ll-btn" onClick={() => p.onExport('markdown')}>
          {tr(locale, 'exportMd')}
        </button>
      </div>
      <p class="ll-rh-notice" role="status">
        {p.notice ?? ''}
      </p>
      <Coverage locale={locale} items={p.checklist} />
      <History
        locale={locale}
        versions={p.versions}
        diff={p.diff}
        onRestore={p.onRestore}
        onDiff={p.onDiff}
        onCloseDiff={p.onCloseDiff}
      />
      <FindingList locale={locale} findings={p.findings} onApply={p.onApply} onJump={p.onJump} safeKeys={new Set(safeList.map((c) => c.finding.key))} />
    </section>
  );
}
