import type { Locale } from '../i18n.ts';
import { CATEGORY_INFO } from '../../rules/engine/taxonomy.ts';
import { chatTopics, compareSessions, timeline, topChat, topRules, totals, type RecordedFinding, type SessionInfo } from './analyze.ts';
import { Chart } from './Chart.tsx';
import { rt, topicLabel } from './messages.ts';
import './report.css';

// The session report, props in and callbacks out: recording controls, the chosen session's chart,
// totals and top items, exports, the list of past sessions and two of them side by side.

export interface SessionSummary extends SessionInfo {
  count: number;
}

export interface ReportViewProps {
  locale: Locale;
  now: number;
  recording: { session: SessionInfo; count: number } | null;
  auto: boolean;
  notice: string | null;
  sessions: readonly SessionSummary[];
  selected: { session: SessionInfo; findings: readonly RecordedFinding[] } | null;
  compare: readonly number[];
  compared: { a: { session: SessionInfo; findings: readonly RecordedFinding[] }; b: { session: SessionInfo; findings: readonly RecordedFinding[] } } | null;
  onStart(): void;
  onStop(): void;
  onAuto(on: boolean): void;
  onSelect(id: number): void;
  onToggleCompare(id: number): void;
  onExport(kind: 'json' | 'csv'): void;
}

