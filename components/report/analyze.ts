import { FINDING_CATEGORIES, type FindingCategory, type Severity } from '../../rules/engine/taxonomy.ts';

// Pure summaries of one recorded session: warnings by category over time (for the chart), totals,
// what chat raised, and two sessions side by side. Input is the store's findings rows.

export interface SessionInfo {
  id: number;
  startedAt: number;
  endedAt?: number;
  site?: string;
  url?: string;
  /** Chat questions and complaints per topic, when the background recorder counted them. */
  chat?: SessionChat;
  /** What the recording could not keep: chat skipped in a flood, findings not written. */
  losses?: { skippedChat: number; unsaved: number };
}

export interface SessionChat {
  questions: Record<string, number>;
  complaints: Record<string, number>;
}

/** Topics viewers asked or complained about most, most first (questions + complaints). */
export function chatTopics(chat: SessionChat | undefined, limit = 8): Array<{ topic: string; questions: number; complaints: number }> {
  if (!chat) return [];
  const topics = new Set([...Object.keys(chat.questions), ...Object.keys(chat.complaints)]);
  return [...topics]
    .map((topic) => ({ topic, questions: chat.questions[topic] ?? 0, complaints: chat.complaints[topic] ?? 0 }))
    .filter((t) => t.questions + t.complaints > 0)
    .sort((a, b) => b.questions + b.complaints - (a.questions + a.complaints) || b.complaints - a.complaints || a.topic.localeCompare(b.topic))
    .slice(0, limit);
}

export interface RecordedFinding {
  at: number;
  rule: string;
  category: FindingCategory;
  severity: Severity;
  match: string;
  source?: string;
  text?: string;
}

export interface Timeline {
  start: number;
  bucketMs: number;
  /** One row per bucket: count per category. */
  buckets: Array<Partial<Record<FindingCategory, number>>>;
  /** Categories that occur, in taxonomy order. */
  categories: FindingCategory[];
  max: number;
}

const NICE_BUCKETS_MS = [60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000];

/** Buckets of a round size (1, 2, 5… minutes) so that the whole session fits in at most `maxBuckets`. */
export function timeline(findings: readonly RecordedFinding[], start: number, end: number, maxBuckets = 12): Timeline {
  const span = Math.max(end - start, 1);
  const bucketMs = NICE_BUCKETS_MS.find((b) => span / b <= maxBuckets) ?? Math.ceil(span / maxBuckets / 60_000) * 60_000;
  const n = Math.max(1, Math.ceil(span / bucketMs));
  const buckets: Timeline['buckets'] = Array.from({ length: n }, () => ({}));
  const seen = new Set<FindingCategory>();
  for (const f of findings) {
    const i = Math.min(n - 1, Math.max(0, Math.floor((f.at - start) / bucketMs)));
    const b = buckets[i]!;
    b[f.category] = (b[f.category] ?? 0) + 1;
    seen.add(f.category);
  }
  const max = Math.max(0, ...buckets.map((b) => Object.values(b).reduce((s, v) => s + (v ?? 0), 0)));
  return { start, bucketMs, buckets, categories: FINDING_CATEGORIES.filter((c) => seen.has(c)), max };
}

export interface Totals {
  total: number;
  byCategory: Partial<Record<FindingCategory, number>>;
  bySeverity: Record<Severity, number>;
  /** Findings per minute over the session's length (at least one minute). */
  perMinute: number;
  minutes: number;
}

export function totals(findings: readonly RecordedFinding[], start: number, end: number): Totals {
  const byCategory: Totals['byCategory'] = {};
  const bySeverity: Totals['bySeverity'] = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    bySeverity[f.severity]++;
  }
  const minutes = Math.max(1, (end - start) / 60_000);
  return { total: findings.length, byCategory, bySeverity, perMinute: findings.length / minutes, minutes };
}

export interface TopItem {
  text: string;
  count: number;
  category: FindingCategory;
}

/** What chat raised most often (risky questions, off-platform asks…), by matched wording. */
export function topChat(findings: readonly RecordedFinding[], limit = 8): TopItem[] {
  const by = new Map<string, TopItem>();
  for (const f of findings) {
    if (f.source !== 'chat') continue;
    const key = `${f.category}\u0000${f.match}`;
    const item = by.get(key) ?? { text: f.match, count: 0, category: f.category };
    item.count++;
    by.set(key, item);
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).slice(0, limit);
}

/**
 * What the host said most (script or captions), by wording: what to train before next time. Two
 * rules flagging one phrase count it once per time it was said, under the first rule seen.
 */
export function topRules(findings: readonly RecordedFinding[], limit = 5): Array<{ rule: string; match: string; count: number }> {
  const by = new Map<string, { rule: string; match: string; count: number }>();
  const counted = new Set<string>();
  for (const f of findings) {
    if (f.source === 'chat') continue;
    // The same utterance flagged by several rules arrives as several rows with one time.
    const once = `${f.match}\u0000${f.at}`;
    if (counted.has(once)) continue;
    counted.add(once);
    const item = by.get(f.match) ?? { rule: f.rule, match: f.match, count: 0 };
    item.count++;
    by.set(f.match, item);
  }
  return [...by.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}

export interface CompareRow {
  category: FindingCategory;
  a: number;
  b: number;
}

export function compareSessions(a: readonly RecordedFinding[], b: readonly RecordedFinding[]): CompareRow[] {
  const count = (list: readonly RecordedFinding[], c: FindingCategory) => list.filter((f) => f.category === c).length;
  return FINDING_CATEGORIES.map((category) => ({ category, a: count(a, category), b: count(b, category) })).filter((r) => r.a + r.b > 0);
}
