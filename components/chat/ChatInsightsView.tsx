import { memo } from 'preact/compat';
import { CopyButton } from '../CopyButton.tsx';
import type { Locale } from '../i18n.ts';
import type { InsightsSnapshot, QuestionSummary } from '../../rules/protocol/chat.ts';
import { tc, topicLabel } from './messages.ts';
import { Sparkline } from './Sparkline.tsx';

export interface ChatInsightsViewProps {
  locale: Locale;
  /** null until the background's first insights arrive. */
  insights: InsightsSnapshot | null;
  onCopy(text: string): void | Promise<void>;
}

function Times({ locale, n }: { locale: Locale; n: number }) {
  return n > 1 ? (
    <span class="ll-times" aria-label={tc(locale, 'timesLabel', { n })}>
      {tc(locale, 'times', { n })}
    </span>
  ) : null;
}

function Question({ locale, q, onCopy }: { locale: Locale; q: QuestionSummary; onCopy: ChatInsightsViewProps['onCopy'] }) {
  return (
    <li class="ll-q">
      <div class="ll-q-text">
        <span>“{q.text}”</span> <Times locale={locale} n={q.count} />
      </div>
      {q.answer ? (
        <div class="ll-answer" data-testid="chat-answer">
          <span class="ll-answer-label">{tc(locale, 'suggested')}{tc(locale, 'colon')}</span>
          <span class="ll-answer-text">{q.answer}</span> <CopyButton text={q.answer} locale={locale} onCopy={onCopy} />
        </div>
      ) : (
        <div class="ll-quiet">{tc(locale, 'noAnswer')}</div>
      )}
    </li>
  );
}

/** The Chat tab: aggregates of the viewers' chat, most urgent first (risky questions). */
function ChatInsightsViewImpl({ locale, insights, onCopy }: ChatInsightsViewProps) {
  if (!insights || insights.total === 0) {
    return (
      <section class="ll-chat" aria-label={tc(locale, 'label')}>
        <p class="ll-empty">{tc(locale, 'waiting')}</p>
      </section>
    );
  }
  const s = insights;
  const nowPurchases = s.purchases.at(-1) ?? 0;
  return (
    <section class="ll-chat" aria-label={tc(locale, 'label')}>
      <p class="ll-chat-summary" data-testid="chat-summary">
        {tc(locale, 'summary', { total: s.total, questions: s.questions, risky: s.riskyCount })}
      </p>

      {s.risky.length > 0 && (
        <section class="ll-chat-block ll-chat-risky" aria-labelledby="ll-chat-risky-h" data-testid="chat-risky">
          <h3 id="ll-chat-risky-h">
            <span aria-hidden="true">⚠ </span>
            {tc(locale, 'risky')} <span class="ll-sub-count">{s.riskyCount}</span>
          </h3>
          <p class="ll-quiet">{tc(locale, 'riskyHint')}</p>
          <ul>
            {s.risky.map((r) => (
              <li key={r.text} class="ll-q">
                <div class="ll-q-text">
                  <span>“{r.text}”</span> <Times locale={locale} n={r.count} />
                </div>
                <div class="ll-avoid">
                  <span class="ll-avoid-label">✕ {tc(locale, 'avoid')}{tc(locale, 'colon')}</span>
                  {r.avoid[locale]}
                </div>
                <div class="ll-answer">
                  <span class="ll-answer-label">✓ {tc(locale, 'answerLawful')}{tc(locale, 'colon')}</span>
                  {/* The host speaks Chinese: the line to say is Chinese, English readers get a gloss. */}
                  <span class="ll-answer-text" lang="zh-CN">{r.answer.zh}</span> <CopyButton text={r.answer.zh} locale={locale} onCopy={onCopy} />
                  {locale === 'en' && <div class="ll-quiet">{r.answer.en}</div>}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="ll-chat-block" aria-labelledby="ll-chat-q-h" data-testid="chat-topics">
        <h3 id="ll-chat-q-h">{tc(locale, 'questions')}</h3>
        {!s.hasProduct && <p class="ll-quiet">{tc(locale, 'noProduct')}</p>}
        {s.topics.length === 0 && <p class="ll-quiet">{tc(locale, 'none')}</p>}
        {s.topics.map((t) => (
          <details key={t.topic} class="ll-topic" open={t.examples.some((e) => e.answer) || undefined}>
            <summary>
              <span class="ll-topic-name">{topicLabel(locale, t.topic)}</span>
              <span class="ll-topic-bar" aria-hidden="true" style={{ width: `${Math.max(4, Math.round((t.count / Math.max(1, s.questions)) * 100))}%` }} />
              <span class="ll-topic-count">{tc(locale, 'topicCount', { n: t.count })}</span>
            </summary>
            <ul>
              {t.examples.map((q) => (
                <Question key={q.text} locale={locale} q={q} onCopy={onCopy} />
              ))}
            </ul>
          </details>
        ))}
      </section>

      {s.hasProduct && s.unanswered.length > 0 && (
        <section class="ll-chat-block" aria-labelledby="ll-chat-un-h" data-testid="chat-unanswered">
          <h3 id="ll-chat-un-h">{tc(locale, 'unanswered')}</h3>
          <ul class="ll-plain">
            {s.unanswered.map((q) => (
              <li key={q.text}>
                {q.text} <Times locale={locale} n={q.count} /> <span class="ll-quiet">· {topicLabel(locale, q.topic)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="ll-chat-block" aria-labelledby="ll-chat-buy-h">
        <h3 id="ll-chat-buy-h">{tc(locale, 'purchases')}</h3>
        <div class="ll-buy">
          <Sparkline
            values={s.purchases}
            label={tc(locale, 'purchasesLabel', { minutes: s.purchases.length, now: nowPurchases, total: s.purchaseTotal })}
          />
          <span class="ll-buy-now" aria-hidden="true">
            {nowPurchases}/min · Σ{s.purchaseTotal}
          </span>
        </div>
      </section>

      <section class="ll-chat-block" aria-labelledby="ll-chat-hot-h" data-testid="chat-hot-words">
        <h3 id="ll-chat-hot-h">{tc(locale, 'hotWords')}</h3>
        {s.hotWords.length === 0 ? (
          <p class="ll-quiet">{tc(locale, 'noHotWords')}</p>
        ) : (
          <ul class="ll-chips">
            {s.hotWords.map((w) => (
              <li key={w.word}>
                {w.word} <span class="ll-chip-n">{w.count}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="ll-chat-block" aria-labelledby="ll-chat-c-h" data-testid="chat-complaints">
        <h3 id="ll-chat-c-h">
          {tc(locale, 'complaints')} <span class="ll-sub-count">{s.complaints.count}</span>
        </h3>
        <ul class="ll-plain">
          {s.complaints.examples.map((c, i) => (
            <li key={i}>
              {c.text} <span class="ll-quiet">· {topicLabel(locale, c.topic)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section class="ll-chat-block" aria-labelledby="ll-chat-o-h" data-testid="chat-off-platform">
        <h3 id="ll-chat-o-h">
          {tc(locale, 'offPlatform')} <span class="ll-sub-count">{s.offPlatform.count}</span>
        </h3>
        {s.offPlatform.count > 0 && <p class="ll-quiet">{tc(locale, 'offPlatformHint')}</p>}
        <ul class="ll-plain">
          {s.offPlatform.examples.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}

/**
 * Re-renders only when new insights (at most ~4 a second) or the language arrive, not on every
 * Live snapshot the panel receives during a flood.
 */
export const ChatInsightsView = memo(ChatInsightsViewImpl);