const minutes = (s: SessionInfo, now: number) => Math.max(0, Math.round(((s.endedAt ?? now) - s.startedAt) / 60_000));
const when = (at: number, locale: Locale) =>
  new Date(at).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function SessionDetail({ locale, now, session, findings, onExport }: { locale: Locale; now: number; session: SessionInfo; findings: readonly RecordedFinding[]; onExport: ReportViewProps['onExport'] }) {
  const end = session.endedAt ?? now;
  const tot = totals(findings, session.startedAt, end);
  const chat = topChat(findings);
  const host = topRules(findings);
  const topics = chatTopics(session.chat);
  return (
    <section class="ll-rp-detail" aria-label={`${when(session.startedAt, locale)} ${session.site ?? ''}`}>
      <h3 class="ll-rp-h3">
        #{session.id} {when(session.startedAt, locale)} {session.site ? `· ${session.site}` : ''} {session.endedAt ? '' : `· ${rt(locale, 'live')}`}
      </h3>
      <p class="ll-rp-totals">
        {rt(locale, 'totals', { n: tot.total, ...tot.bySeverity })} · {rt(locale, 'perMinute')} {tot.perMinute.toFixed(1)}
      </p>
      {(session.losses?.skippedChat ?? 0) + (session.losses?.unsaved ?? 0) > 0 && (
        <p class="ll-notice" role="status" data-testid="session-losses">
          {[
            session.losses!.skippedChat > 0 ? rt(locale, 'skippedChat', { n: session.losses!.skippedChat }) : '',
            session.losses!.unsaved > 0 ? rt(locale, 'unsaved', { n: session.losses!.unsaved }) : '',
          ].filter(Boolean).join(' ')}
        </p>
      )}
      <Chart locale={locale} data={timeline(findings, session.startedAt, end)} />
      {host.length > 0 && (
        <>
          <h4 class="ll-rp-h4">{rt(locale, 'topHost')}</h4>
          <ol class="ll-rp-top">
            {host.map((h) => (
              <li key={h.rule}>
                <mark class="ll-mark">{h.match}</mark> ×{h.count}
              </li>
            ))}
          </ol>
        </>
      )}
      <h4 class="ll-rp-h4">{rt(locale, 'topChat')}</h4>
      {chat.length ? (
        <ol class="ll-rp-top">
          {chat.map((c) => (
            <li key={c.category + c.text}>
              {c.text} <span class="ll-muted">({CATEGORY_INFO[c.category][locale]})</span> ×{c.count}
            </li>
          ))}
        </ol>
      ) : (
        <p class="ll-muted">{rt(locale, 'topChatEmpty')}</p>
      )}
      {topics.length > 0 && (
        <>
          <h4 class="ll-rp-h4">{rt(locale, 'chatTopics')}</h4>
          <ol class="ll-rp-top ll-rp-topics">
            {topics.map((t) => (
              <li key={t.topic}>
                {topicLabel(t.topic, locale)} <span class="ll-muted">{rt(locale, 'chatTopicRow', { q: t.questions, c: t.complaints })}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <p class="ll-muted ll-rp-note">{rt(locale, 'chatNote')}</p>
      <h4 class="ll-rp-h4">{rt(locale, 'coverage')}</h4>
      <p class="ll-muted ll-rp-note">
        {tot.byCategory['missing-disclosure'] ? `${CATEGORY_INFO['missing-disclosure'][locale]} ×${tot.byCategory['missing-disclosure']}. ` : ''}
        {rt(locale, 'coverageNote')}
      </p>
      <div class="ll-rp-actions">
        <button type="button" class="ll-btn" onClick={() => onExport('json')}>
          {rt(locale, 'exportJson')}
        </button>
        <button type="button" class="ll-btn" onClick={() => onExport('csv')}>
          {rt(locale, 'exportCsv')}
        </button>
      </div>
    </section>
  );
}

export function ReportView(p: ReportViewProps) {
  const { locale, now } = p;
  return (
    <section class="ll-rp" aria-labelledby="ll-rp-heading">
      <h2 id="ll-rp-heading" class="ll-rp-h2">
        {rt(locale, 'heading')}
      </h2>
      <div class="ll-rp-rec">
        {p.recording ? (
          <>
            <span class="ll-rp-dot" aria-hidden="true">●</span>
            <span role="status">{rt(locale, 'recording', { min: minutes(p.recording.session, now), n: p.recording.count })}</span>
            <button type="button" class="ll-btn" onClick={p.onStop}>
              {rt(locale, 'stop')}
            </button>
          </>
        ) : (
          <>
            <span role="status" class="ll-muted">
              {rt(locale, 'idle')}
            </span>
            <button type="button" class="ll-btn ll-btn-primary" onClick={p.onStart}>
              {rt(locale, 'start')}
            </button>
          </>
        )}
      </div>
      <label class="ll-rp-auto">
        <input type="checkbox" checked={p.auto} onChange={(e) => p.onAuto((e.currentTarget as HTMLInputElement).checked)} />
        {rt(locale, 'auto')}
      </label>
      {p.notice && <p class="ll-notice">{p.notice}</p>}

      {p.selected ? (
        <SessionDetail locale={locale} now={now} session={p.selected.session} findings={p.selected.findings} onExport={p.onExport} />
      ) : (
        p.sessions.length > 0 && <p class="ll-muted">{rt(locale, 'selectSession')}</p>
      )}

      <h3 class="ll-rp-h3">{rt(locale, 'sessions')}</h3>
      {p.sessions.length === 0 ? (
        <p class="ll-muted">{rt(locale, 'sessionsEmpty')}</p>
      ) : (
        <>
          <p class="ll-muted ll-rp-note">{rt(locale, 'compareHint')}</p>
          <ul class="ll-rp-sessions">
            {p.sessions.map((s) => (
              <li key={s.id} aria-current={p.selected?.session.id === s.id ? 'true' : undefined}>
                <label class="ll-rp-pick">
                  <input
                    type="checkbox"
                    checked={p.compare.includes(s.id)}
                    onChange={() => p.onToggleCompare(s.id)}
                    aria-label={`${rt(locale, 'compare')} ${when(s.startedAt, locale)}`}
                  />
                </label>
                <button type="button" class="ll-btn ll-btn-quiet ll-rp-open" onClick={() => p.onSelect(s.id)}>
                  #{s.id} {rt(locale, 'sessionItem', { when: when(s.startedAt, locale), min: minutes(s, now), n: s.count })}
                  {s.endedAt ? '' : ` · ${rt(locale, 'live')}`}
                  {s.site ? ` · ${s.site}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {p.compared && (
        <section class="ll-rp-compare" aria-labelledby="ll-rp-compare-h">
          <h3 id="ll-rp-compare-h" class="ll-rp-h3">
            {rt(locale, 'compareTitle')}
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{rt(locale, 'category')}</th>
                <th scope="col">
                  #{p.compared.a.session.id} {when(p.compared.a.session.startedAt, locale)}
                </th>
                <th scope="col">
                  #{p.compared.b.session.id} {when(p.compared.b.session.startedAt, locale)}
                </th>
              </tr>
            </thead>
            <tbody>
              {compareSessions(p.compared.a.findings, p.compared.b.findings).map((r) => (
                <tr key={r.category}>
                  <th scope="row">{CATEGORY_INFO[r.category][locale]}</th>
                  <td>{r.a}</td>
                  <td>
                    {r.b} {r.b < r.a ? '↓' : r.b > r.a ? '↑' : ''}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{rt(locale, 'total')}</th>
                <td>{p.compared.a.findings.length}</td>
                <td>{p.compared.b.findings.length}</td>
              </tr>
              <tr>
                <th scope="row">{rt(locale, 'perMinute')}</th>
                {([p.compared.a, p.compared.b] as const).map((x, i) => (
                  <td key={i}>{totals(x.findings, x.session.startedAt, x.session.endedAt ?? now).perMinute.toFixed(1)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
