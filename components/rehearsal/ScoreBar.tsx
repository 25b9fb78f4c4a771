import type { Locale } from '../i18n.ts';
import { tr } from './messages.ts';
import { formatDuration, type ScoreResult } from './score.ts';

// Score, length and speaking time at a glance. The score's formula is in its tooltip and in a
// screen-reader description; the grade is a word as well as a colour.

export interface ScoreBarProps {
  locale: Locale;
  score: ScoreResult;
  chars: number;
  seconds: number;
  pace: number;
  findings: number;
  onPace(pace: number): void;
}

const grade = (score: number) => (score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor');
const GRADE = { zh: { good: '良好', fair: '待改', poor: '高风险' }, en: { good: 'good', fair: 'needs work', poor: 'high risk' } } as const;

export function ScoreBar({ locale, score, chars, seconds, pace, findings, onPace }: ScoreBarProps) {
  const tip = tr(locale, 'scoreTip', { weighted: score.weighted, density: score.density.toFixed(1) });
  const g = grade(score.score);
  return (
    <div class="ll-rh-stats">
      <span class={`ll-rh-score ll-rh-score-${g}`} title={tip} tabIndex={0} aria-describedby="ll-rh-score-tip" data-score={score.score}>
        {tr(locale, 'score', { score: score.score })} · {GRADE[locale][g]}
      </span>
      <span id="ll-rh-score-tip" class="ll-sr-only">
        {tip}
      </span>
      <span>{tr(locale, 'findings', { n: findings })}</span>
      <span>{tr(locale, 'chars', { n: chars })}</span>
      <span title={tr(locale, 'timeTip', { pace })}>{tr(locale, 'time', { time: formatDuration(seconds) })}</span>
      <label class="ll-rh-pace">
        {tr(locale, 'pace')}
        <input
          type="number"
          min={60}
          max={600}
          step={10}
          value={pace}
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLInputElement).value);
            if (v >= 60 && v <= 600) onPace(v);
          }}
        />
      </label>
    </div>
  );
}
