import { effect, signal, untracked } from '@preact/signals';
import { getDb } from '../../rules/store/db.ts';
import { findingsOf, getSetting, listSessions } from '../../rules/store/records.ts';
import type { SessionRow } from '../../rules/store/types.ts';
import type { RecordedFinding } from '../../components/report/analyze.ts';
import type { SessionSummary } from '../../components/report/ReportView.tsx';
import { rt } from '../../components/report/messages.ts';
import { sessionToCsv, sessionToJson } from '../../components/report/export.ts';
import { download } from '../../components/rehearsal/export.ts';
import type { Locale } from '../../components/i18n.ts';
import { sendToBackground, snapshot } from './live-model.ts';

// The report's data and its recording controls. Recording itself runs in the background
// (entrypoints/background/session/recorder.ts), panel open or not; this panel sends start, stop and
// the auto switch over its Port and reads what is recording from the store, like everything else.

const AUTO_KEY = 'report:auto';

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

let started = false;
/** The recording session last seen, and whether this panel asked for it (else: it started by itself). */
let seenRecording: number | null | undefined;
let askedToStart = false;

const db = () => getDb();
const asSession = (r: SessionRow) => r as SessionRow & { id: number };

export async function start(_locale: Locale) {
  askedToStart = true;
  sendToBackground({ type: 'session-start', tabId: snapshot.peek()?.tabId ?? null });
}

export async function stop(_locale: Locale) {
  sendToBackground({ type: 'session-stop' });
  recording.value = null;
}

export function setAuto(on: boolean) {
  auto.value = on;
  sendToBackground({ type: 'session-auto', on });
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

/** Once per page: the auto switch's state. */
export function startRecorder(_locale?: () => Locale) {
  if (started) return;
  started = true;
  void getSetting(db(), AUTO_KEY, true)
    .catch(() => true)
    .then((v) => (auto.value = v));
}

async function load(id: number, all: SessionRow[]) {
  const s = all.find((r) => r.id === id);
  return s ? { session: asSession(s), findings: (await findingsOf(db(), id)) as RecordedFinding[] } : null;
}

/** Reads what the report shows (and what is recording). Only while the Report tab is open. */
async function refresh() {
  const all = await listSessions(db());
  // The newest unfinished session is the one the background is recording.
  const open = all[0] && all[0].endedAt === undefined ? asSession(all[0]) : null;
  recording.value = open ? { session: open, count: (await findingsOf(db(), open.id)).length } : null;
  if (open && seenRecording !== undefined && seenRecording !== open.id) {
    if (askedToStart) notice.value = null;
    else notice.value = (l) => rt(l, 'autoStarted', { site: open.site ?? '' });
    selectedId.value = open.id;
  }
  if (open) askedToStart = false;
  seenRecording = open?.id ?? null;
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

/** While the Report tab is mounted: re-read once a second (the background writes meanwhile). Returns the stop function. */
export function watchReport(): () => void {
  let busy = false;
  const tick = () => {
    now.value = Date.now();
    if (busy) return;
    busy = true;
    void refresh()
      .catch(() => {})
      .finally(() => (busy = false));
  };
  tick();
  const timer = setInterval(tick, 1000);
  const stopEffect = effect(() => {
    void selectedId.value;
    void compare.value;
    untracked(tick); // a click re-reads at once, not a second later
  });
  return () => {
    clearInterval(timer);
    stopEffect();
  };
}
