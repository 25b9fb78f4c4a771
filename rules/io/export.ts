import Papa from 'papaparse';
import { stringify } from 'yaml';
import type { Pack } from '../engine/schema.ts';
import { guardFormula } from '../engine/product/csv-text.ts';

// Export writes the formats import reads, so a pack survives the round trip. CSV holds term rules
// only (the spreadsheet columns cannot express patterns or proximity); skipped rules are counted
// so the manager can say so. Cells starting with = + - @ get a ' so Excel never runs them as formulas
// (import drops that mark again). The BOM makes Excel open the file as UTF-8 instead of the ANSI code page.

export function packToJson(pack: Pack): string {
  return JSON.stringify(pack, null, 2) + '\n';
}

export function packToYaml(pack: Pack): string {
  return stringify(pack, { lineWidth: 0 });
}

export function packToCsv(pack: Pack): { text: string; skipped: number } {
  const rows: string[][] = [];
  let skipped = 0;
  for (const rule of pack.rules) {
    if (rule.type !== 'term') {
      skipped++;
      continue;
    }
    rows.push([rule.terms.join('|'), rule.category, rule.severity ?? '', rule.suggestions.join('|'), rule.basis, rule.note ?? '']);
  }
  const text = Papa.unparse({ fields: ['term', 'category', 'severity', 'rewrite', 'basis', 'note'], data: rows.map((r) => r.map(guardFormula)) }, { newline: '\r\n' });
  return { text: `\uFEFF${text}\r\n`, skipped };
}
