import {
  compile,
  PRODUCT_CATEGORIES,
  TEXT_SOURCES,
  type Checker,
  type CheckContext,
  type Finding,
  type ProductCategory,
  type TextSource,
} from '../engine/index.ts';
import { parseArgs } from './args.ts';
import { InputError, loadBuiltinPacks, readPackArg } from './pack-files.ts';
import { readProductFile } from './product-file.ts';
import { columnsOf, readStdin, readTextFile, splitLines } from './read-text.ts';
import { checklist, referencePriceStatus } from '../engine/product/index.ts';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

/** The input's lines, decoded (UTF-8, BOM, UTF-16, GBK) or refused before anything is printed. */
async function lines(file: string | undefined): Promise<string[]> {
  return splitLines(file && file !== '-' ? readTextFile(file) : await readStdin());
}

function productCategory(v: string | undefined, where: string): ProductCategory | undefined {
  if (v === undefined || v === '') return undefined;
  if (!(PRODUCT_CATEGORIES as readonly string[]).includes(v)) {
    throw new InputError(`${where}: unknown product category "${v}" (one of ${PRODUCT_CATEGORIES.join(', ')})`);
  }
  return v as ProductCategory;
}

export async function runCheck(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['format', 'category', 'pack', 'product', 'source', 'locale', 'today'],
    bools: ['jsonl', 'no-builtin', 'model', 'no-model'],
  });
  const format = args.one('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new InputError(`--format: "${format}" is not text or json`);
  const locale = args.one('locale') ?? 'zh';
  if (locale !== 'zh' && locale !== 'en') throw new InputError(`--locale: "${locale}" is not zh or en`);
  const source = (args.one('source') ?? 'script') as TextSource;
  if (!TEXT_SOURCES.includes(source)) throw new InputError(`--source: "${source}" is not one of ${TEXT_SOURCES.join(', ')}`);
  if (args.positional.length > 1) throw new InputError('check takes one FILE (or - for stdin)');
  const category = productCategory(args.one('category'), '--category');
  const productFile = args.one('product');
  const product = productFile ? readProductFile(productFile) : undefined;

  const packs = [...(args.bools.has('no-builtin') ? [] : loadBuiltinPacks()), ...(args.values.get('pack') ?? []).flatMap(readPackArg)];
  if (!packs.length) throw new InputError('no packs to check against (built-in packs missing and no --pack given)');
  // The learned second opinion (可能涉及…) is opt-in, as in the extension (its false alarms on ordinary
  // talk are not yet low enough to be on by default); --no-builtin leaves it out (it is built-in knowledge).
  // The second opinion is trained against the built-in packs: on by default with them, never without.
  const checker = compile(packs, { model: !args.bools.has('no-model') && !args.bools.has('no-builtin') });
  const context: CheckContext = { productCategory: category ?? product?.category, locale, product };

  if (args.bools.has('jsonl')) return checkJsonl(checker, context, args.positional[0]);

  const all: Array<Finding & { line: number; column: number }> = [];
  let lineNo = 0;
  let errors = 0;
  const seen: string[] = [];
  for (const line of await lines(args.positional[0])) {
    lineNo++;
    if (product) seen.push(line);
    const found = checker.check([{ id: `line-${lineNo}`, text: line, source }], context);
    const column = found.length ? columnsOf(line) : undefined;
    for (const f of found) {
      if (f.severity === 'error') errors++;
      const col = column!(f.start);
      if (format === 'json') all.push({ ...f, line: lineNo, column: col });
      else {
        const sev = locale === 'zh' ? SEVERITY_ZH[f.severity] : f.severity;
        const tip = f.suggestions.length ? (locale === 'zh' ? ` 建议改为: ${f.suggestions.join(' / ')}` : ` try: ${f.suggestions.join(' / ')}`) : '';
        process.stdout.write(`${lineNo}:${col} ${sev} ${f.rule} 「${f.match}」${f.message} [${f.basis}]${tip}\n`);
      }
    }
  }
  const items = product ? checklist(product, seen) : [];
  // The engine has no clock; the CLI knows today's date, so it checks the 划线价 dates here.
  const today = args.one('today') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new InputError(`--today: "${today}" is not a date written YYYY-MM-DD`);
  const note = product ? referencePriceStatus(product, today) : null;
  if (note) {
    const f = { ...missingFinding('', locale), rule: note.rule, category: 'false-price' as const, severity: note.severity, message: locale === 'zh' ? note.zh : note.en, suggestions: [], basis: '《明码标价和禁止价格欺诈规定》第16条' };
    if (format === 'json') all.push({ ...f, line: 0, column: 0 });
    else process.stdout.write(`-:- ${locale === 'zh' ? SEVERITY_ZH.warning : 'warning'} ${f.rule} ${f.message} [${f.basis}]\n`);
  }
  if (format === 'json') {
    all.push(...items.filter((i) => !i.said).map((i) => ({ ...missingFinding(i.text, locale), line: 0, column: 0 })));
    process.stdout.write(JSON.stringify(product ? { findings: all, checklist: items } : { findings: all }, null, 1) + '\n');
  } else {
    // Still unsaid: a reminder (info), printed after the line findings, never an error.
    for (const i of items.filter((x) => !x.said)) {
      const f = missingFinding(i.text, locale);
      process.stdout.write(`-:- ${locale === 'zh' ? SEVERITY_ZH.info : 'info'} ${f.rule} ${f.message} [${f.basis}]\n`);
    }
  }
  return errors > 0 ? 1 : 0;
}

