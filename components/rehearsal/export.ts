import type { Locale } from '../i18n.ts';
import { CATEGORY_INFO, type FindingCategory, type Severity } from '../../rules/engine/taxonomy.ts';
import { tr } from './messages.ts';
import { formatDuration, scoreOf, speakingSeconds } from './score.ts';

// The script with its findings, as plain text or Markdown, for handing to the team or the brand.

export interface ExportFinding {
  category: FindingCategory;
  severity: Severity;
  match: string;
  message: string;
  basis: string;
  suggestions: readonly string[];
  start: number;
}

const SEV = { zh: { error: '违规', warning: '风险', info: '提示' }, en: { error: 'Error', warning: 'Warning', info: 'Note' } } as const;

function lines(findings: readonly ExportFinding[], locale: Locale, md: boolean): string[] {
  return [...findings]
    .sort((a, b) => a.start - b.start)
    .map((f, i) => {
      const cat = CATEGORY_INFO[f.category][locale];
      const quote = md ? `**${f.match.replace(/[*_`]/g, '\\$&')}**` : `「${f.match}」`;
      const head = `${i + 1}. [${SEV[locale][f.severity]}·${cat}] ${quote} ${f.message}`;
      const basis = `${tr(locale, 'basis')}: ${f.basis}`;
      const say = f.suggestions[0] ? `${tr(locale, 'sayInstead')}: ${f.suggestions[0]}` : '';
      const indent = md ? '   - ' : '   ';
      return [head, indent + basis, ...(say ? [indent + say] : [])].join('\n');
    });
}

function summary(text: string, findings: readonly ExportFinding[], locale: Locale, pace: number) {
  return tr(locale, 'mdSummary', { score: scoreOf(findings, text).score, n: findings.length, time: formatDuration(speakingSeconds(text, pace)) });
}

export function exportText(text: string, findings: readonly ExportFinding[], locale: Locale, pace = 240): string {
  return [
    tr(locale, 'mdTitle'),
    summary(text, findings, locale, pace),
    '',
    `== ${tr(locale, 'mdScript')} ==`,
    text,
    '',
    `== ${tr(locale, 'mdFindings')} ==`,
    ...lines(findings, locale, false),
    '',
  ].join('\n');
}

export function exportMarkdown(text: string, findings: readonly ExportFinding[], locale: Locale, pace = 240): string {
  const fence = text.includes('```') ? '~~~~' : '```';
  return [
    `# ${tr(locale, 'mdTitle')}`,
    '',
    summary(text, findings, locale, pace),
    '',
    `## ${tr(locale, 'mdScript')}`,
    '',
    fence,
    text,
    fence,
    '',
    `## ${tr(locale, 'mdFindings')}`,
    '',
    ...(findings.length ? lines(findings, locale, true) : [tr(locale, 'noFindings')]),
    '',
  ].join('\n');
}

/** Offers `content` as a file download (extension pages may create object URLs). */
export function download(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
