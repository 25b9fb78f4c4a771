import { effect, signal } from '@preact/signals';
import { liveQuery, type Subscription } from 'dexie';
import { getDb } from '../../rules/store/db.ts';
import { appendFindings, endSession, findingsOf, getSetting, listSessions, setSetting, startSession } from '../../rules/store/records.ts';
import type { FindingRow, SessionRow } from '../../rules/store/types.ts';
import type { PanelSnapshot } from '../background/panel-protocol.ts';
import type { RecordedFinding } from '../../components/report/analyze.ts';
import type { SessionSummary } from '../../components/report/ReportView.tsx';
import { rt } from '../../components/report/messages.ts';
import { sessionToCsv, sessionToJson } from '../../components/report/export.ts';
import { download } from '../../components/rehearsal/export.ts';
import type { Locale } from '../../components/i18n.ts';
import { snapshot } from './live-model.ts';

// Session recording and the report's data. The panel already receives every finding of the page
// being checked (snapshots from the background), so it records them into the store's sessions
// and findings tables itself: a finding is appended once, by its stable key. Recording therefore
// runs while a panel (or a full-tab panel) is open.

const ACTIVE_KEY = 'report:active';
const AUTO_KEY = 'report:auto';

interface Active {
  id: number;
  startedAt: number;
  /** Findings first seen before this are not part of the session. */
  since: number;
  tabId: number | null;
  site?: string;
}

export const recording = signal<{ session: SessionRow & { id: number }; count: number } | null>(null);
export const auto = signal(true);
/** A message rendered in the current language (the host may switch language while it shows). */
export const notice = signal<((locale: Locale) => string) | null>(null);
export const sessions = signal<SessionSummary[]>([]);
export const selectedId = signal<number | null>(null);
export const selected = signal<{ session: SessionRow & { id: number }; findings: RecordedFinding[] } | null>(null);
export const compare = signal<number[]>([]);
export const compared = signal<{ a: { session: SessionRow & { id: number }; findings: RecordedFinding[] }; b: { session: SessionRow & { id: number }; findings: RecordedFinding[] } } | null>(null);
export const now = signal(Date.now());

let active: Active | null = null;
const recorded = new Set<string>();
let writes: Promise<unknown> = Promise.resolve();
/** A tab whose session the host stopped by hand: not restarted automatically until another page streams. */
let stoppedTab: number | null = null;
let started = false;

const db = () => getDb();
const asSession = (r: SessionRow) => r as SessionRow & { id: number };
const fail = (_locale: Locale) => (e: unknown) => {
  const error = e instanceof Error ? e.message : String(e);
  notice.value = (l) => rt(l, 'storeError', { error });
};

function rowOf(f: PanelSnapshot['findings'][number]): Omit<FindingRow, 'id' | 'sessionId'> {
  return { at: f.seenAt, rule: f.rule, category: f.category, severity: f.severity, match: f.match, source: f.source, text: f.sentence };
}

/** Feeds one snapshot into the recording: auto-start, then append the findings not yet recorded. */
export function onSnapshot(s: PanelSnapshot | null, locale: Locale = 'zh') {
  if (!s || s.tabId === null) return;
  const streaming = !!s.site && s.site !== 'selection';
  if (!active && auto.value && streaming && s.tabId !== stoppedTab) {
    void start(locale, { tabId: s.tabId, ...(s.site ? { site: s.site } : {}), ...(s.url ? { url: s.url } : {}), since: Date.now() - 10_000 }).then(() => {
      notice.value = (l) => rt(l, 'autoStarted', { site: s.site ?? '' });
      onSnapshot(s, locale);
    });
    return;
  }
  if (!active) return;
  if (active.tabId === null) active.tabId = s.tabId;
  if (s.tabId !== active.tabId) return;
  const fresh = s.findings.filter((f) => !recorded.has(f.key) && f.seenAt >= active!.since);
  if (fresh.length === 0) return;
  for (const f of fresh) recorded.add(f.key);
  const id = active.id;
  writes = writes.then(() => appendFindings(db(), id, fresh.map(rowOf))).catch(fail(locale));
  if (recording.value) recording.value = { ...recording.value, count: recording.value.count + fresh.length };
}