/** A required disclosure or must-say selling point not found anywhere in the checked text. */
function missingFinding(text: string, locale: 'zh' | 'en'): Finding {
  return {
    rule: 'product/missing-disclosure',
    category: 'missing-disclosure',
    severity: 'info',
    message: locale === 'zh' ? `尚未说明：${text}` : `Not said yet: ${text}`,
    start: 0,
    end: 0,
    match: '',
    basis: '广告法 第8条, 第18条',
    suggestions: [text],
    block: 'document',
  };
}

/**
 * Batch mode for tools (the eval scorer, spreadsheets of scripts): one JSON object per line in,
 * one per line out, in order. Exits 0 even with error findings so a pipeline can read every row;
 * 2 when an input line was malformed (that line gets an "error" row, the rest are still checked).
 */
async function checkJsonl(checker: Checker, base: CheckContext, file: string | undefined): Promise<number> {
  let lineNo = 0;
  let bad = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) process.stdout.write(out.join(''));
    out.length = 0;
  };
  for (const line of await lines(file)) {
    lineNo++;
    if (!line.trim()) continue;
    const where = `${file && file !== '-' ? file : 'stdin'} line ${lineNo}`;
    let row: { id?: unknown; text?: unknown; productCategory?: unknown; source?: unknown } | undefined;
    try {
      row = JSON.parse(line);
      if (!row || typeof row !== 'object') throw new Error('not an object');
      if (typeof row.text !== 'string') throw new InputError(`${where}: field "text" must be a string`);
      const pc = productCategory(row.productCategory == null ? undefined : String(row.productCategory), `${where}: field "productCategory"`);
      const src = row.source === undefined ? 'script' : row.source;
      if (!TEXT_SOURCES.includes(src as TextSource)) throw new InputError(`${where}: field "source" must be one of ${TEXT_SOURCES.join(', ')}`);
      const id = row.id === undefined ? String(lineNo) : String(row.id);
      const findings = checker.check([{ id, text: row.text, source: src as TextSource }], { ...base, productCategory: pc ?? base.productCategory });
      out.push(JSON.stringify({ id: row!.id ?? id, findings }) + '\n');
    } catch (e) {
      bad++;
      const msg = e instanceof InputError ? e.message : `${where}: not valid JSON (${(e as Error).message})`;
      process.stderr.write(`livelint: ${msg}\n`);
      out.push(JSON.stringify({ id: row?.id ?? null, line: lineNo, error: msg }) + '\n');
    }
    if (out.length >= 256) flush();
  }
  flush();
  return bad ? 2 : 0;
}
