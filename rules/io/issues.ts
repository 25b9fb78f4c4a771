import type { z } from 'zod';

// One problem found in an imported file, located by file and by row (CSV) or path (JSON/YAML).
export interface ImportIssue {
  file: string;
  row?: number;
  path?: string;
  reason: string;
}

export const MAX_ISSUES = 200;

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.row !== undefined ? `第${issue.row}行/row ${issue.row}` : '', issue.path ?? '']
    .filter(Boolean)
    .join(' ');
  return `${where}: ${issue.reason}`;
}

/** Every zod issue as an ImportIssue, with paths written `rules.3.terms.0`. */
export function zodIssues(file: string, error: z.ZodError, prefix: (string | number)[] = []): ImportIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({
    file,
    path: [...prefix, ...i.path].map(String).join('.') || '(root)',
    reason: i.message,
  }));
}
