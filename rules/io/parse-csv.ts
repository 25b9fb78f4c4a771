import Papa from 'papaparse';
import { unguardFormula } from '../engine/product/csv-text.ts';
import { ruleSchema, type Pack, type RuleInput } from '../engine/schema.ts';
import { CATEGORY_INFO, FINDING_CATEGORIES, SEVERITIES, type FindingCategory, type Severity } from '../engine/taxonomy.ts';
import type { ImportIssue } from './issues.ts';
import { MAX_ISSUES } from './issues.ts';
import { preparePack } from './prepare-pack.ts';

// CSV is for spreadsheets: one row per term rule, columns term, category, severity, rewrite, basis,
// note (Chinese headers 词语/类别/级别/改写/依据/备注 work too). Category and severity cells accept
// the Chinese labels a shop manager sees in the UI. Rows are numbered as a spreadsheet shows them
// (the header is row 1), so an error message points at the cell to fix.

const HEADERS: Record<string, string[]> = {
  term: ['term', 'terms', '词语', '词', '违禁词', '敏感词', '关键词', '用语'],
  category: ['category', '类别', '分类', '类型'],
  severity: ['severity', 'level', '级别', '等级', '严重程度'],
  rewrite: ['rewrite', 'rewrites', 'suggestion', 'suggestions', '改写', '建议', '替换', '替换词', '建议改写'],
  basis: ['basis', 'law', '依据', '法律依据', '法规依据'],
  note: ['note', 'notes', 'comment', '备注', '说明'],
};

const SEVERITY_WORDS: Record<string, Severity> = {
  error: 'error',
  错误: 'error',
  严重: 'error',
  高: 'error',
  warning: 'warning',
  warn: 'warning',
  警告: 'warning',
  中: 'warning',
  info: 'info',
  提示: 'info',
  信息: 'info',
  低: 'info',
};

/** Terms or rewrites in one cell: separated by | ｜ ; ； or a line break. */
function splitCell(cell: string): string[] {
  return cell
    .split(/[|｜;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function columnOf(header: string): string | undefined {
  const h = header.replace(/^\uFEFF/, '').trim().toLowerCase();
  return Object.keys(HEADERS).find((key) => HEADERS[key].includes(h));
}

function categoryOf(cell: string): FindingCategory | undefined {
  const c = cell.trim();
  if ((FINDING_CATEGORIES as readonly string[]).includes(c.toLowerCase())) return c.toLowerCase() as FindingCategory;
  return FINDING_CATEGORIES.find((id) => CATEGORY_INFO[id].zh === c || CATEGORY_INFO[id].en.toLowerCase() === c.toLowerCase());
}

/** A sentence holding none of the terms, so the generated pass example is really lawful text. */
function passExample(terms: string[]): string {
  const candidates = ['这是一句普通的介绍。', '今天天气不错。', '欢迎来到直播间。'];
  return candidates.find((c) => terms.every((t) => !c.includes(t))) ?? '。';
}

export interface CsvOptions {
  packId: string;
  name: { zh: string; en: string };
}

export function parseCsvPack(text: string, file: string, options: CsvOptions): { packs: Pack[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', transform: unguardFormula });
  for (const e of parsed.errors.slice(0, MAX_ISSUES)) {
    issues.push({ file, row: (e.row ?? 0) + 1, reason: `CSV 格式错误 / CSV syntax: ${e.message}` });
  }
  const [header, ...rows] = parsed.data;
  if (!header) return { packs: [], issues: [...issues, { file, reason: '文件为空 / the file is empty' }] };
  const columns = header.map((h) => columnOf(String(h)));
  if (!columns.includes('term')) {
    issues.push({
      file,
      row: 1,
      reason: `缺少“词语/term”列（表头：${header.join(', ')}）/ no "term" column in header: ${header.join(', ')}`,
    });
    return { packs: [], issues };
  }
  if (!columns.includes('category')) {
    issues.push({ file, row: 1, reason: '缺少“类别/category”列 / no "category" column' });
    return { packs: [], issues };
  }

  const rules: RuleInput[] = [];
  const rowOfRule: number[] = [];
  const firstRowOfTerm = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (issues.length >= MAX_ISSUES) return;
    const cell: Record<string, string> = {};
    columns.forEach((col, c) => {
      if (col && cells[c] !== undefined) cell[col] = String(cells[c]).trim();
    });
    const terms = splitCell(cell.term ?? '');
    if (terms.length === 0) {
      issues.push({ file, row, reason: '“词语”为空 / empty term' });
      return;
    }
    for (const t of terms) {
      const earlier = firstRowOfTerm.get(t);
      if (earlier !== undefined) issues.push({ file, row, reason: `词语“${t}”与第 ${earlier} 行重复 / term "${t}" repeats row ${earlier}` });
      else firstRowOfTerm.set(t, row);
    }
    const category = categoryOf(cell.category ?? '');
    if (!category) {
      issues.push({ file, row, reason: `未知类别“${cell.category ?? ''}” / unknown category "${cell.category ?? ''}"` });
      return;
    }
    let severity: Severity | undefined;
    if (cell.severity) {
      severity = SEVERITY_WORDS[cell.severity.toLowerCase()];
      if (!severity || !SEVERITIES.includes(severity)) {
        issues.push({ file, row, reason: `未知级别“${cell.severity}”（应为 错误/警告/提示）/ unknown severity "${cell.severity}" (error, warning or info)` });
        return;
      }
    }
    const info = CATEGORY_INFO[category];
    const rule: RuleInput = {
      type: 'term',
      category,
      ...(severity ? { severity } : {}),
      message: { zh: `“${terms[0]}”：${info.zh}`, en: `"${terms[0]}": ${info.en}` },
      basis: cell.basis || info.basis,
      suggestions: splitCell(cell.rewrite ?? ''),
      terms,
      examples: { flag: terms.map((t) => `[[${t}]]`), pass: [passExample(terms)] },
      ...(cell.note ? { note: cell.note } : {}),
    };
    const checked = ruleSchema.safeParse(rule);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        issues.push({ file, row, path: issue.path.join('.'), reason: issue.message });
      }
      return;
    }
    rules.push(rule);
    rowOfRule.push(row);
  });
  if (rows.length === 0) issues.push({ file, reason: '没有数据行 / no data rows' });
  if (issues.length) return { packs: [], issues };

  const result = preparePack({ id: options.packId, name: options.name, rules }, file);
  // Map `rules.N.x` paths back to spreadsheet rows.
  const mapped = result.issues.map((issue) => {
    const m = /^rules\.(\d+)\.?(.*)$/.exec(issue.path ?? '');
    return m ? { file, row: rowOfRule[Number(m[1])], path: m[2] || undefined, reason: issue.reason } : issue;
  });
  return { packs: result.pack ? [result.pack] : [], issues: mapped };
}
