import type { Severity } from '../../rules/engine/taxonomy.ts';

// The rehearsal score: 100 minus the weighted findings per 1,000 characters. A short script is
// counted as 1,000 characters so that one slip in two sentences costs points without zeroing it.

export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 10, warning: 4, info: 1 };
export const SCORE_MIN_CHARS = 1000;

export interface ScoreResult {
  score: number;
  /** Weighted findings per 1,000 characters (before the floor at 0). */
  density: number;
  weighted: number;
}

/** Characters that are spoken: whitespace does not count. */
export function spokenLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n++;
  return n;
}

export function scoreOf(findings: readonly { severity: Severity }[], text: string): ScoreResult {
  const weighted = findings.reduce((sum, f) => sum + SEVERITY_WEIGHT[f.severity], 0);
  const density = (weighted * 1000) / Math.max(spokenLength(text), SCORE_MIN_CHARS);
  return { score: Math.max(0, Math.round(100 - density)), density, weighted };
}

/** Seconds needed to say `text` at `perMinute` characters a minute (hosts talk at ~240). */
export function speakingSeconds(text: string, perMinute = 240): number {
  if (!(perMinute > 0)) throw new Error(`pace must be a positive number of characters per minute, got ${perMinute}`);
  return Math.round((spokenLength(text) * 60) / perMinute);
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
