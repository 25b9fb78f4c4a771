import { effect, signal, untracked } from '@preact/signals';
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
let pending: Array<Omit<FindingRow, 'id' | 'sessionId'>> = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;
/** The store changed since the report last read it (read only while the Report tab is open). */
let dirty = true;

function flush(locale: Locale): Promise<unknown> {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  const id = active?.id;
  const batch = pending;
  pending = [];
  if (id === undefined || id < 0 || batch.length === 0) return writes;
  writes = writes
    .then(() => appendFindings(db(), id, batch))
    .then(() => (dirty = true))
    .catch(fail(locale));
  return writes;
}

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
  pending.push(...fresh.map(rowOf));
  // Chat floods push a snapshot every ~120 ms: write at most once a second, in one transaction.
  flushTimer ??= setTimeout(() => void flush(locale), 1000);
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
    dirty = true;
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
  await flush(locale);
  active = null;
  stoppedTab = tabId;
  recording.value = null;
  await writes;
  await endSession(db(), id).catch(fail(locale));
  dirty = true;
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

/** Once per page (with the panel): resume an unfinished session and record snapshots. */
export function startRecorder(locale: () => Locale) {
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
    effect(() => {
      const s = snapshot.value;
      // Only a new snapshot triggers recording (not the signals onSnapshot itself reads and writes).
      untracked(() => onSnapshot(s, locale()));
    });
  })();
}

async function load(id: number, all: SessionRow[]) {
  const s = all.find((r) => r.id === id);
  return s ? { session: asSession(s), findings: (await findingsOf(db(), id)) as RecordedFinding[] } : null;
}

/** Reads what the report shows. Only while the Report tab is open, and only after a change. */
async function refresh() {
  dirty = false;
  const all = await listSessions(db());
  const list = all.slice(0, 50);
  sessions.value = await Promise.all(list.map(async (s) => ({ ...asSession(s), count: (await findingsOf(db(), s.id!)).length })));
  const id = selectedId.peek();
  selected.value = id === null ? null : await load(id, all);
  const ids = compare.peek();
  if (ids.length === 2) {
    const [a, b] = await Promise.all([load(ids[0]!, all), load(ids[1]!, all)]);
    // Older first, so "↓" in the second column means the later session improved.
    compared.value = a && b ? (a.session.startedAt <= b.session.startedAt ? { a, b } : { a: b, b: a }) : null;
  } else compared.value = null;
}

/** While the Report tab is mounted: re-read on changes (at most once a second). Returns the stop function. */
export function watchReport(): () => void {
  dirty = true;
  const stopEffect = effect(() => {
    void selectedId.value;
    void compare.value;
    dirty = true;
  });
  let busy = false;
  const tick = () => {
    now.value = Date.now();
    if (!dirty || busy) return;
    busy = true;
    void refresh()
      .catch(() => {})
      .finally(() => (busy = false));
  };
  tick();
  const timer = setInterval(tick, 1000);
  return () => {
    clearInterval(timer);
    stopEffect();
  };
}
