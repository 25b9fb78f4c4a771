import type { Rule } from '../../rules/engine/schema.ts';
import type { Severity } from '../../rules/engine/taxonomy.ts';
import type { PackDiff } from '../../rules/io/diff.ts';
import type { ImportIssue } from '../../rules/io/issues.ts';

// View shapes the pack manager components take as props (the manager page maps store rows to
// these), so components stay free of Dexie.

export interface PackSummary {
  id: string;
  origin: 'builtin' | 'custom' | 'subscribed';
  enabled: boolean;
  name: { zh: string; en: string };
  version: string;
  ruleCount: number;
  /** Lawful phrases of the pack (pack-wide allow list). */
  allowCount?: number;
  /** The allow list silences every pack's rules, not only this pack's. */
  global?: boolean;
  subscription?: { url: string; checkedAt?: number; error?: { zh: string; en: string } };
}

export interface OverrideView {
  enabled?: boolean;
  severity?: Severity;
  extraTerms?: string[];
  allow?: string[];
}

export type OverridePatch = Partial<OverrideView>;

export interface ImportState {
  file: string;
  /** CSV only: the pack the rows become (a spreadsheet has no pack id or name of its own). */
  csv?: { packId: string; name: string };
  diffs: PackDiff[];
  issues: ImportIssue[];
}

export type EditTarget = { packId: string; rule?: Rule };
