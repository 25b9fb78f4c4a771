import { guardFormula } from '../../rules/engine/product/csv-text.ts';
import type { RecordedFinding, SessionInfo } from './analyze.ts';

// Session exports. CSV is for spreadsheets: UTF-8 with a BOM so Excel reads Chinese correctly,
// and cells that start with = + - @ are prefixed with ' so they never run as formulas (guardFormula).

export const CSV_HEADER = ['session', 'time', 'rule', 'category', 'severity', 'source', 'match', 'text'] as const;

function cell(value: unknown): string {
  const s = guardFormula(value === undefined || value === null ? '' : String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function sessionToCsv(session: SessionInfo, findings: readonly RecordedFinding[]): string {
  const rows = findings.map((f) =>
    [session.id, new Date(f.at).toISOString(), f.rule, f.category, f.severity, f.source ?? '', f.match, f.text ?? ''].map(cell).join(','),
  );
  return '\ufeff' + [CSV_HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}

export function sessionToJson(session: SessionInfo, findings: readonly RecordedFinding[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'livelint-session', version: 1, session, ...extra, findings }, null, 2);
}
