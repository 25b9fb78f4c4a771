import type { ComponentChildren } from 'preact';
import type { PanelSnapshot } from '../rules/protocol/panel.ts';
import { PRODUCT_CATEGORIES, type ProductCategory } from '../rules/engine/taxonomy.ts';
import { criticalFinding, groupFindings } from './group-findings.ts';
import { CriticalBanner } from './CriticalBanner.tsx';
import { WarningCard } from './WarningCard.tsx';
import { PRODUCT_LABELS, t, type Locale } from './i18n.ts';

/** What the notice says depends on what checks while the stored packs do not compile. */
const ENGINE_NOTICE = { previous: 'live.engineError', 'without-overrides': 'live.engineNoOverrides', builtin: 'live.engineFallback', none: 'live.engineDown' } as const;

export interface LiveViewProps {
  locale: Locale;
  /** null until the background's first snapshot arrives. */
  snapshot: PanelSnapshot | null;
  /** Banner keys the host already acknowledged. */
  dismissed: ReadonlySet<string>;
  onIgnore(tabId: number, key: string): void;
  onDismiss(key: string): void;
  onCopy(text: string): void | Promise<void>;
  onAllow?(rule: string, phrase: string): Promise<void>;
  onProductCategory(category: ProductCategory | null): void;
  /** The product section (products/ProductSection), shown under the product bar. */
  products?: ComponentChildren;
}

/** The Live tab: critical banner, product scope, then the warnings feed (newest first). */
export function LiveView({ locale, snapshot, dismissed, onIgnore, onDismiss, onCopy, onAllow, onProductCategory, products }: LiveViewProps) {
  const findings = snapshot?.findings ?? [];
  // The feed is about what the host said; what viewers typed is the Chat tab's (no rewrites offered
  // for words the host never spoke).
  const hostFindings = findings.filter((f) => f.source !== 'chat');
  const chatSentences = new Set(findings.filter((f) => f.source === 'chat').map((f) => `${f.block}\u0000${f.sentence}`)).size;
  const groups = groupFindings(hostFindings);
  const critical = criticalFinding(findings, dismissed);
  const tabId = snapshot?.tabId ?? null;
  return (
    <section class="ll-live" aria-label={t(locale, 'live.feedLabel')}>
      {critical && <CriticalBanner finding={critical} locale={locale} onDismiss={onDismiss} />}
      <div class="ll-live-bar">
        <label class="ll-product">
          <span>{t(locale, 'live.product')}</span>
          <select
            value={snapshot?.productCategory ?? ''}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              onProductCategory(v ? (v as ProductCategory) : null);
            }}
          >
            <option value="">{t(locale, 'live.productAny')}</option>
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {PRODUCT_LABELS[c][locale]}
              </option>
            ))}
          </select>
        </label>
        {snapshot && snapshot.count > 0 && (
          <span class="ll-open-count" data-testid="open-count">
            {t(locale, 'live.count', { n: snapshot.count })}
          </span>
        )}
      </div>
      {snapshot?.productName && (
        <p class="ll-now" data-testid="now-presenting">
          {t(locale, 'live.nowPresenting', { name: snapshot.productName })}
        </p>
      )}
      {products}
      {snapshot?.engine.error && (
        <p class="ll-notice ll-notice-error" role="status" title={snapshot.engine.error}>
          {t(locale, ENGINE_NOTICE[snapshot.engine.using ?? 'none'], {
            what: snapshot.engine.errorPack
              ? t(locale, 'live.engineWhatPack', { pack: snapshot.engine.errorPack[locale === 'en' ? 'en' : 'zh'] })
              : t(locale, 'live.engineWhat'),
          })}
        </p>
      )}
      {snapshot && snapshot.dropped > 0 && (
        <p class="ll-notice" role="status">
          {t(locale, 'live.dropped', { n: snapshot.dropped })}
        </p>
      )}
      {chatSentences > 0 && (
        <p class="ll-notice" data-testid="chat-risk-note">
          {t(locale, 'live.chatRisks', { n: chatSentences })}
        </p>
      )}
      {groups.length === 0 ? (
        <p class="ll-empty">{snapshot && !snapshot.engine.ready && tabId !== null ? t(locale, 'live.engineLoading') : t(locale, 'live.empty')}</p>
      ) : (
        <div class="ll-feed" role="feed" aria-busy="false">
          {groups.map((g) => (
            <WarningCard
              key={g.rule}
              group={g}
              locale={locale}
              onCopy={onCopy}
              {...(onAllow ? { onAllow } : {})}
              onIgnore={(key) => tabId !== null && onIgnore(tabId, key)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