export async function start(locale: Locale, opts: { tabId?: number | null; site?: string; url?: string; since?: number } = {}) {
  if (active) return;
  const snap = snapshot.peek();
  const tabId = opts.tabId ?? snap?.tabId ?? null;
  const site = opts.site ?? snap?.site;
  const url = opts.url ?? snap?.url;
  const startedAt = Date.now();
  // Claim the slot before awaiting, so two snapshots in a row cannot start two sessions.
  active = { id: -1, startedAt, since: opts.since ?? startedAt, tabId, ...(site ? { site } : {}) };
  recorded.clear();
  try {
    const id = await startSession(db(), { startedAt, ...(site ? { site } : {}), ...(url ? { url } : {}) });
    active.id = id;
    stoppedTab = null;
    recording.value = { session: { id, startedAt, ...(site ? { site } : {}), ...(url ? { url } : {}) }, count: 0 };
    selectedId.value = id;
    await setSetting(db(), ACTIVE_KEY, { id, tabId, since: active.since });
    if (snap && !opts.since) onSnapshot(snap, locale);
  } catch (e) {
    active = null;
    fail(locale)(e);
  }
}

export async function stop(locale: Locale) {
  if (!active) return;
  const { id, tabId } = active;
  active = null;
  stoppedTab = tabId;
  recording.value = null;
  await writes;
  await endSession(db(), id).catch(fail(locale));
  await setSetting(db(), ACTIVE_KEY, null).catch(() => {});
}

export function setAuto(on: boolean) {
  auto.value = on;
  void setSetting(db(), AUTO_KEY, on).catch(() => {});
}

export function select(id: number) {
  selectedId.value = id;
}

export function toggleCompare(id: number) {
  const cur = compare.value;
  compare.value = cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id].slice(-2);
}

export function exportSelected(kind: 'json' | 'csv') {
  const s = selected.value;
  if (!s) return;
  const stamp = new Date(s.session.startedAt).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  if (kind === 'json') download(`livelint-session-${stamp}.json`, sessionToJson(s.session, s.findings), 'application/json');
  else download(`livelint-session-${stamp}.csv`, sessionToCsv(s.session, s.findings), 'text/csv;charset=utf-8');
}

const subs: Subscription[] = [];

/** Once per page: resume an unfinished session, watch the store, record snapshots. */
export function startReport(locale: () => Locale) {
  if (started) return;
  started = true;
  void (async () => {
    auto.value = await getSetting(db(), AUTO_KEY, true).catch(() => true);
    const saved = await getSetting<{ id: number; tabId: number | null; since: number } | null>(db(), ACTIVE_KEY, null).catch(() => null);
    const rows = saved ? await listSessions(db()).catch(() => []) : [];
    const row = rows.find((r) => r.id === saved?.id && r.endedAt === undefined);
    if (saved && row) {
      const done = await findingsOf(db(), saved.id).catch(() => []);
      active = { id: saved.id, startedAt: row.startedAt, since: saved.since, tabId: saved.tabId, ...(row.site ? { site: row.site } : {}) };
      // Findings already stored keep their key out of the recording: rule + first-seen time is enough.
      for (const s of snapshot.peek()?.findings ?? []) if (done.some((d) => d.rule === s.rule && d.at === s.seenAt)) recorded.add(s.key);
      recording.value = { session: asSession(row), count: done.length };
      selectedId.value ??= saved.id;
    }
    effect(() => onSnapshot(snapshot.value, locale()));
  })();
  subs.push(
    liveQuery(async () => {
      const list = (await listSessions(db())).slice(0, 50);
      return Promise.all(list.map(async (s) => ({ ...asSession(s), count: (await findingsOf(db(), s.id!)).length })));
    }).subscribe({ next: (v) => (sessions.value = v), error: () => {} }),
  );
  let detail: Subscription | undefined;
  effect(() => {
    const id = selectedId.value;
    detail?.unsubscribe();
    if (id === null) return void (selected.value = null);
    detail = liveQuery(async () => {
      const s = (await listSessions(db())).find((r) => r.id === id);
      return s ? { session: asSession(s), findings: await findingsOf(db(), id) } : null;
    }).subscribe({ next: (v) => (selected.value = v), error: () => {} });
  });
  let pair: Subscription | undefined;
  effect(() => {
    const ids = compare.value;
    pair?.unsubscribe();
    if (ids.length !== 2) return void (compared.value = null);
    pair = liveQuery(async () => {
      const all = await listSessions(db());
      const load = async (id: number) => {
        const s = all.find((r) => r.id === id);
        return s ? { session: asSession(s), findings: await findingsOf(db(), id) } : null;
      };
      const [a, b] = await Promise.all([load(ids[0]!), load(ids[1]!)]);
      // Older first, so "↓" in the second column means the later session improved.
      return a && b ? (a.session.startedAt <= b.session.startedAt ? { a, b } : { a: b, b: a }) : null;
    }).subscribe({ next: (v) => (compared.value = v), error: () => {} });
  });
  setInterval(() => (now.value = Date.now()), 15_000);
}
